/**
 * What every importer returns, and the collector importers report into.
 * Problems carry the file, the line and column where known, and a readable
 * path into the input (`row 14, column "until"`, `edges[12].spell[1].start`).
 */
import { problemValue, type Problem } from '../problems';
import type { Dataset } from '../schema';

/** The dataset (present only when there are no errors) and every problem found. */
export interface ImportResult {
  dataset?: Dataset;
  errors: Problem[];
  warnings: Problem[];
}

/** Where something is in an input file. */
export type Location = Pick<Problem, 'file' | 'line' | 'column' | 'path'>;

/** Collects errors and warnings; `once` keys make summary warnings appear a single time. */
export class ProblemLog {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  private readonly said = new Set<string>();

  error(at: Location, message: string, value?: unknown): void {
    this.errors.push(problem('error', at, message, value));
  }

  warn(at: Location, message: string, value?: unknown): void {
    this.warnings.push(problem('warning', at, message, value));
  }

  /** A warning reported at most once per key (e.g. "numeric time is read as years"). */
  warnOnce(key: string, at: Location, message: string, value?: unknown): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.warn(at, message, value);
  }

  /** The result: the dataset only when no error was logged. */
  result(dataset: Dataset | undefined): ImportResult {
    const ok = this.errors.length === 0 && dataset !== undefined;
    return { ...(ok ? { dataset } : {}), errors: this.errors, warnings: this.warnings };
  }
}

function problem(
  severity: Problem['severity'],
  at: Location,
  message: string,
  value: unknown,
): Problem {
  const p: Problem = { severity, path: at.path, message };
  if (at.file !== undefined) p.file = at.file;
  if (at.line !== undefined) p.line = at.line;
  if (at.column !== undefined) p.column = at.column;
  if (value !== undefined) p.value = problemValue(value);
  return p;
}

/**
 * Where the item at index i of a dataset list came from. Given the rest of a
 * validation path (`.until`, `.evidence[1].source`, or ``), it answers the
 * location in the input file.
 */
export type Origin = (rest: string) => Location;

/** Origins per dataset list; lists without origins fall back to `whole`. */
export interface Origins {
  whole: Location;
  actors?: Origin[];
  relations?: Origin[];
  actorTypes?: Origin[];
  relationKinds?: Origin[];
  sources?: Origin[];
}

const LIST_PATH = /^(actors|relations|actorTypes|relationKinds|sources)\[(\d+)\](.*)$/;
const LIST_MENTION = /\b(actors|relations)\[(\d+)\]/g;

/**
 * Adds the problems `validateDataset` found in an assembled dataset to the
 * log, each moved to where the offending item is in the input file, and with
 * mentions of other items (`first used by relations[3]`) rewritten the same way.
 */
export function relocate(problems: readonly Problem[], origins: Origins, log: ProblemLog): void {
  const originOf = (list: string, index: number): Origin | undefined =>
    origins[list as Exclude<keyof Origins, 'whole'>]?.[index];
  for (const p of problems) {
    const m = LIST_PATH.exec(p.path);
    const origin = m ? originOf(m[1]!, Number(m[2])) : undefined;
    const at = origin ? origin(m![3]!) : { ...origins.whole, path: p.path || origins.whole.path };
    const message = p.message.replace(
      LIST_MENTION,
      (all, list: string, i: string) => originOf(list, Number(i))?.('').path ?? all,
    );
    if (p.severity === 'error') log.error(at, message, p.value);
    else log.warn(at, message, p.value);
  }
}

/** Names of a few items for a summary message: `a, b, c and 12 more`. */
export function listSome(items: readonly string[], max = 5): string {
  return listFirst(items, items.length, max);
}

/** {@link listSome} when only the first items are kept: `total` counts them all. */
export function listFirst(first: readonly string[], total: number, max = 5): string {
  const shown = first.slice(0, max).join(', ');
  return total > max ? `${shown} and ${total - max} more` : shown;
}

/** `1 row`, `3 rows`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The base name of a file without its extension: `data/seed-relations.csv` → `seed-relations`. */
export function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
