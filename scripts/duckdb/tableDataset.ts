/**
 * The dataset of an event-table import through DuckDB (ICEWS, ACLED, UCDP
 * GED, generic event tables) from aggregate.sql's and picked.sql's tables,
 * written as the in-memory import writes it (src/core/io/events-import.ts,
 * buildEventDataset): the format's description and sources, relation notes,
 * evidence quoted verbatim from the rows with their notes, actors typed as
 * the format tells.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Dataset, Relation, Source } from '../../src/core/schema';
import { CAMEO_ROOT_NAMES } from '../../src/core/io/cameo';
import { QUAD_CLASS_NAMES, type QuadClass } from '../../src/core/io/event-columns';
import { relationNoteOf, signed } from '../../src/core/io/event-notes';
import type { EventImportSettings } from '../../src/core/io/event-options';
import type { SourceRules } from '../../src/core/io/event-sources';
import { severalFilesTitle } from '../../src/core/io/event-tables';
import { describeRules, titleOf } from '../../src/core/io/events-import';
import { monthIso, type EventKind } from '../../src/core/io/event-windows';
import { UNSOURCED_ID } from '../../src/core/io/evidence';
import type { ImportResult, ProblemLog } from '../../src/core/io/import-result';
import { TABLE_FORMATS, type TableFormatName } from './tableReaders';
import {
  all,
  num,
  relatedActors,
  relationCountsOf,
  reportLeftOutRows,
  reportLeftOutWindows,
  str,
  validatedDataset,
  windowsByRelation,
  type Json,
} from './tables';

/** The score basis every event of a format shares (event-notes.ts, RelationCounts.basis). */
const SCORE_BASIS: Partial<Record<TableFormatName, string>> = {
  acled: 'from ACLED event types',
  'ucdp-ged': 'UCDP GED: organised violence counts as fighting, −10',
};

/** Why a format leaves rows with one actor out (acled.ts; the others refuse such rows). */
const SINGLE_ACTOR_REASON =
  'an event with no second actor, such as most protests, tells no relation';

/**
 * The dataset, validated. `names` are the files' base names, in the order
 * read; `label` joins them, as evidence notes and messages name the import.
 * `release` closes DuckDB once its tables are read, so that its memory is
 * given back before the dataset is built and validated (together they
 * went over 1 GB on a million ICEWS rows).
 */
export async function buildTableDataset(
  connection: DuckDBConnection,
  format: TableFormatName,
  names: readonly string[],
  settings: EventImportSettings,
  counted: Json,
  log: ProblemLog,
  release: () => void,
): Promise<ImportResult> {
  const label = names.join(', ');
  const whole = { file: label, path: '' };
  reportLeftOutRows(counted, label, SINGLE_ACTOR_REASON, log);
  const relationRows = await all(connection, 'SELECT * FROM relations ORDER BY relation_no');
  await reportLeftOutWindows(connection, settings, label, log);
  if (num(counted.events) === 0 || relationRows.length === 0) {
    log.error(whole, noRelationMessage(num(counted.events), names.length, settings));
    return log.result(undefined);
  }
  const described = TABLE_FORMATS[format].describe(names, num(counted.rows));
  const windows = await windowsByRelation(connection);
  const evidence = await evidenceByRelation(connection);
  const actors = await relatedActors(connection, label, log);
  release();
  const sources = new TableSources(label, described.sources, log);
  const basis = SCORE_BASIS[format];
  const relations = relationRows.map((r): Relation => {
    const no = num(r.relation_no);
    const picked = evidence.get(no) ?? [];
    const counts = relationCountsOf(r, windows, basis);
    return {
      id: `r${no}`,
      source: String(r.source),
      target: String(r.target),
      kind: String(r.kind) as EventKind,
      from: monthIso(counts.from),
      until: monthIso(counts.until),
      evidence: picked.map((e) => ({
        source: sources.cite(str(e.source_text)),
        quote: String(e.quote),
        note: evidenceNoteOf(e, names, label, basis),
      })),
      note: relationNoteOf(counts, settings.windowMonths, label, {
        shown: picked.length,
        total: num(r.quoted_events),
      }),
    };
  });
  const raw: Dataset = {
    // A compressed file is titled as the file inside (`events.2018.tab.gz`: `events.2018`).
    title: names.length > 1 ? severalFilesTitle(names) : titleOf(label.replace(/\.gz$/i, '')),
    description: [
      ...(described.about ? [described.about] : []),
      describeRules(num(counted.events), label, settings),
    ].join('\n\n'),
    sources: sources.list(),
    actorTypes: [],
    relationKinds: [],
    actors,
    relations,
    events: [],
  };
  return validatedDataset(raw, label, log);
}

