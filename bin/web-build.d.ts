/** Builds the staff workspace when dist/web is missing or older than src/web and src/shared. @returns null, or the build's output when it failed */
export function ensureWebBuilt(options?: { quiet?: boolean }): string | null;
