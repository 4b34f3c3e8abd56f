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
  /** The offending value, when there is one to show: always small (see `problemValue`). */
  value?: ProblemValue;
  message: string;
}

/**
 * What a problem keeps of an offending value: a number, boolean or null as
 * found, a string cut to a preview, and anything else (a list, an object, a
 * number as written in the source) as text ready to show. Never the raw
 * value: that may be megabytes long or thousands of levels deep, and a
 * problem must always be small enough to post from the worker and show.
 */
export type ProblemValue = string | number | boolean | null | { shown: string };

/** `relations`, 12, `until` -> `relations[12].until`; a long key (a user's unknown field) is cut. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += `${out === '' ? '' : '.'}${shorten(String(part))}`;
  }
  return out;
}

/** The longest value a message shows, in characters; longer ones end with "…". */
export const MAX_VALUE_CHARS = 80;

/** The value as a problem keeps it (see `ProblemValue`); made here only, for every problem. */
export function problemValue(value: unknown): ProblemValue | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return shorten(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (isShown(value)) return value;
  return { shown: showValue(value) };
}

/** Text as found in the source (e.g. the number `1e400`), shown as written rather than quoted. */
export function sourceText(text: string): ProblemValue {
  return { shown: shorten(text) };
}

function isShown(value: object): value is { shown: string } {
  if (Array.isArray(value) || !Object.hasOwn(value, 'shown')) return false;
  if (typeof (value as { shown: unknown }).shown !== 'string') return false;
  let keys = 0;
  for (const key in value) if (Object.hasOwn(value, key) && ++keys > 1) return false; // stops at the second
  return true;
}

/**
 * A short, JSON-like rendering of a value for a message: at most
 * MAX_VALUE_CHARS characters, ending with "…" when cut. It stops writing
 * as soon as it has enough, so a huge list costs no more than a small one;
 * non-finite numbers appear as `Infinity` or `NaN` (JSON would say null).
 */
export function showValue(value: unknown): string {
  if (typeof value === 'object' && value !== null && isShown(value)) return value.shown;
  let out = '';
  const full = () => out.length > MAX_VALUE_CHARS;
  const write = (v: unknown): void => {
    if (full()) return;
    if (typeof v === 'string') out += JSON.stringify(shorten(v));
    else if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length && !full(); i++) {
        if (i > 0) out += ',';
        write(v[i]);
      }
      out += ']';
    } else if (typeof v === 'object' && v !== null) {
      out += '{';
      let first = true;
      for (const key in v) {
        if (full()) break;
        if (!Object.hasOwn(v, key)) continue;
        out += `${first ? '' : ','}${JSON.stringify(shorten(key))}:`;
        first = false;
        write((v as Record<string, unknown>)[key]);
      }
      out += '}';
    } else out += String(v);
  };
  write(value);
  return shorten(out);
}

/** The text cut to at most `max` characters, the last being "…"; never splits a surrogate pair. */
export function shorten(text: string, max = MAX_VALUE_CHARS): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const isHigh = (i: number) => (text.charCodeAt(i) & 0xfc00) === 0xd800;
  if (isHigh(end - 1)) end--; // keep a pair whole: drop its first half too
  return `${text.slice(0, end)}…`;
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
  return lineColumns(text, [offset])[0]!;
}

/** Line and column (1-based) of several offsets, in one pass over the text; offsets in increasing order. */
export function lineColumns(
  text: string,
  offsets: readonly number[],
): { line: number; column: number }[] {
  let line = 1;
  let lineStart = 0;
  let i = 0;
  return offsets.map((offset) => {
    for (; i < offset && i < text.length; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  });
}
