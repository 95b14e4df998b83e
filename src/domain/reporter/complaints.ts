/**
 * Complaints about officials go only to oversight officers, and staff named in a report never get access to it.
 * The answers of fields marked `namesStaff` (the officials complained about, the people involved) are matched
 * against active staff at submission; everyone matched is excluded from the case before any key is sealed to
 * them (src/domain/reporter/submit.ts).
 * @see CEL 2023 Art. 52 (complaints about officials; no suppression or retaliation); DESIGN flow 7
 */
import type { Category } from '../../shared/profile.ts';

/** Lower case, without accents (NFKD, combining marks removed): "Zoë Brandt" and "ZOE BRANDT" read alike. */
export function foldName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;
const words = (text: string): string[] => foldName(text).match(WORD) ?? [];
/**
 * The words a username could be: runs of letters, digits and the signs usernames hold (. _ -), without the full
 * stops that end them (a sentence's end) — so "j.novak," and "(j.novak)." hold "j.novak", "j.novak.org" does not.
 */
const usernameTokens = (folded: string): Set<string> =>
  new Set(folded.split(/[^\p{L}\p{N}._-]+/u).map((t) => t.replace(/\.+$/, '')));

/** The answers of the category's `namesStaff` fields that were given, as text. */
export function namingTexts(category: Pick<Category, 'fields'>, answers: Record<string, unknown>): string[] {
  return category.fields
    .filter((f) => f.namesStaff)
    .map((f) => answers[f.id])
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

/**
 * The staff a text names: a display name when every one of its words appears in the text as a whole word (in any
 * order), a username when it appears as a whole word; case and accents ignored.
 * @returns the ids of the staff named, in the order given
 */
export function namedStaff(
  texts: readonly string[],
  staff: readonly { id: string; username: string; display_name: string }[],
): string[] {
  if (texts.length === 0) return [];
  const folded = foldName(texts.join('\n'));
  const present = new Set(folded.match(WORD) ?? []);
  const tokens = usernameTokens(folded);
  return staff
    .filter((u) => {
      const nameWords = words(u.display_name);
      if (nameWords.length > 0 && nameWords.every((w) => present.has(w))) return true;
      // A username may hold . _ - : a whole word is one not joined to letters, digits or those signs on either side.
      return tokens.has(foldName(u.username));
    })
    .map((u) => u.id);
}
