/**
 * Person-written text (names, usernames, labels) placed inside a translated sentence: wrapped in Unicode's
 * FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (U+2068 … U+2069), the plain-text form of <bdi>, so a Latin name
 * inside an Arabic sentence (or an Arabic name inside an English one) neither reorders nor is reordered by the
 * text around it. For message values only: React elements get <bdi> instead.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
