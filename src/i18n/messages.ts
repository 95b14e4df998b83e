/**
 * Messages the server writes in English (errors, validation problems) in another language, on the way to the
 * person who reads them. A catalogue section maps keys to the English text, `{name}` standing for a part that
 * varies ("The username "{username}" is taken."); a message matching one of them is shown as the same key's
 * message in the reader's language, each varying part carried over (and itself translated, one level deep, when it
 * is a message too). A message no entry matches is shown as written. Shared by the public pages and the workspace.
 */
import type { Translate } from './catalogue.ts';

interface MessagePattern {
  key: string;
  pattern: RegExp;
  names: string[];
}

/** `(english) => text` for the entries of `english` (key → English message), translated as `t(prefix + key)`. */
export function messageTranslator(
  english: Readonly<Record<string, unknown>>,
  t: Translate,
  prefix: string,
): (message: string) => string {
  const patterns: MessagePattern[] = Object.entries(english).flatMap(([key, text]) => {
    if (typeof text !== 'string') return [];
    const names: string[] = [];
    const source = text
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (name) {
          names.push(name);
          return '(.*?)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    return [{ key, pattern: new RegExp(`^${source}$`, 's'), names }];
  });
  const translateMessage = (message: string, depth: number): string => {
    for (const { key, pattern, names } of patterns) {
      const match = pattern.exec(message);
      if (!match) continue;
      const values = names.map((name, i) => [name, depth > 0 ? match[i + 1]! : translateMessage(match[i + 1]!, 1)]);
      return t(`${prefix}${key}`, Object.fromEntries(values));
    }
    return message;
  };
  return (message) => translateMessage(message, 0);
}
