/**
 * The day of each date text already read. Validation reads a big dataset's dates many times
 * (the schema's calendar check, then each relation's interval and both ends' lifetimes) and
 * the dataset repeats few distinct texts: at 100k relations, reading each text once instead of
 * half a million times was a third of validation (docs/PERFORMANCE.md, "XL first picture
 * (session 8)").
 */
import { dateProblem, toDay } from './dates';

/** Undefined for a text that is not a valid date. */
const knownDays = new Map<string, number | undefined>();
/** Emptied when it grows past this, so odd input cannot make it hold more. */
const KNOWN_DAYS_MAX = 100_000;

/** The day of a valid ISO date text (YYYY, YYYY-MM or YYYY-MM-DD, on the calendar); else undefined. */
export function validDay(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const known = knownDays.get(v);
  if (known !== undefined || knownDays.has(v)) return known;
  if (knownDays.size >= KNOWN_DAYS_MAX) knownDays.clear();
  const day = dateProblem(v) === null ? toDay(v) : undefined;
  knownDays.set(v, day);
  return day;
}
