/**
 * Problems found in user input: where (file, line, path), what value, and
 * what is wrong. Errors block a load; warnings are shown but do not.
 */

export interface Problem {
  severity: 'error' | 'warning';
  /** File name as the user knows it. */
  file?: string;
  /** 1-based line (and column) where the text position is known. */
  line?: number;
  column?: number;
  /** Path into the data, e.g. `relations[12].until`. */
  path: string;
  /** The offending value, when there is one to show. */
  value?: unknown;
  message: string;
}

/** `relations`, 12, `until` -> `relations[12].until`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

const MAX_VALUE_CHARS = 80;

/** A short, safe rendering of a value for a message. */
export function showValue(value: unknown): string {
  let s: string;
  try {
    s =
      typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    s = String(value);
  }
  return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS - 1)}…` : s;
}

/** One line per problem: `seed.json:14:3 relations[12].until: "1994-02-30" has day 30, …`. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
  const head = [where, p.path].filter((x) => x !== '' && x !== undefined).join(' ');
  const value =
    p.value !== undefined && !p.message.includes(showValue(p.value))
      ? ` (got ${showValue(p.value)})`
      : '';
  return `${p.severity === 'warning' ? 'warning: ' : ''}${head ? `${head}: ` : ''}${p.message}${value}`;
}

/** Line and column (1-based) of a character offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
