/**
 * The common path of event imports (docs/FORMATS.md, "Event tables"): rows
 * of coded events (GDELT, ICEWS and the like: date, actor 1, actor 2,
 * Goldstein score and/or QuadClass) aggregated into relations over time
 * windows. Every bad cell is an error at its row and column; validation
 * problems of the assembled dataset are moved back to the rows they come
 * from. The formats' readers, and reading several files as one table, are
 * in `event-tables.ts` and the formats' own modules.
 */
import type { Dataset, Relation } from '../schema';
import { validateDataset } from '../validate';
import type { CsvFile } from './csv-import';
import { readFieldTable, type FieldTable } from './csv-table';
import { eventActors } from './event-actors';
import { EVENT_COLUMNS, type EventField } from './event-columns';
import { evidenceNote, pickEvidence, relationNote } from './event-notes';
import type { EventImportSettings } from './event-options';
import type { EventRow, HasColumn } from './event-rows';
import { EventSources, type SourceRules } from './event-sources';
import { aggregateEvents, monthIso, type Aggregation } from './event-windows';
import {
  fileStem,
  plural,
  ProblemLog,
  relocate,
  type ImportResult,
  type Origin,
} from './import-result';

export {
  EVENT_IMPORT_DEFAULTS,
  type EventImportOptions,
  type EventImportSettings,
} from './event-options';

/** What an event format adds to the common path: its description and its sources. */
export interface EventFormat {
  /** A paragraph on how the format's rows became events, before the aggregation rules. */
  about?: string;
  sources?: SourceRules;
  /** The dataset's title, when the file name does not make it (several files). */
  title?: string;
}

/** Events read from one file or several, ready to be aggregated. */
export interface EventInput {
  /** The file, or the files joined with ", " (evidence notes then name each event's own file). */
  file: string;
  /** How many files `file` names (default 1). */
  fileCount?: number;
  events: readonly EventRow[];
  has: HasColumn;
  settings: EventImportSettings;
  /** The log the events were read into: its problems are part of the result. */
  log: ProblemLog;
  format?: EventFormat;
}

/**
 * The common path of every event format (generic tables, GDELT, ICEWS,
 * ACLED, UCDP GED): events aggregated into relations over windows, actors,
 * evidence and sources, then validation, whose problems are moved back to
 * the rows they come from. Refuses a file whose events make no relation.
 */
export function buildEventDataset(input: EventInput): ImportResult {
  const { file, events, has, settings, log, format = {} } = input;
  const whole = { file, path: '' };
  if (events.length === 0) {
    const what = (input.fileCount ?? 1) > 1 ? 'the files have' : 'the file has';
    log.error(whole, `${what} no events between two actors, so there is nothing to aggregate`);
    return log.result(undefined);
  }
  const aggregation = aggregateEvents(events, settings);
  reportLeftOut(aggregation, settings, file, log);
  if (aggregation.relations.length === 0) {
    const signed =
      settings.between === 'none'
        ? ` with a mean score outside ${settings.hostilityAt}…${settings.cooperationAt}`
        : '';
    log.error(
      whole,
      `no pair of actors has ${settings.minEvents} events in one window of ${settings.windowMonths} months${signed}, so there is no relation; lower minEvents or widen windowMonths`,
    );
    return log.result(undefined);
  }

  const actors = eventActors(events, aggregation.relations, has, log);
  const sources = new EventSources(file, events, log, format.sources);
  const relationOrigins: Origin[] = [];
  const relations = aggregation.relations.map((rel, i): Relation => {
    const quoted = rel.windows.flatMap((w) => w.events).filter((e) => e.quote !== undefined);
    const picked = pickEvidence(rel, settings.maxEvidence);
    relationOrigins.push(relationOrigin(rel.windows[0]!.events[0]!, picked));
    return {
      id: `r${i + 1}`,
      source: rel.source,
      target: rel.target,
      kind: rel.kind,
      from: monthIso(rel.from),
      until: monthIso(rel.until),
      evidence: picked.map((e) => ({
        source: sources.cite(e),
        quote: e.quote!,
        note: evidenceNote(e, file),
      })),
      note: relationNote(rel, settings.windowMonths, file, {
        shown: picked.length,
        total: quoted.length,
      }),
    };
  });

  const rules = describeRules(events.length, file, settings);
  const raw: Dataset = {
    title: format.title ?? titleOf(file),
    description: format.about ? `${format.about}\n\n${rules}` : rules,
    sources: sources.list(),
    actorTypes: [],
    relationKinds: [],
    actors: actors.actors,
    relations,
    events: [],
  };
  const validation = validateDataset(raw, file);
  relocate(
    [...validation.errors, ...validation.warnings],
    {
      whole,
      actors: actors.origins,
      relations: relationOrigins,
      sources: sources.origins(),
    },
    log,
  );
  return log.result(validation.dataset);
}