/** events-import.ts, buildEventDataset: no events, or no pair with enough of them. */
function noRelationMessage(events: number, files: number, s: EventImportSettings): string {
  if (events === 0)
    return `${files > 1 ? 'the files have' : 'the file has'} no events between two actors, so there is nothing to aggregate`;
  const signedRange =
    s.between === 'none' ? ` with a mean score outside ${s.hostilityAt}…${s.cooperationAt}` : '';
  return `no pair of actors has ${s.minEvents} events in one window of ${s.windowMonths} months${signedRange}, so there is no relation; lower minEvents or widen windowMonths`;
}

async function evidenceByRelation(connection: DuckDBConnection): Promise<Map<number, Json[]>> {
  const out = new Map<number, Json[]>();
  const rows = await all(
    connection,
    `SELECT relation_no, file_no, line, event_id, date_iso, score, scored_from_quad_class,
       quad_class, event_code, quote, source_text, detail
     FROM evidence ORDER BY relation_no, rank`,
  );
  for (const e of rows) {
    const list = out.get(num(e.relation_no)) ?? [];
    list.push(e);
    out.set(num(e.relation_no), list);
  }
  return out;
}

/**
 * event-notes.ts, evidenceNote: the event's date, row (and file, when the
 * import read several), id, CAMEO code, scores and what the format adds.
 */
function evidenceNoteOf(
  e: Json,
  names: readonly string[],
  label: string,
  basis: string | undefined,
): string {
  const file = names[num(e.file_no)]!;
  const of = file !== label ? ` of ${file}` : '';
  const id = str(e.event_id);
  const where = [`row ${num(e.line)}${of}`, ...(id !== undefined ? [`id ${id}`] : [])];
  const cameo = str(e.event_code);
  const root = cameo === undefined ? undefined : CAMEO_ROOT_NAMES.get(cameo.slice(0, 2));
  const quad = e.quad_class === null ? undefined : (num(e.quad_class) as QuadClass);
  const scores = [
    ...(cameo !== undefined ? [`CAMEO ${cameo}${root ? ` (${root})` : ''}`] : []),
    ...(basis !== undefined
      ? [`score ${signed(num(e.score))}`]
      : e.scored_from_quad_class
        ? []
        : [`Goldstein ${signed(num(e.score))}`]),
    ...(quad !== undefined ? [`QuadClass ${quad} (${QUAD_CLASS_NAMES[quad]})`] : []),
  ];
  const detail = str(e.detail);
  return `event of ${String(e.date_iso)} (${where.join(', ')}): ${scores.join(', ')}${detail === undefined ? '' : `; ${detail}`}`;
}

const URL_PATTERN = /^https?:\/\//i;
const MAX_TITLE = 200;

/**
 * event-sources.ts, EventSources, for evidence read back from DuckDB: a
 * declared source by its id, a URL as `url-1`, `url-2`… in order of first
 * citation, any other text as a source of that id; a quote without a
 * source cites `unsourced` (one warning). Unlike the in-memory import, the
 * `url-N` ids skip only the plain-text ids cited as evidence, not those of
 * every row (which would take another pass over the files).
 */
class TableSources {
  private readonly byText = new Map<string, Source>();
  private urls = 0;

  constructor(
    private readonly file: string,
    private readonly rules: SourceRules = {},
    private readonly log: ProblemLog,
  ) {}

  cite(text: string | undefined): string {
    const known = this.byText.get(text ?? UNSOURCED_ID);
    if (known) return known.id;
    if (text === undefined) {
      this.log.warn(
        { file: this.file, path: '' },
        `quotes without a source cite a source "${UNSOURCED_ID}" added for them`,
      );
      return this.add(UNSOURCED_ID, { id: UNSOURCED_ID, title: `No source given in ${this.file}` });
    }
    const declared = this.rules.declared?.find((s) => s.id === text);
    if (declared) return this.add(text, declared);
    if (!URL_PATTERN.test(text))
      return this.add(text, { id: text, title: this.rules.title?.(text) ?? text });
    let id: string;
    do id = `url-${++this.urls}`;
    while (this.byText.has(id));
    const named = this.rules.title?.(text) ?? text;
    const title = named.length > MAX_TITLE ? `${named.slice(0, MAX_TITLE - 1)}…` : named;
    return this.add(text, { id, title, url: text });
  }

  list(): Source[] {
    return [...this.byText.values()];
  }

  private add(text: string, source: Source): string {
    this.byText.set(text, source);
    return source.id;
  }
}
