/**
 * A check of JSON text before anything parses it: one loop over the
 * characters, no recursion, so it cannot run out of stack however deep the
 * input is. It finds what `JSON.parse` would accept but the rest of the app
 * cannot hold:
 *
 * - nesting deeper than MAX_JSON_DEPTH. Everything after parsing walks
 *   values recursively (zod, problem messages, the worker's structured
 *   clone, IndexedDB), and a few thousand levels overflow the stack there;
 *   the dataset format itself needs five.
 * - numbers too large for a double (`1e400`), which `JSON.parse` silently
 *   turns into Infinity. Their text is kept, so a message can show it as
 *   written.
 *
 * Each finding has the offset of where it starts and the path to it
 * (`relations[0].evidence[0].note`). The text need not be valid JSON: on
 * malformed text the scan still ends, and `JSON.parse` reports the syntax.
 */
import { formatPath, shorten } from './problems';

/** The deepest nesting of lists and objects accepted, counting the top level as 1. */
export const MAX_JSON_DEPTH = 64;

export interface JsonFinding {
  /** Offset in the text: the opening bracket that goes too deep, or the number's first character. */
  offset: number;
  path: string;
}

export interface JsonScan {
  /** The first list or object that opens deeper than MAX_JSON_DEPTH; the scan stops there. */
  tooDeep?: JsonFinding;
  /** Numbers whose value is not finite once parsed, with their text. */
  hugeNumbers: (JsonFinding & { text: string })[];
}

/** One open list or object: where its members are, so a finding can name its path. */
interface Frame {
  list: boolean;
  /** Position in a list. */
  index: number;
  /** Offsets of the current key of an object (including its quotes), -1 before the first. */
  keyStart: number;
  keyEnd: number;
  /** In an object, true where the next string is a key (after `{` or `,`). */
  expectKey: boolean;
}

/** Character codes the scan looks at. */
const QUOTE = 0x22;
const COMMA = 0x2c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

export function scanJson(text: string): JsonScan {
  const stack: Frame[] = [];
  const hugeNumbers: JsonScan['hugeNumbers'] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (ch === QUOTE) {
      const end = stringEnd(text, i);
      if (top && !top.list && top.expectKey) {
        top.keyStart = i;
        top.keyEnd = end;
        top.expectKey = false;
      }
      i = end;
    } else if (ch === OPEN_OBJECT || ch === OPEN_LIST) {
      if (stack.length >= MAX_JSON_DEPTH)
        return { tooDeep: { offset: i, path: framePath(text, stack) }, hugeNumbers };
      const list = ch === OPEN_LIST;
      stack.push({ list, index: 0, keyStart: -1, keyEnd: -1, expectKey: !list });
      i++;
    } else if (ch === CLOSE_OBJECT || ch === CLOSE_LIST) {
      stack.pop();
      i++;
    } else if (ch === COMMA) {
      if (top?.list) top.index++;
      else if (top) top.expectKey = true;
      i++;
    } else if (ch === MINUS || (ch >= ZERO && ch <= NINE)) {
      const start = i;
      const number = numberAt(text, i);
      i = number.end;
      // Only an exponent or more than 308 digits can overflow: most numbers skip the conversion.
      if (number.exponent || i - start > 308) {
        const written = text.slice(start, i);
        if (!Number.isFinite(Number(written)))
          hugeNumbers.push({ offset: start, path: framePath(text, stack), text: written });
      }
    } else i++;
  }
  return { hugeNumbers };
}

/** The end of the number-like run (digits, sign, point, exponent) at `start`, and whether it has an exponent. */
function numberAt(text: string, start: number): { end: number; exponent: boolean } {
  let exponent = false;
  let i = start + 1;
  for (; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x65 || ch === 0x45)
      exponent = true; // e E
    else if (!((ch >= ZERO && ch <= NINE) || ch === 0x2e || ch === 0x2b || ch === MINUS)) break;
  }
  return { end: i, exponent };
}

/** Offset just past the string that starts at `start` (or the end of the text if it is not closed). */
function stringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote + 1; // an odd number escapes the quote
    from = quote + 1;
  }
}

/** Path segments shown before the rest of a deep path becomes "…". */
const PATH_SHOWN = 10;

/** The path to the current position: `actors[0].label`, or `actors[0][0]…` when very deep. */
function framePath(text: string, stack: readonly Frame[]): string {
  const parts = stack.flatMap((f): PropertyKey[] => {
    if (f.list) return [f.index];
    return f.keyStart < 0 ? [] : [keyText(text.slice(f.keyStart, f.keyEnd))];
  });
  return parts.length > PATH_SHOWN
    ? `${formatPath(parts.slice(0, PATH_SHOWN))}…`
    : formatPath(parts);
}

function keyText(quoted: string): string {
  try {
    return shorten(String(JSON.parse(quoted)));
  } catch {
    return shorten(quoted.slice(1, -1)); // a malformed key; JSON.parse will report the syntax
  }
}
