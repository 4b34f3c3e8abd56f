/**
 * Relations from UCDP conflict-years. In each year a row lists, every actor
 * of side A is hostile to every actor of side B, and every state in
 * `side_*_2nd` supports each actor of its side. A pair's consecutive years
 * make one relation; a year without it ends the relation, and the next year
 * with it starts another. The first fatal event (`start_date`) and the end of
 * an episode (`ep_end_date`) refine a hostility's first and last year at the
 * precision the file gives. Each relation quotes the rows it rests on.
 */
import { toDay } from '../dates';
import type { Evidence, Relation } from '../schema';
import { plural, type Origin } from './import-result';
import type { ListedActor, UcdpActors } from './ucdp-actors';
import type { UcdpKind } from './ucdp-columns';
import type { ConflictYear } from './ucdp-rows';

type UcdpRelationKind = 'hostility' | 'support';

/** Every conflict-year a pair of actors appears in, for one kind. */
interface PairHistory {
  kind: UcdpRelationKind;
  source: ListedActor;
  target: ListedActor;
  byYear: Map<number, ConflictYear[]>;
}

/** Quotes show at most this many rows of a conflict; the note lists them all. */
const MAX_QUOTED_ROWS = 5;
/** The schema's limit on a quote. */
const MAX_QUOTE_CHARS = 5000;

/** The pairs of a table, in order of first appearance; pairs of an actor with itself are counted and left out. */
export function collectPairs(
  years: readonly ConflictYear[],
  actors: UcdpActors,
): { pairs: PairHistory[]; selfPairs: ConflictYear[] } {
  const pairs = new Map<string, PairHistory>();
  const selfPairs: ConflictYear[] = [];
  const add = (
    kind: UcdpRelationKind,
    source: ListedActor,
    target: ListedActor,
    y: ConflictYear,
  ) => {
    if (source.id === target.id) {
      if (selfPairs.at(-1) !== y) selfPairs.push(y);
      return;
    }
    // Hostility has no direction: the pair is the same whichever side each actor is on.
    const ends = kind === 'hostility' ? [source.id, target.id].sort() : [source.id, target.id];
    const key = [kind, ...ends].join('\u0000');
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { kind, source, target, byYear: new Map() }));
    const rows = pair.byYear.get(y.year);
    if (rows) rows.push(y);
    else pair.byYear.set(y.year, [y]);
  };
  for (const y of years) {
    const sides = [actors.side(y, 0), actors.side(y, 1)] as const;
    for (const a of sides[0]) for (const b of sides[1]) add('hostility', a, b, y);
    for (const which of [0, 1] as const)
      for (const state of actors.supporters(y, which))
        for (const supported of sides[which]) add('support', state, supported, y);
  }
  return { pairs: [...pairs.values()], selfPairs };
}

/** Runs of consecutive years: [1967], [1969, 1970], [1973]. */
export function yearRuns(years: Iterable<number>): number[][] {
  const runs: number[][] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run && run.at(-1) === year - 1) run.push(year);
    else runs.push([year]);
  }
  return runs;
}

/** The relations of every pair, one per run of years, each with its evidence and where it came from. */
export function pairRelations(
  pairs: readonly PairHistory[],
  kind: UcdpKind,
  sourceId: string,
): { relations: Relation[]; origins: Origin[] } {
  const relations: Relation[] = [];
  const origins: Origin[] = [];
  for (const pair of pairs)
    for (const run of yearRuns(pair.byYear.keys())) {
      const rows = run.flatMap((year) => pair.byYear.get(year)!);
      const first = rows[0]!;
      relations.push({
        id: `r${relations.length + 1}`,
        source: pair.source.id,
        target: pair.target.id,
        kind: pair.kind,
        from: fromOf(pair, run),
        until: untilOf(pair, run),
        // The quotes are the dataset's own rows: the claim and its dates rest on them.
        basis: 'quote',
        evidence: byConflict(rows).map((conflictRows) =>
          rowsEvidence(conflictRows, kind, sourceId),
        ),
        note: relationNote(pair, run, rows),
      });
      origins.push(() => first.row.whole());
    }
  return { relations, origins };
}

/** The start of a run: its first year, or the conflict's first fatal event when that falls in it. */
function fromOf(pair: PairHistory, run: readonly number[]): string {
  const year = run[0]!;
  if (pair.kind !== 'hostility') return String(year);
  const starts = pair.byYear
    .get(year)!
    .map((y) => y.start)
    .filter((s): s is string => s !== undefined && s.startsWith(String(year)));
  return starts.sort((a, b) => toDay(a) - toDay(b))[0] ?? String(year);
}