/**
 * Parses the CSV and matches the header; reports every missing column at
 * once. `spec` may add a format's own columns to the event columns;
 * `needsScore` is false for formats that score events themselves (ACLED, GED).
 */
export function readEventTable<F extends string>(
  file: CsvFile,
  log: ProblemLog,
  spec: Readonly<Record<EventField | F, readonly string[]>> = EVENT_COLUMNS as Readonly<
    Record<EventField | F, readonly string[]>
  >,
  needsScore = true,
): FieldTable<EventField | F> | undefined {
  const before = log.errors.length;
  const matched = readFieldTable<EventField | F>(file, spec, [], false, log);
  if (!matched) return undefined;
  const at = { file: file.name, line: 1, path: 'row 1' };
  const names = (f: EventField) => spec[f].join(', ');
  const missing: string[] = [];
  if (!matched.columns.has('date'))
    missing.push(`missing column "date" (accepted names: ${names('date')})`);
  for (const side of [1, 2] as const)
    if (!matched.columns.has(`actor${side}`) && !matched.columns.has(`actor${side}Name`))
      missing.push(
        `missing a column for actor ${side} (accepted names: ${names(`actor${side}`)}${spec[`actor${side}Name`].length > 0 ? `, or a name column: ${names(`actor${side}Name`)}` : ''})`,
      );
  if (
    needsScore &&
    !matched.columns.has('goldstein') &&
    !matched.columns.has('quadClass') &&
    !matched.columns.has('cameoCode')
  )
    missing.push(
      `missing a score column: Goldstein (${names('goldstein')}), QuadClass (${names('quadClass')}) or a CAMEO code (${names('cameoCode')})`,
    );
  for (const m of missing) log.error(at, m);
  // Parse errors leave the table unusable too.
  return log.errors.length > before ? undefined : matched;
}

/** Validation problems of a relation point at its first event; of its evidence, at the quote. */
function relationOrigin(first: EventRow, evidence: readonly EventRow[]): Origin {
  return (rest) => {
    const m = /^\.evidence\[(\d+)\](?:\.(source))?/.exec(rest);
    const e = m ? evidence[Number(m[1])] : undefined;
    if (e) return e.row.at(m![2] === 'source' ? 'evidenceSource' : 'quote');
    return first.row.whole();
  };
}

function reportLeftOut(
  { sparse, unsigned }: Aggregation,
  s: EventImportSettings,
  file: string,
  log: ProblemLog,
): void {
  const at = { file, path: '' };
  if (sparse.windows > 0)
    log.warn(
      at,
      `${plural(sparse.windows, 'pair window')} with fewer than ${s.minEvents} events left out (${plural(sparse.events, 'event')}); lower minEvents or widen windowMonths to keep them`,
    );
  if (unsigned.windows > 0)
    log.warn(
      at,
      `${plural(unsigned.windows, 'pair window')} with a mean score between ${s.hostilityAt} and ${s.cooperationAt} left without a relation (${plural(unsigned.events, 'event')})`,
    );
}

/** `gdelt-events.csv` → `gdelt`; `events.csv` → `events`. */
export function titleOf(fileName: string): string {
  const stem = fileStem(fileName).trim();
  const short = stem.replace(/[\s_-]+events$/i, '').trim();
  return short || stem || 'Imported events';
}

export function describeRules(count: number, file: string, s: EventImportSettings): string {
  const between = s.between === 'contact' ? 'contact' : 'no relation';
  return (
    `Relations aggregated from ${plural(count, 'event')} in ${file}. For each pair of actors ` +
    `(events in either direction) and each window of ${s.windowMonths} months with at least ` +
    `${s.minEvents} events, a mean score of ${s.cooperationAt} or more is cooperation, ` +
    `${s.hostilityAt} or less hostility (tension when every event of the window has a QuadClass ` +
    `and none is material conflict), and in between ${between}. Consecutive windows of one ` +
    `kind make one relation.`
  );
}
