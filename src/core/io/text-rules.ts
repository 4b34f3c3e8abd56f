/**
 * The one rule for text that enters Allegiance, whatever the format (JSON,
 * CSV, GEXF): every character must be one XML 1.0 can hold, because labels
 * and notes end up in SVG and GEXF exports, in data: URLs and in IndexedDB.
 * XML 1.0 (section 2.2, "Char") excludes the C0 controls other than tab, LF
 * and CR, the surrogate code points (so a lone surrogate, which JSON's
 * `"\ud800"` escape can produce, is not text at all), U+FFFE and U+FFFF.
 *
 * Such characters are replaced with U+FFFD (the replacement character) and
 * reported, rather than refused: the rest of the data is fine, and an analyst
 * is better served by a dataset that loads with a warning naming the field,
 * the position and the code point than by a file refused for one character.
 * Well-formed surrogate pairs (emoji and other astral characters) are kept.
 */
import { formatPath, type Problem } from '../problems';

/** Characters XML 1.0 does not allow; with the `u` flag a surrogate pair is one code point, so `\p{Cs}` matches lone surrogates only. */
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\p{Cs}]/u;
// eslint-disable-next-line no-control-regex
const MAYBE_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex
const ILLEGAL_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\p{Cs}]/gu;

export const REPLACEMENT = '\uFFFD';

/** True when the code point may appear in XML 1.0 text (escaped or not). */
export function isLegalCodePoint(code: number): boolean {
  if (code < 0x20) return code === 0x9 || code === 0xa || code === 0xd;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code !== 0xfffe && code !== 0xffff && code <= 0x10ffff;
}

/**
 * True when the text holds a character XML 1.0 does not allow. A plain
 * (non-Unicode) character class looks first, and is much faster on the
 * millions of strings of a big import; only text with a surrogate (maybe
 * a well-formed pair) or a control needs the exact test.
 */
export function hasIllegalChars(text: string): boolean {
  return MAYBE_ILLEGAL.test(text) && ILLEGAL.test(text);
}

/** The text with every character XML 1.0 does not allow replaced by U+FFFD. */
export function replaceIllegalChars(text: string): string {
  return hasIllegalChars(text) ? text.replace(ILLEGAL_ALL, REPLACEMENT) : text;
}

/** `U+D800`, `U+0000`, `U+1F600`. */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a code point is not allowed, for messages. */
export function whyIllegal(code: number): string {
  if (code >= 0xd800 && code <= 0xdbff) return 'a high surrogate without its low half';
  if (code >= 0xdc00 && code <= 0xdfff) return 'a low surrogate without its high half';
  if (code === 0xfffe || code === 0xffff) return 'a noncharacter';
  return 'a control character';
}

/** One character that is not allowed, at a 1-based position counted in characters (code points). */
export interface IllegalChar {
  position: number;
  code: number;
}

/** The characters XML 1.0 does not allow, in order. */
export function findIllegalChars(text: string): IllegalChar[] {
  if (!hasIllegalChars(text)) return [];
  const found: IllegalChar[] = [];
  let position = 0;
  // Iterating a string walks code points: a pair is one step, a lone surrogate one step too.
  for (const ch of text) {
    position++;
    const code = ch.codePointAt(0)!;
    if (!isLegalCodePoint(code)) found.push({ position, code });
  }
  return found;
}

/** `character 2 is U+D800 (a high surrogate without its low half)`, with more if there are several. */
export function describeIllegal(found: readonly IllegalChar[], max = 3): string {
  const shown = found
    .slice(0, max)
    .map((c) => `character ${c.position} is ${codePointName(c.code)} (${whyIllegal(c.code)})`);
  const more = found.length > max ? ` and ${found.length - max} more` : '';
  return `${shown.join(', ')}${more}`;
}

/** At most this many fields are reported one by one; the rest are counted in one summary. */
const MAX_REPORTED = 20;

export interface CleanText<T> {
  /** The value with illegal characters replaced (the same object when nothing changed). */
  value: T;
  /** One warning per field that held illegal characters (the first {@link MAX_REPORTED}, then a summary). */
  warnings: Problem[];
}

/**
 * Replaces the illegal characters in every string of a JSON-like value
 * (objects, arrays, strings; keys are the schema's, not user text) and warns,
 * per field, where they were. `fileOf` names the file a path came from (two
 * CSV tables make one dataset). Objects are copied only along changed paths.
 */
export function cleanStrings<T>(value: T, fileOf: (path: string) => string): CleanText<T> {
  const warnings: Problem[] = [];
  let fields = 0;
  let chars = 0;
  // The path is kept as a stack of keys and written out only for a field that
  // needs a warning: building a string per field costs seconds at a million rows.
  const keys: (string | number)[] = [];
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!hasIllegalChars(v)) return v;
      const found = findIllegalChars(v);
      fields++;
      chars += found.length;
      if (fields <= MAX_REPORTED) {
        const path = formatPath(keys);
        warnings.push({
          severity: 'warning',
          file: fileOf(path),
          path,
          message: `${describeIllegal(found)}: not allowed in text (XML 1.0), replaced by U+FFFD`,
        });
      }
      return replaceIllegalChars(v);
    }
    if (typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        keys.push(i);
        const clean = visit(v[i]);
        keys.pop();
        if (clean !== v[i]) (out ??= [...v])[i] = clean;
      }
      return out ?? v;
    }
    let out: Record<string, unknown> | undefined;
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      keys.push(key);
      const clean = visit(record[key]);
      keys.pop();
      // defineProperty, not assignment: a key named `__proto__` must stay a plain field.
      if (clean !== record[key])
        Object.defineProperty((out ??= { ...record }), key, {
          value: clean,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return out ?? v;
  };
  const clean = visit(value) as T;
  if (fields > MAX_REPORTED)
    warnings.push({
      severity: 'warning',
      file: fileOf(''),
      path: '',
      message: `${fields} fields held characters not allowed in text (${chars} characters in all); each was replaced by U+FFFD (the first ${MAX_REPORTED} fields are listed above)`,
    });
  return { value: clean, warnings };
}
