/**
 * Evidence capture: does a quote appear verbatim in its source's full text,
 * and where.
 *
 * Verbatim means the exact characters. A quote copied from a PDF or a web page
 * often differs from the source only in what the eye does not see: line
 * breaks and double spaces, curly against straight quotation marks, an en dash
 * typed as a hyphen. Such a near-miss is found and reported with what differs,
 * so the user can correct the quote; it is never accepted as verbatim.
 *
 * Where the full text lives: a source keeps `file` and `url` in the dataset;
 * its full text may be megabytes, so the store keeps it beside the dataset
 * (per dataset and source id), not in it, and passes it to these functions.
 */

/** Where a quote occurs: character offsets into the source text, `end` exclusive. */
export interface QuoteSpan {
  start: number;
  end: number;
}

/** What a near-miss differs in; each is something the user can fix in the quote. */
export type NearMissKind = 'whitespace' | 'quotes' | 'dashes' | 'ellipsis' | 'case';

/** The words of the quote at `start`–`end` in the source, but for `differences`. */
export interface NearMiss extends QuoteSpan {
  differences: NearMissKind[];
}

export interface QuoteSearch {
  /** Every exact occurrence, in order (not overlapping). */
  occurrences: QuoteSpan[];
  /** When there is none: the first place where the quote appears but for fixable differences. */
  nearMiss: NearMiss | null;
}

const ALL_KINDS: readonly NearMissKind[] = ['whitespace', 'quotes', 'dashes', 'ellipsis', 'case'];

/**
 * The exact occurrences of `quote` in `sourceText` and, when there is none,
 * the first near-miss: the same text once whitespace runs, quotation marks,
 * dashes, ellipses and letter case are made alike, with the kinds of
 * difference that made it miss.
 */
export function findQuote(sourceText: string, quote: string): QuoteSearch {
  const occurrences: QuoteSpan[] = [];
  if (quote === '') return { occurrences, nearMiss: null };
  for (
    let at = sourceText.indexOf(quote);
    at !== -1;
    at = sourceText.indexOf(quote, at + quote.length)
  )
    occurrences.push({ start: at, end: at + quote.length });
  return { occurrences, nearMiss: occurrences.length > 0 ? null : nearMiss(sourceText, quote) };
}

/**
 * The last source text folded, and its fold: a form checks each of an item's
 * quotes, and each keystroke, against the same source, which may be megabytes.
 */
let lastFold: { text: string; folded: ReturnType<typeof fold> } | undefined;

function nearMiss(sourceText: string, quote: string): NearMiss | null {
  if (lastFold?.text !== sourceText)
    lastFold = { text: sourceText, folded: fold(sourceText, ALL_KINDS) };
  const source = lastFold.folded;
  const wanted = fold(quote, ALL_KINDS).text.trim();
  if (wanted === '') return null;
  const at = source.text.indexOf(wanted);
  if (at === -1) return null;
  const start = source.from[at]!;
  const end = source.to[at + wanted.length - 1]!;
  const found = sourceText.slice(start, end);
  // A kind made the difference when, folding all the others, the two still differ.
  const differences = ALL_KINDS.filter((kind) => {
    const others = ALL_KINDS.filter((k) => k !== kind);
    return fold(found, others).text !== fold(quote, others).text;
  });
  return differences.length > 0 ? { start, end, differences } : null;
}

/** What the UI says of each kind of difference. */
const DIFFERENCE_WORDS: Record<NearMissKind, string> = {
  whitespace: 'spaces or line breaks',
  quotes: 'quotation marks (straight or curly)',
  dashes: 'dashes or hyphens',
  ellipsis: 'ellipsis (… or ...)',
  case: 'capital letters',
};

/** “not verbatim: the source has these words with other spaces or line breaks and dashes or hyphens”. */
export function describeNearMiss(miss: NearMiss): string {
  const words = miss.differences.map((k) => DIFFERENCE_WORDS[k]);
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0];
  return `not verbatim: the source has these words with other ${list}`;
}

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u00b4`]/;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/;
const WHITESPACE = /\s/;

/**
 * The text with the differences of `kinds` made alike, and for each character
 * of the result the span of the original it came from (`from`, `to`
 * exclusive), to map a match back to the source.
 */
function fold(
  text: string,
  kinds: readonly NearMissKind[],
): { text: string; from: Int32Array; to: Int32Array } {
  const on = new Set(kinds);
  const out: string[] = [];
  const from = new Int32Array(3 * text.length);
  const to = new Int32Array(3 * text.length);
  const put = (s: string, a: number, b: number) => {
    for (const ch of s) {
      from[out.length] = a;
      to[out.length] = b;
      out.push(ch);
    }
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (on.has('whitespace') && WHITESPACE.test(ch)) {
      let j = i + 1;
      while (j < text.length && WHITESPACE.test(text[j]!)) j++;
      put(' ', i, j);
      i = j - 1;
    } else if (on.has('quotes') && SINGLE_QUOTES.test(ch)) put("'", i, i + 1);
    else if (on.has('quotes') && DOUBLE_QUOTES.test(ch)) put('"', i, i + 1);
    else if (on.has('dashes') && DASHES.test(ch)) put('-', i, i + 1);
    else if (on.has('ellipsis') && ch === '\u2026') put('...', i, i + 1);
    else if (on.has('case')) {
      const lower = ch.toLowerCase();
      put(lower.length === 1 ? lower : ch, i, i + 1); // keep offsets: only one-to-one folds
    } else put(ch, i, i + 1);
  }
  return { text: out.join(''), from, to };
}

/**
 * The text around `start`–`end` for the UI to show (as text) where a quote
 * appears: up to `context` characters each side, cut at a space where one is
 * near, with “…” where the source goes on.
 */
export function excerptAround(
  sourceText: string,
  start: number,
  end: number,
  context = 80,
): { before: string; match: string; after: string } {
  let a = Math.max(0, start - context);
  let b = Math.min(sourceText.length, end + context);
  if (a > 0) {
    const space = sourceText.slice(a, start).search(/\s/);
    a = space === -1 ? avoidSplitPair(sourceText, a) : a + space + 1;
  }
  if (b < sourceText.length) {
    const tail = sourceText.slice(end, b);
    const space = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'));
    b = space === -1 ? avoidSplitPair(sourceText, b) : end + space;
  }
  return {
    before: `${a > 0 ? '…' : ''}${sourceText.slice(a, start)}`,
    match: sourceText.slice(start, end),
    after: `${sourceText.slice(end, b)}${b < sourceText.length ? '…' : ''}`,
  };
}

/** An offset moved past the second half of a surrogate pair, so no character is cut in two. */
function avoidSplitPair(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}
