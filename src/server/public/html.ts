/**
 * The one way public pages build HTML: a tagged template that escapes every interpolated value, so report
 * content, profile texts and error messages can never become markup. `raw()` is the only escape hatch; it is for
 * fragments this code base built itself (another `html` result already is one).
 */

/** A fragment of HTML that is already safe to send. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: strings and numbers are escaped; null, undefined and booleans render nothing. */
export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes `& < > " '`: safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** Marks trusted markup as safe. Never pass it anything that came from a person or a request. */
export function raw(markup: string): Html {
  return new Html(markup);
}

function render(value: Interpolation): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  return escapeHtml(String(value));
}

/**
 * `html\`<p>${text}</p>\`` escapes `text`. Arrays are joined (for lists), and `${cond && html\`…\`}` renders
 * nothing when `cond` is false. Write attribute values in double quotes.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new Html(out);
}
