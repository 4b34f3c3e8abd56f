/**
 * Reading the tables aggregate.sql and picked.sql leave, shared by the two
 * dataset builders: GDELT's (importWithDuckDb.ts) and the event tables'
 * (tableDataset.ts). What differs between them (quotes, sources, evidence
 * notes) stays with each; what the aggregation tells the same way for every
 * format (rows and windows left out, each relation's windows, the actors
 * that kept a relation) is read here.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { readColumns } from './columns';
import type { Actor, Dataset } from '../../src/core/schema';
import { validateDataset } from '../../src/core/validate';
import { isCountryCode } from '../../src/core/io/country-codes';
import type { RelationCounts } from '../../src/core/io/event-notes';
import type { EventImportSettings } from '../../src/core/io/event-options';
import {
  listSome,
  plural,
  type ImportResult,
  type ProblemLog,
} from '../../src/core/io/import-result';

export type Json = Record<string, unknown>;

export const all = async (connection: DuckDBConnection, query: string): Promise<Json[]> =>
  (await connection.runAndReadAll(query)).getRowObjectsJson() as Json[];

export const num = (v: unknown) => Number(v);
export const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v));

/**
 * One warning each for rows with fewer than two actors (`singleActorReason` says why the
 * format has them) and rows with the same actor on both sides.
 */
export function reportLeftOutRows(
  counted: Json,
  label: string,
  singleActorReason: string,
  log: ProblemLog,
): void {
  const at = { file: label, path: '' };
  const single = num(counted.single_actor_rows);
  if (single > 0)
    log.warn(
      at,
      `${plural(single, 'row')} with fewer than two actors left out (${singleActorReason})`,
    );
  const self = num(counted.self_rows);
  if (self > 0)
    log.warn(
      at,
      `${plural(self, 'row')} with the same actor on both sides (an actor's dealings with itself) left out`,
    );
}

/** One warning each for windows with too few events and windows whose mean tells no kind. */
export async function reportLeftOutWindows(
  connection: DuckDBConnection,
  s: EventImportSettings,
  file: string,
  log: ProblemLog,
): Promise<void> {
  const [left] = await all(
    connection,
    `SELECT count(*) FILTER (WHERE kind = 'sparse') AS sparse_windows,
       coalesce(sum(events) FILTER (WHERE kind = 'sparse'), 0) AS sparse_events,
       count(*) FILTER (WHERE kind = 'unsigned') AS unsigned_windows,
       coalesce(sum(events) FILTER (WHERE kind = 'unsigned'), 0) AS unsigned_events
     FROM kinds`,
  );
  const at = { file, path: '' };
  if (num(left!.sparse_windows) > 0)
    log.warn(
      at,
      `${plural(num(left!.sparse_windows), 'pair window')} with fewer than ${s.minEvents} events left out (${plural(num(left!.sparse_events), 'event')}); lower minEvents or widen windowMonths to keep them`,
    );
  if (num(left!.unsigned_windows) > 0)
    log.warn(
      at,
      `${plural(num(left!.unsigned_windows), 'pair window')} with a mean score between ${s.hostilityAt} and ${s.cooperationAt} left without a relation (${plural(num(left!.unsigned_events), 'event')})`,
    );
}

/** Each relation's windows, in order: their start, events and mean score. */
export async function windowsByRelation(connection: DuckDBConnection): Promise<Windows> {
  const out: Windows = new Map();
  const { rows, numbers } = await readColumns(connection, {
    from: 'relation_windows',
    numbers: ['relation_no', 'window_start', 'events', 'mean_score'],
    texts: [],
    orderBy: ['relation_no', 'window_start'],
  });
  for (let i = 0; i < rows; i++) {
    const relation = numbers.relation_no[i]!;
    const window = {
      start: numbers.window_start[i]!,
      events: numbers.events[i]!,
      mean: numbers.mean_score[i]!,
    };
    const list = out.get(relation);
    if (list) list.push(window);
    else out.set(relation, [window]);
  }
  return out;
}

type Windows = Map<number, { start: number; events: number; mean: number }[]>;

/**
 * A row of aggregate.sql's `relations` as the counts its note tells (event-notes.ts), with its
 * windows; `basis` when every event of the format shares how it was scored.
 */
export function relationCountsOf(r: Json, windows: Windows, basis?: string): RelationCounts {
  return {
    events: num(r.events),
    mean: num(r.mean_score),
    low: num(r.low_score),
    high: num(r.high_score),
    ...(basis !== undefined ? { basis } : {}),
    scoredFromQuadClass: num(r.scored_from_quad_class),
    quadClasses: {
      1: num(r.quad_1),
      2: num(r.quad_2),
      3: num(r.quad_3),
      4: num(r.quad_4),
      none: num(r.quad_none),
    },
    from: num(r.from_month),
    until: num(r.until_month),
    windowCount: num(r.window_count),
    windows: windows.get(num(r.relation_no)) ?? [],
  };
}

/** The dataset validated as the app validates it, its problems logged against the import. */
export function validatedDataset(raw: Dataset, label: string, log: ProblemLog): ImportResult {
  const whole = { file: label, path: '' };
  const validation = validateDataset(raw, label);
  for (const p of validation.errors) log.error({ ...whole, path: p.path }, p.message, p.value);
  for (const p of validation.warnings) log.warn({ ...whole, path: p.path }, p.message, p.value);
  return log.result(validation.dataset);
}

/**
 * event-actors.ts, eventActors: actors with a relation in order of first
 * appearance, labelled by their first name, typed by the first type the
 * format tells (ICEWS, ACLED, GED; never GDELT), else `state` for a country
 * code, else `other`; one warning for the rest.
 */
export async function relatedActors(
  connection: DuckDBConnection,
  label: string,
  log: ProblemLog,
): Promise<Actor[]> {
  const rows = await all(
    connection,
    `SELECT id, name, type, related FROM actors
     LEFT JOIN actor_names USING (id) LEFT JOIN actor_types USING (id) ORDER BY first_place`,
  );
  const dropped = rows.filter((r) => !r.related).map((r) => String(r.id));
  if (dropped.length > 0)
    log.warn(
      { file: label, path: '' },
      `${plural(dropped.length, 'actor')} left out because no relation remains for them (too few events in any window, or a mean score between the thresholds): ${listSome(dropped)}`,
    );
  return rows
    .filter((r) => r.related)
    .map((r) => ({
      id: String(r.id),
      label: str(r.name) ?? String(r.id),
      type: str(r.type) ?? (isCountryCode(String(r.id)) ? 'state' : 'other'),
    }));
}
