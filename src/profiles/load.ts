/**
 * Loads a deployment profile from its folder and validates it once, at start-up:
 *
 *   profiles/<id>/profile.json              everything but the categories
 *   profiles/<id>/categories/<nn>-<id>.json one category per file, in file name order
 *
 * Any problem stops start-up with a ProfileError naming the file, the JSON path, what is wrong and how to fix
 * it — a text without its translation into one of the profile's `languages` too. The profile returned is in its
 * default language and deeply frozen; `profileIn` (./localize.ts) gives it in the others.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROFILE_ID, type Profile } from '../shared/profile.ts';
import { parseJson } from './json.ts';
import { formatPath, isObject, readProfileSource, type SourceIssue } from './source.ts';

export interface ProfileProblem {
  /** The file (or folder) at fault, relative to the working directory when inside it. */
  file: string;
  /** JSON path inside the file, e.g. `fields[2].options`, a `line 4, column 3` position, or '' for the file. */
  where: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/** A profile that cannot be used; the message has one line per problem: `file: where: what — fix`. */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  constructor(readonly problems: readonly ProfileProblem[]) {
    super(problems.map(({ file, where, message }) => [file, where, message].filter(Boolean).join(': ')).join('\n'));
  }
}

/**
 * The profile source in `dir`: profile.json with its category files as `categories` (in file name order), not
 * yet validated; and where each part came from.
 * @throws ProfileError for a missing file, malformed JSON, or categories written into profile.json
 */
export async function readProfileFiles(dir: string): Promise<{
  source: Record<string, unknown>;
  profileFile: string;
  categoryDir: string;
  categoryFiles: string[];
}> {
  const profileFile = path.join(dir, 'profile.json');
  const categoryDir = path.join(dir, 'categories');

  const head = await readJsonFile(profileFile);
  if (!isObject(head)) {
    throw problem(profileFile, '', 'expected an object { … } — the file must hold one JSON object');
  }
  if (Object.hasOwn(head, 'categories')) {
    throw problem(
      profileFile,
      'categories',
      'categories are not written here — put each in its own file under categories/, e.g. categories/10-general.json',
    );
  }

  const categoryFiles = (await listJsonFiles(categoryDir)).map((name) => path.join(categoryDir, name));
  const categories: unknown[] = [];
  const problems: ProfileProblem[] = [];
  for (const file of categoryFiles) {
    try {
      categories.push(await readJsonFile(file));
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ProfileError(problems);

  return { source: { ...head, categories }, profileFile, categoryDir, categoryFiles };
}

/**
 * Reads and validates the profile in `dir`.
 * @throws ProfileError for a missing file, malformed JSON, an invalid value, or an id that is not the folder name
 */
export async function loadProfile(dir: string): Promise<Profile> {
  const { source, profileFile, categoryDir, categoryFiles } = await readProfileFiles(dir);
  const reading = readProfileSource(source);
  if (!reading.ok) {
    throw new ProfileError(reading.issues.map((issue) => locate(issue, profileFile, categoryDir, categoryFiles)));
  }
  const { profile } = reading;
  const folder = path.basename(path.resolve(dir));
  if (profile.id !== folder) {
    throw problem(
      profileFile,
      'id',
      `${JSON.stringify(profile.id)} is not the folder name ${JSON.stringify(folder)} — make them the same`,
    );
  }
  return profile;
}

/**
 * The profiles under `rootDir` (each folder with a profile.json), by id. Every one is loaded and validated.
 * @throws ProfileError if one of them is invalid
 */
export async function listProfiles(rootDir: string): Promise<{ id: string; name: string }[]> {
  const entries = await readdir(rootDir, { withFileTypes: true }).catch((error: unknown) => {
    throw isNotFound(error) ? problem(rootDir, '', 'folder not found — check the profiles folder setting') : error;
  });
  const ids = entries
    .filter((entry) => entry.isDirectory() && PROFILE_ID.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const profiles: { id: string; name: string }[] = [];
  for (const id of ids) {
    const dir = path.join(rootDir, id);
    const names = await readdir(dir);
    if (!names.includes('profile.json')) continue;
    const { name } = await loadProfile(dir);
    profiles.push({ id, name });
  }
  return profiles;
}

/**
 * The folder of profile `id` under `rootDir`.
 * @throws ProfileError if `id` is not made of lowercase letters, digits and '-' (so it cannot leave `rootDir`)
 */
export function resolveProfileDir(rootDir: string, id: string): string {
  if (!PROFILE_ID.test(id)) {
    throw problem(
      rootDir,
      '',
      `${JSON.stringify(id)} is not a valid profile id — use lowercase letters, digits or -, e.g. "national-security"`,
    );
  }
  return path.join(rootDir, id);
}

async function readJsonFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw isNotFound(error)
      ? problem(file, '', 'file not found — check the profile folder, or copy one of the shipped profiles')
      : error;
  });
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.problem;
    throw problem(file, `line ${line}, column ${column}`, message);
  }
  return parsed.value;
}

async function listJsonFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: unknown) => {
    throw isNotFound(error)
      ? problem(dir, '', 'folder not found — create it and add one JSON file per category, e.g. 10-general.json')
      : error;
  });
  // Code-unit order, as `ls` shows them: give number prefixes the same width (10-, 20-, …).
  return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
}

/** Maps an issue on the assembled profile back to the file it came from. */
function locate(issue: SourceIssue, profileFile: string, categoryDir: string, categoryFiles: string[]): ProfileProblem {
  const [first, index, ...rest] = issue.path;
  if (first === 'categories' && typeof index === 'number') {
    return { file: display(categoryFiles[index] ?? categoryDir), where: formatPath(rest), message: issue.message };
  }
  if (first === 'categories') {
    return {
      file: display(categoryDir),
      where: '',
      message: `${issue.message} as a JSON file in this folder, e.g. 10-general.json`,
    };
  }
  return { file: display(profileFile), where: formatPath(issue.path), message: issue.message };
}

function problem(file: string, where: string, message: string): ProfileError {
  return new ProfileError([{ file: display(file), where, message }]);
}

function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}
