/**
 * Where a JSON text goes wrong, for messages a person editing a profile can act on. JSON.parse's own messages
 * depend on the Node version and often give no position, so on failure the text is scanned again here.
 */

export interface JsonSyntaxProblem {
  /** 1-based line and column (in characters) of the first error. */
  line: number;
  column: number;
  /** What is wrong and how to fix it. */
  message: string;
}

/** Parses JSON (a leading byte-order mark is allowed); returns the value or where and why it is malformed. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem } {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) as unknown };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const found = findSyntaxError(source) ?? { offset: 0, message: `not valid JSON (${error.message})` };
    return { ok: false, problem: { ...position(source, found.offset), message: found.message } };
  }
}

class Found {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

function findSyntaxError(text: string): Found | null {
  let i = 0;
  const fail = (message: string): never => {
    throw new Found(i, message);
  };
  const here = () => (i >= text.length ? 'the file ends here' : `unexpected ${JSON.stringify(text[i])}`);
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };

  function value(): void {
    skipSpace();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    if (c === "'") fail('text must be in double quotes (") — replace the single quotes');
    fail(`${here()} — expected a value: text in "double quotes", a number, true, false, null, [ or {`);
  }

  function object(): void {
    i++;
    skipSpace();
    if (text[i] === '}') return void i++;
    for (;;) {
      skipSpace();
      if (text[i] === '}') fail('a comma before } is not allowed — remove it');
      if (text[i] !== '"') fail(`${here()} — expected a property name in "double quotes"`);
      string();
      skipSpace();
      if (text[i] !== ':') fail(`${here()} — expected ":" after the property name`);
      i++;
      value();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') return void i++;
      fail(`${here()} — expected "," or "}" after a value: add the missing comma, or close the object`);
    }
  }

  function array(): void {
    i++;
    skipSpace();
    if (text[i] === ']') return void i++;
    for (;;) {
      skipSpace();
      if (text[i] === ']') fail('a comma before ] is not allowed — remove it');
      value();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') return void i++;
      fail(`${here()} — expected "," or "]" after a value: add the missing comma, or close the list`);
    }
  }

  function string(): void {
    const start = i++;
    while (i < text.length && text[i] !== '"') {
      const code = text.charCodeAt(i);
      if (code < 0x20) fail('a line break or control character inside quotes — write it as \\n, or close the quotes');
      if (text[i] === '\\') {
        const escape = text[i + 1];
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) i += 2;
        else fail('invalid escape — write \\\\ for a backslash, \\" for a quote, \\n for a line break');
      } else {
        i++;
      }
    }
    if (i >= text.length) {
      i = start;
      fail('the text that starts here is never closed — add the closing "');
    }
    i++;
  }

  function number(): void {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = i;
    if (!match.exec(text)) fail(`${here()} — not a valid number; write e.g. 7, -1 or 2.5`);
    i = match.lastIndex;
  }

  try {
    value();
    skipSpace();
    if (i < text.length)
      fail(`${here()} after the end of the JSON value — remove it, or put everything inside one { … }`);
    return null;
  } catch (error) {
    if (error instanceof Found) return error;
    throw error;
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: Array.from(before.slice(lineStart)).length + 1 };
}