/** The exclusive end of a run: the next year, or just after the episode's end when every row of the last year ended it. */
function untilOf(pair: PairHistory, run: readonly number[]): string {
  const year = run.at(-1)!;
  const next = String(year + 1);
  if (pair.kind !== 'hostility') return next;
  const ends = pair.byYear.get(year)!.map((y) => y.end ?? next);
  return ends.sort((a, b) => toDay(b) - toDay(a))[0]!;
}

function byConflict(rows: readonly ConflictYear[]): ConflictYear[][] {
  const groups = new Map<string, ConflictYear[]>();
  for (const y of rows) {
    const group = groups.get(y.conflictId);
    if (group) group.push(y);
    else groups.set(y.conflictId, [y]);
  }
  return [...groups.values()];
}

/** `2014–2015`, `2017`, `2019–2020`. */
function yearsText(years: readonly number[]): string {
  return yearRuns(years)
    .map((run) => (run.length === 1 ? `${run[0]}` : `${run[0]}–${run.at(-1)}`))
    .join(', ');
}

/**
 * The evidence of one conflict: its rows quoted as the file writes them
 * (the first {@link MAX_QUOTED_ROWS}, whole, within the schema's limit on a
 * quote), and a note naming every row with its year and figures.
 */
function rowsEvidence(rows: readonly ConflictYear[], kind: UcdpKind, source: string): Evidence {
  const quoted: string[] = [];
  let length = 0;
  for (const y of rows.slice(0, MAX_QUOTED_ROWS)) {
    if (quoted.length > 0 && length + 1 + y.raw.length > MAX_QUOTE_CHARS) break;
    quoted.push(y.raw);
    length += y.raw.length + 1;
  }
  // A single row longer than a quote may be (dozens of supporting states) is cut, not paraphrased.
  const quote = quoted.join('\n').slice(0, MAX_QUOTE_CHARS);
  const cut = quote.length < quoted.join('\n').length;
  const shown =
    quoted.length < rows.length
      ? ` The quote shows the first ${plural(quoted.length, 'row')} of ${rows.length}.`
      : cut
        ? ` The quote is the row's first ${MAX_QUOTE_CHARS} characters.`
        : '';
  return { source, quote, note: conflictNote(rows, kind) + shown };
}

/** Which rows, and what they say about the conflict in each year. */
function conflictNote(rows: readonly ConflictYear[], kind: UcdpKind): string {
  const first = rows[0]!.row;
  const where = first.word('location');
  const dyad = first.word('dyadId');
  const head =
    `Conflict ${rows[0]!.conflictId}${dyad ? ` (dyad ${dyad})` : ''}` +
    `${where ? `, ${where}` : ''}` +
    `${kind === 'ucdp-acd' ? incompatibilityText(first) : ''}: ` +
    `${plural(rows.length, 'row')} (${rows.map((y) => y.row.record.row).join(', ')}).`;
  const perYear = rows.map(
    (y) => `${y.year}: ${kind === 'ucdp-acd' ? intensityText(y) : fatalitiesText(y)}`,
  );
  return `${head} ${perYear.join('; ')}.`;
}

const INCOMPATIBILITY = new Map([
  ['1', 'territory'],
  ['2', 'government'],
  ['3', 'government and territory'],
]);

function incompatibilityText(row: ConflictYear['row']): string {
  const issue = INCOMPATIBILITY.get(row.word('incompatibility') ?? '');
  const territory = row.word('territory');
  if (!issue) return '';
  return ` (over ${issue}${territory ? `: ${territory}` : ''})`;
}

const INTENSITY = new Map([
  ['1', 'minor, 25–999 battle-related deaths'],
  ['2', 'war, 1,000 or more battle-related deaths'],
]);

function intensityText(y: ConflictYear): string {
  const level = y.row.word('intensity');
  if (level === undefined) return 'intensity not given';
  const meaning = INTENSITY.get(level);
  return `intensity ${level}${meaning ? ` (${meaning})` : ''}`;
}

function fatalitiesText(y: ConflictYear): string {
  const [best, low, high] = (['best', 'low', 'high'] as const).map((f) => y.row.word(f));
  if (best === undefined) return 'no fatality estimate';
  const range = low !== undefined && high !== undefined ? ` (low ${low}, high ${high})` : '';
  return `best fatality estimate ${best}${range}`;
}

function relationNote(
  pair: PairHistory,
  run: readonly number[],
  rows: readonly ConflictYear[],
): string {
  const conflicts = [...new Set(rows.map((y) => y.conflictId))];
  const inConflicts = `${conflicts.length === 1 ? 'conflict' : 'conflicts'} ${conflicts.join(', ')}`;
  const span = yearsText(run);
  if (pair.kind === 'hostility')
    return `${pair.source.name} and ${pair.target.name} are on opposite sides of UCDP ${inConflicts} in ${span}.`;
  return `${pair.source.name} supports ${pair.target.name}'s side with troops (a secondary warring party) in UCDP ${inConflicts} in ${span}.`;
}
