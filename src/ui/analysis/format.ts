/** Words and numbers of the analysis panel: one place, so every view says things the same way. */
import type { PairSegment, PairStatus } from '../../core/analysis';
import { humanDate, humanDay, type TimeKind } from '../../core/dates';

/** A share as a whole percentage ("67%"), or a dash when there is nothing to score. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

export const STATUS_WORD: Record<PairStatus, string> = {
  positive: 'positive',
  negative: 'negative',
  mixed: 'mixed (positive and negative)',
  neutral: 'contact only',
  none: 'no relation',
};

export function signWord(sign: number): string {
  return sign > 0 ? 'positive' : sign < 0 ? 'negative' : 'neutral';
}

/** "+", "−" or "0" for a sign, as in the triangle patterns. */
export function signSymbol(sign: number): string {
  return sign > 0 ? '+' : sign < 0 ? '−' : '0';
}

/** A segment's period at the precision its boundaries were written with ("t = 3" when numeric). */
export function segmentPeriod(
  s: Pick<PairSegment, 'from' | 'until'>,
  kind: TimeKind = 'calendar',
): string {
  const date = (text: string) => humanDate(text, kind);
  if (s.from !== undefined && s.until !== undefined) return `${date(s.from)} – ${date(s.until)}`;
  if (s.from !== undefined) return `since ${date(s.from)}`;
  if (s.until !== undefined) return `until ${date(s.until)}`;
  return 'throughout';
}

/** One sentence telling a pair's story: "Positive 1994 – 2022, then negative since 2022." */
export function pairStory(segments: readonly PairSegment[], kind: TimeKind = 'calendar'): string {
  const told = segments
    .filter((s) => s.status !== 'none')
    .map((s) => `${STATUS_WORD[s.status]} ${segmentPeriod(s, kind)}`);
  if (told.length === 0) return 'No relation between them in the dataset.';
  const text = told.join(', then ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** The four sign patterns of a triangle, with what each says. */
export const PATTERNS = [
  { key: 'ppp', label: '+ + +', reading: 'three friends', balanced: true, weak: true },
  {
    key: 'pnn',
    label: '+ − −',
    reading: 'two friends with a common enemy',
    balanced: true,
    weak: true,
  },
  {
    key: 'ppn',
    label: '+ + −',
    reading: 'a friend of a friend is an enemy',
    balanced: false,
    weak: false,
  },
  { key: 'nnn', label: '− − −', reading: 'three mutual enemies', balanced: false, weak: true },
] as const;

/** "3 triangles", "1 triangle". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** A span of days to the month: "March 1994 – May 2001", or one month. */
export function spanLabel(from: number, to: number, kind: TimeKind = 'calendar'): string {
  const a = humanDay(from, 'month', kind);
  const b = humanDay(to, 'month', kind);
  return a === b ? a : `${a} – ${b}`;
}
