/**
 * The DuckDB readers of the event-table formats (ICEWS, ACLED, UCDP GED,
 * generic event tables): each file becomes a SELECT of the event rows that
 * aggregate.sql takes (readers.ts, EVENT_COLUMNS), read as the in-memory
 * import reads it (src/core/io/{event-rows,icews,acled,ucdp-ged}.ts): the
 * same events, and each bad cell a problem with the in-memory message. The
 * cell rules are the macros of formats.sql; what differs per file (which
 * column holds which field) is read here from the header, by the in-memory
 * import's own header matching, so a header it refuses is refused here alike.
 *
 * Order: events are ordered by `pos`, which for a table is its row: DuckDB's
 * CSV reader numbers no rows, so each file is numbered by
 * `row_number() OVER ()` in file order (the runner keeps insertion order
 * for tables). `pos` = file × 2^32 + row (× 2^7 + the event's place in its
 * row for ACLED, whose row may tell several events): below 2^40, as
 * aggregate.sql's evidence keys need.
 */
import { basename } from 'node:path';
import {
  ACLED,
  ACLED_COLUMNS,
  ACLED_SCORES,
  INTER_TYPES,
  SUB_EVENT_SCORES,
  TOGETHER,
} from '../../src/core/io/acled';
import { CAMEO_HELP } from '../../src/core/io/cameo';
import { detectDelimiter } from '../../src/core/io/csv';
import type { FieldTable } from '../../src/core/io/csv-table';
import {
  EVENT_COLUMNS as EVENT_FIELDS,
  QUAD_CLASS_HELP,
  type EventField,
} from '../../src/core/io/event-columns';
import { EVENT_TABLE, type EventTableFormat } from '../../src/core/io/event-tables';
import { readEventTable } from '../../src/core/io/events-import';
import { ICEWS, ICEWS_COLUMNS } from '../../src/core/io/icews';
import { listSome, type ProblemLog } from '../../src/core/io/import-result';
import { GED_COLUMNS, MAX_ARTICLE, UCDP_GED, VIOLENCE } from '../../src/core/io/ucdp-ged';
import { EVENT_COLUMNS, firstLine, sqlText, type ReaderSelects } from './readers';

/** The event formats read as tables with a header. */
export const TABLE_FORMATS = {
  events: EVENT_TABLE,
  icews: ICEWS,
  acled: ACLED,
  'ucdp-ged': UCDP_GED,
} as const satisfies Record<string, EventTableFormat>;

export type TableFormatName = keyof typeof TABLE_FORMATS;

export const isTableFormat = (format: string): format is TableFormatName =>
  Object.hasOwn(TABLE_FORMATS, format);

/** Files one import reads at most: the file's number takes pos's top 8 bits. */
export const MAX_TABLE_FILES = 256;
/** Rows of an ACLED file: below 2^25, as its rows take 7 bits of pos more. */
const ACLED_ROW_BITS = 25;
/** Events one ACLED row may tell (its actors paired): 2^7. */
const ACLED_EVENTS_PER_ROW = 128;

type Spec = Readonly<Record<string, readonly string[]>>;

/** Each format's columns, and whether its rows need a score column (ACLED and GED score themselves). */
const SPECS: Record<TableFormatName, { spec: Spec; needsScore: boolean; missing: string[] }> = {
  events: { spec: EVENT_FIELDS, needsScore: true, missing: [] },
  icews: { spec: ICEWS_COLUMNS, needsScore: true, missing: ['NA'] },
  acled: { spec: ACLED_COLUMNS, needsScore: false, missing: [] },
  'ucdp-ged': { spec: GED_COLUMNS, needsScore: false, missing: [] },
};

/**
 * A file's cells by field, as SQL: `text` as Row.text reads it (raw, NULL
 * when empty or a missing mark such as ICEWS's `NA`), `word` trimmed, and
 * where a problem points (the column's header name, NULL for the row).
 */
class Cells {
  constructor(
    private readonly table: FieldTable<string>,
    private readonly missing: readonly string[],
  ) {}

  has(field: string): boolean {
    return this.table.columns.has(field);
  }

  private raw(field: string): string {
    const column = this.table.columns.get(field);
    return column ? `c${column.index}` : 'NULL::VARCHAR';
  }

  text(field: string): string {
    if (!this.has(field)) return 'NULL::VARCHAR';
    const raw = this.raw(field);
    if (this.missing.length === 0) return `unguard(${raw})`;
    return `CASE WHEN js_trim(${raw}) IN (${this.missing.map(sqlText).join(', ')}) THEN NULL ELSE unguard(${raw}) END`;
  }

  word(field: string): string {
    return `nullif(js_trim(${this.text(field)}), '')`;
  }

  /** The header name of a field's column as SQL, NULL (the whole row) when the table has none. */
  column(field: string): string {
    const column = this.table.columns.get(field);
    return column ? sqlText(column.name) : 'NULL::VARCHAR';
  }

  /** event-rows.ts, emptyCell: why a cell counts as empty. */
  emptyCell(field: string): string {
    if (this.missing.length === 0 || !this.has(field)) return `'the cell is empty'`;
    const raw = this.raw(field);
    return `CASE WHEN js_trim(${raw}) IN (${this.missing.map(sqlText).join(', ')})
      THEN 'the cell says ' || quoted(js_trim(${raw})) || ': no value' ELSE 'the cell is empty' END`;
  }
}

/** The SQL of one event row, named as readers.ts's EVENT_COLUMNS (in that order). */
interface EventSql {
  eventId: string;
  eventDate: string;
  dateText: string;
  actor1: string;
  actor2: string;
  name1: string;
  name2: string;
  goldstein: string;
  quadClass: string;
  eventCode: string;
  quote: string;
  sourceText: string;
  type1: string;
  type2: string;
  detail: string;
  dateIso: string;
}

/** A format whose row is one event: its cells parsed (a SELECT from `raw`), the row's problems and its event. */
interface RowRead {
  parsed: string;
  problems: string;
  event: EventSql;
}

/** The event columns (readers.ts, EVENT_COLUMNS), named so that the picked reader can filter on pos. */
const eventColumns = (
  fileNo: number,
  pos: string,
  e: EventSql,
  noEvent: string,
  rowWeight: string,
  problems: string,
) => {
  const values = [
    String(fileNo),
    'row_no',
    pos,
    e.eventId,
    e.eventDate,
    e.dateText,
    e.actor1,
    e.actor2,
    e.name1,
    e.name2,
    e.goldstein,
    'NULL::VARCHAR',
    e.quadClass,
    'NULL::VARCHAR',
    e.eventCode,
    'NULL::VARCHAR',
    'false',
    `(${e.quote}) IS NOT NULL`,
    e.quote,
    e.sourceText,
    e.type1,
    e.type2,
    e.detail,
    e.dateIso,
    noEvent,
    rowWeight,
    problems,
  ];
  return values.map((v, i) => `${v} AS ${EVENT_COLUMNS[i]}`).join(',\n  ');
};

/**
 * Generic event tables and ICEWS (event-rows.ts, EventRowReader): a date,
 * two actors (code, else name) and a Goldstein score, QuadClass or CAMEO code.
 */
function eventRows(format: 'events' | 'icews', cells: Cells, delimiter: string): RowRead {
  const w = (f: EventField) => cells.word(f);
  const name = (side: 1 | 2) => `nullif(js_trim(${cells.text(`actor${side}Name`)}), '')`;
  const actorField = (side: 1 | 2) =>
    cells.has(`actor${side}`) ? `actor${side}` : `actor${side}Name`;
  const scoreField = cells.has('goldstein')
    ? 'goldstein'
    : cells.has('quadClass')
      ? 'quadClass'
      : 'cameoCode';
  const parsed = `SELECT *,
    coalesce(w_actor1, name1) AS a1, coalesce(w_actor2, name2) AS a2,
    CASE WHEN w_quad IS NOT NULL THEN (CASE WHEN regexp_full_match(w_quad, '[1-4]') THEN CAST(w_quad AS UTINYINT) END)
      ELSE cameo_quad_class(w_cameo) END AS q,
    goldstein_value(w_goldstein, ${delimiter === ';'}) AS g
  FROM (SELECT row_no, ${w('id')} AS w_id, ${w('date')} AS w_date,
    ${w('actor1')} AS w_actor1, ${w('actor2')} AS w_actor2, ${name(1)} AS name1, ${name(2)} AS name2,
    ${w('quadClass')} AS w_quad, ${w('cameoCode')} AS w_cameo, ${w('goldstein')} AS w_goldstein,
    ${w('evidenceSource')} AS w_source, ${cells.text('quote')} AS t_quote,
    ${cells.emptyCell('date')} AS date_empty,
    ${cells.emptyCell(actorField(1))} AS actor1_empty, ${cells.emptyCell(actorField(2))} AS actor2_empty
    ${format === 'icews' ? icewsCells(cells) : ''}
    FROM raw)`;
  const problems = `found([
    CASE WHEN w_date IS NULL THEN problem(${cells.column('date')}, NULL, 'the row has no date (' || date_empty || ')')
      WHEN event_date_problem(w_date) IS NOT NULL
      THEN problem(${cells.column('date')}, w_date, quoted(w_date) || ' ' || event_date_problem(w_date)) END,
    CASE WHEN a1 IS NULL THEN problem(${cells.column(actorField(1))}, NULL, 'the row has no actor 1 (' || actor1_empty || ')') END,
    CASE WHEN a2 IS NULL THEN problem(${cells.column(actorField(2))}, NULL, 'the row has no actor 2 (' || actor2_empty || ')') END,
    CASE WHEN w_quad IS NOT NULL AND q IS NULL
      THEN problem(${cells.column('quadClass')}, w_quad, quoted(w_quad) || ${sqlText(` is not a QuadClass: ${QUAD_CLASS_HELP}`)})
      WHEN w_quad IS NULL AND w_cameo IS NOT NULL AND q IS NULL
      THEN problem(${cells.column('cameoCode')}, w_cameo, quoted(w_cameo) || ${sqlText(` is not ${CAMEO_HELP}`)}) END,
    CASE WHEN w_goldstein IS NOT NULL AND g IS NULL
      THEN problem(${cells.column('goldstein')}, w_goldstein, quoted(w_goldstein) || ' is not a number (Goldstein scores run from -10 to +10)')
      WHEN g < -10 OR g > 10
      THEN problem(${cells.column('goldstein')}, w_goldstein, quoted(w_goldstein) || ' is outside the Goldstein scale (-10 to +10)') END,
    CASE WHEN w_goldstein IS NULL AND w_quad IS NULL AND w_cameo IS NULL
      THEN problem(${cells.column(scoreField)}, NULL, 'the row has no score (no Goldstein value, no QuadClass and no CAMEO code)') END
  ])`;
  const icews = format === 'icews';
  const event: EventSql = {
    eventId: 'w_id',
    eventDate:
      'CASE WHEN event_date_problem(w_date) IS NULL THEN iso_day(event_date_iso(w_date)) END',
    dateText: 'w_date',
    actor1: 'a1',
    actor2: 'a2',
    name1: 'name1',
    name2: 'name2',
    goldstein: 'g',
    quadClass: 'q',
    eventCode: 'CASE WHEN cameo_quad_class(w_cameo) IS NOT NULL THEN w_cameo END',
    // icews.ts, withIcewsDetail: the coding as the quote, the publisher as the source.
    quote: icews
      ? `concat_ws(' · ', coalesce(name1, a1), nullif(js_trim(t_event_text), ''), coalesce(name2, a2))`
      : 't_quote',
    sourceText: icews ? `coalesce(w_publisher, 'icews-file')` : 'w_source',
    type1: icews ? `CASE WHEN name1 = w_country1 THEN 'state' END` : 'NULL::VARCHAR',
    type2: icews ? `CASE WHEN name2 = w_country2 THEN 'state' END` : 'NULL::VARCHAR',
    detail: icews
      ? `nullif(concat_ws(', ', 'story ' || w_story, 'sentence ' || w_sentence), '')`
      : 'NULL::VARCHAR',
    dateIso: 'event_date_iso(w_date)',
  };
  return { parsed, problems, event };
}

/** ICEWS's own cells (icews.ts, ICEWS_EXTRA). */
function icewsCells(cells: Cells): string {
  return `, ${cells.text('eventText')} AS t_event_text, ${cells.word('publisher')} AS w_publisher,
    ${cells.word('story')} AS w_story, ${cells.word('sentence')} AS w_sentence,
    ${cells.word('country1')} AS w_country1, ${cells.word('country2')} AS w_country2`;
}

/**
 * UCDP GED (ucdp-ged.ts, gedEvent): side A against side B on date_start,
 * organised violence scored as fighting (−10, material conflict).
 */
function gedRows(cells: Cells): RowRead {
  const w = (f: string) => cells.word(f);
  const violence = [...VIOLENCE].map(
    ([code, name]) => `WHEN ${sqlText(code)} THEN ${sqlText(name)}`,
  );
  const parsed = `SELECT *,
    CASE WHEN w_date IS NOT NULL AND ged_date_problem(w_date) IS NULL THEN ged_iso(w_date) END AS start_iso,
    CASE WHEN w_end IS NOT NULL AND ged_date_problem(w_end) IS NULL THEN ged_iso(w_end) END AS end_iso
  FROM (SELECT row_no, ${w('id')} AS w_id, ${w('date')} AS w_date, ${w('dateEnd')} AS w_end,
    ${w('actor1')} AS a1, ${w('actor2')} AS a2, ${w('best')} AS w_best, ${w('violence')} AS w_violence,
    ${w('conflict')} AS w_conflict, nullif(js_trim(${cells.text('article')}), '') AS article,
    nullif(js_trim(${cells.text('quote')}), '') AS headline
    FROM raw)`;
  const problems = `found([
    CASE WHEN w_date IS NULL THEN problem(${cells.column('date')}, NULL, 'the row has no date_start (the cell is empty)')
      WHEN ged_date_problem(w_date) IS NOT NULL
      THEN problem(${cells.column('date')}, w_date, quoted(w_date) || ' ' || ged_date_problem(w_date)) END,
    CASE WHEN w_end IS NOT NULL AND ged_date_problem(w_end) IS NOT NULL
      THEN problem(${cells.column('dateEnd')}, w_end, quoted(w_end) || ' ' || ged_date_problem(w_end)) END,
    CASE WHEN end_iso < start_iso
      THEN problem(${cells.column('dateEnd')}, w_end, quoted(w_end) || ' is before date_start (' || start_iso || ')') END,
    CASE WHEN a1 IS NULL THEN problem(${cells.column('actor1')}, NULL, 'the row has no side_a (the cell is empty)') END,
    CASE WHEN a2 IS NULL THEN problem(${cells.column('actor2')}, NULL, 'the row has no side_b (the cell is empty)') END,
    CASE WHEN w_best IS NOT NULL AND NOT regexp_full_match(w_best, '\\d+')
      THEN problem(${cells.column('best')}, w_best, quoted(w_best) || ' is not a number of deaths (a whole number of 0 or more)') END,
    CASE WHEN w_violence IS NOT NULL AND w_violence NOT IN (${[...VIOLENCE.keys()].map(sqlText).join(', ')})
      THEN problem(${cells.column('violence')}, w_violence, quoted(w_violence) || ' is not a type of violence (expected 1 state-based, 2 non-state or 3 one-sided)') END
  ])`;
  // GED names governments "Government of X"; one-sided violence targets "Civilians".
  const sideType = (a: string) =>
    `CASE WHEN regexp_matches(${a}, '^(?i)Government of ') THEN 'state' WHEN ${a} = 'Civilians' THEN 'population' ELSE 'armed-group' END`;
  const event: EventSql = {
    eventId: 'w_id',
    eventDate: 'TRY_CAST(start_iso AS DATE)',
    dateText: 'w_date',
    actor1: 'a1',
    actor2: 'a2',
    name1: 'NULL::VARCHAR',
    name2: 'NULL::VARCHAR',
    goldstein: '-10::DOUBLE',
    quadClass: '4::UTINYINT',
    eventCode: 'NULL::VARCHAR',
    quote: 'headline',
    sourceText: `'ucdp-ged'`,
    type1: sideType('a1'),
    type2: sideType('a2'),
    // The in-memory note always adds this detail, even when it is empty.
    detail: `concat_ws('; ', CASE w_violence ${violence.join(' ')} END, w_conflict,
      CASE WHEN end_iso IS NOT NULL AND end_iso <> start_iso THEN 'until ' || end_iso END,
      w_best || ' deaths (best estimate)',
      'article: ' || CASE WHEN length(article) > ${MAX_ARTICLE} THEN article[1:${MAX_ARTICLE - 1}] || '…' ELSE article END)`,
    dateIso: 'start_iso',
  };
  return { parsed, problems, event };
}

/** A row of one event as the columns readers.ts's view takes. */
function oneEventPerRow(fileNo: number, read: RowRead): string {
  const pos = `${fileNo}::BIGINT * ${2 ** 32} + row_no`;
  return `SELECT ${eventColumns(fileNo, pos, read.event, 'false', '1', 'problems')}
    FROM (SELECT *, ${read.problems} AS problems FROM (${read.parsed}))`;
}

/** A CASE over a map of lower-cased texts to scores. */
const scoreCase = (
  text: string,
  scores: ReadonlyMap<string, { score: number; quadClass?: number }>,
  part: 'score' | 'quadClass',
) =>
  `CASE ${text} ${[...scores]
    .map(([k, s]) => `WHEN ${sqlText(k)} THEN ${s[part] === undefined ? 'NULL' : s[part]}`)
    .join(' ')} END`;

/**
 * ACLED (acled.ts, acledEvents): a row tells an event between every actor of
 * one side (its main actor, then its associated actors) and every actor of
 * the other, then one between each side's main actor and each of its
 * associated actors (cooperation, but not on a civilian side), in that order.
 * A row with a problem, with no second actor, or whose events all pair an
 * actor with itself is one row of the view, telling no event.
 */
function acledSelect(fileNo: number, cells: Cells): string {
  const w = (f: string) => cells.word(f);
  const interType = (inter: string) =>
    `CASE ${inter} ${[...INTER_TYPES].map(([k, t]) => `WHEN ${sqlText(k)} THEN ${sqlText(t)}`).join(' ')} END`;
  const assoc = (side: 1 | 2) =>
    `ordered_distinct(list_filter(list_transform(string_split(coalesce(${cells.text(`assoc${side}`)}, ''), ';'), x -> js_trim(x)), x -> x <> '' AND x <> coalesce(w_actor${side}, '')))`;
  const typeList = listSome(
    [...ACLED_SCORES.keys()].map((k) => `"${k}"`),
    10,
  );
  const cellsRead = `SELECT row_no, ${w('id')} AS w_id, ${w('date')} AS w_date,
    ${w('actor1')} AS w_actor1, ${w('actor2')} AS w_actor2,
    ${w('eventType')} AS w_type, ${w('subEventType')} AS w_sub, ${w('fatalities')} AS w_fatalities,
    nullif(js_trim(${cells.text('publications')}), '') AS publications, ${cells.text('quote')} AS t_quote,
    lower(${w('inter1')}) AS inter1, lower(${w('inter2')}) AS inter2, ${assoc(1)} AS assoc1, ${assoc(2)} AS assoc2
    FROM raw`;
  const scored = `SELECT *,
    coalesce(${scoreCase('lower(w_sub)', SUB_EVENT_SCORES, 'score')}, ${scoreCase('lower(w_type)', ACLED_SCORES, 'score')}) AS s,
    CASE WHEN ${scoreCase('lower(w_sub)', SUB_EVENT_SCORES, 'score')} IS NOT NULL
      THEN ${scoreCase('lower(w_sub)', SUB_EVENT_SCORES, 'quadClass')}
      ELSE ${scoreCase('lower(w_type)', ACLED_SCORES, 'quadClass')} END AS q,
    ${interType('inter1')} AS main_type1, ${interType('inter2')} AS main_type2,
    CASE WHEN w_date IS NOT NULL AND acled_date_problem(w_date) IS NULL THEN acled_iso(w_date) END AS iso,
    concat_ws('; ', w_type || coalesce(': ' || w_sub, ''),
      CASE WHEN NOT regexp_full_match(w_fatalities, '\\d+') THEN NULL
        WHEN CAST(w_fatalities AS DOUBLE) = 1 THEN '1 fatality'
        ELSE CAST(CAST(w_fatalities AS DOUBLE) AS BIGINT) || ' fatalities' END,
      'ACLED''s sources: ' || publications) AS detail
  FROM (${cellsRead})`;
  const pair = (
    a: string,
    b: string,
    t1: string,
    t2: string,
    score: string,
    q: string,
    how: string,
  ) =>
    `{'a': ${a}, 'b': ${b}, 't1': ${t1}, 't2': ${t2}, 's': ${score}, 'q': ${q}, 'how': ${sqlText(how)}}`;
  const allies = (side: 1 | 2) =>
    `CASE WHEN inter${side} IN ('7', 'civilians') THEN [] ELSE list_transform(assoc${side}, x -> ${pair(
      `w_actor${side}`,
      'x',
      `main_type${side}`,
      'NULL::VARCHAR',
      `${TOGETHER.score}::DOUBLE`,
      `${TOGETHER.quadClass}::UTINYINT`,
      'associated actors in one event; ',
    )}) END`;
  const paired = `SELECT *, list_filter(
      flatten(list_transform(list_prepend(w_actor1, assoc1), (a, i) -> list_transform(list_prepend(w_actor2, assoc2), (b, j) -> ${pair(
        'a',
        'b',
        'CASE WHEN i = 1 THEN main_type1 END',
        'CASE WHEN j = 1 THEN main_type2 END',
        's::DOUBLE',
        'q::UTINYINT',
        '',
      )})))
      || ${allies(1)} || ${allies(2)},
      e -> e.a <> e.b) AS events
  FROM (${scored})`;
  const problems = `found([
    CASE WHEN w_date IS NULL THEN problem(${cells.column('date')}, NULL, 'the row has no date (the cell is empty)')
      WHEN acled_date_problem(w_date) IS NOT NULL
      THEN problem(${cells.column('date')}, w_date, quoted(w_date) || ' ' || acled_date_problem(w_date)) END,
    CASE WHEN w_type IS NULL THEN problem(${cells.column('eventType')}, NULL, 'the row has no event type (the cell is empty)')
      WHEN ${scoreCase('lower(w_type)', ACLED_SCORES, 'score')} IS NULL
      THEN problem(${cells.column('eventType')}, w_type, quoted(w_type) || ${sqlText(` is not an ACLED event type (expected ${typeList}, in any case)`)}) END,
    CASE WHEN w_fatalities IS NOT NULL AND NOT regexp_full_match(w_fatalities, '\\d+')
      THEN problem(${cells.column('fatalities')}, w_fatalities, quoted(w_fatalities) || ' is not a number of fatalities (a whole number of 0 or more)') END,
    CASE WHEN w_actor1 IS NULL THEN problem(${cells.column('actor1')}, NULL, 'the row has no actor 1 (the cell is empty)') END,
    CASE WHEN row_no >= ${2 ** ACLED_ROW_BITS}
      THEN problem(NULL, NULL, 'the DuckDB import reads at most ${2 ** ACLED_ROW_BITS - 1} rows of an ACLED file (split the file)') END,
    CASE WHEN len(events) > ${ACLED_EVENTS_PER_ROW}
      THEN problem(NULL, NULL, 'the row pairs its actors into ' || len(events) || ' events; the DuckDB import reads at most ${ACLED_EVENTS_PER_ROW} per row (import the file with --engine memory)') END
  ])`;
  // A row with no event to tell is kept as one row, so that it is counted or reported.
  const told = `CASE WHEN len(problems) = 0 AND w_actor2 IS NOT NULL AND len(events) > 0
      THEN list_transform(events, (e, i) -> {'e': e, 'i': i})
      ELSE [{'e': NULL, 'i': 0}] END`;
  const event: EventSql = {
    eventId: 'w_id',
    eventDate: 'TRY_CAST(iso AS DATE)',
    dateText: 'w_date',
    actor1: `CASE WHEN told.i > 0 THEN told.e.a ELSE w_actor1 END`,
    actor2: `CASE WHEN told.i > 0 THEN told.e.b ELSE w_actor2 END`,
    name1: 'NULL::VARCHAR',
    name2: 'NULL::VARCHAR',
    goldstein: 'told.e.s',
    quadClass: 'told.e.q',
    eventCode: 'NULL::VARCHAR',
    quote: 't_quote',
    sourceText: `'acled'`,
    type1: 'told.e.t1',
    type2: 'told.e.t2',
    detail: `told.e.how || detail`,
    dateIso: 'iso',
  };
  const pos = `${fileNo}::BIGINT * ${2 ** 32} + row_no * ${ACLED_EVENTS_PER_ROW} + greatest(told.i - 1, 0)`;
  // Rows without an event: placeholders the aggregation counts but does not aggregate.
  const noEvent = `told.i = 0 AND len(problems) = 0 AND w_actor2 IS NOT NULL`;
  return `SELECT ${eventColumns(fileNo, pos, event, noEvent, 'told.i <= 1', 'problems')}
    FROM (SELECT *, unnest(${told}) AS told FROM (SELECT *, ${problems} AS problems FROM (${paired})))`;
}

/** Bytes DuckDB's CSV reader splits at a time (readers.ts, CSV_BUFFER_BYTES). */
const CSV_BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * The reader of one table file, or undefined when its header is refused
 * (the errors logged as the in-memory import logs them, naming the file by
 * its base name as the app does). Every cell is read as text and numbered
 * rows come first (`raw`); cells that are not the header's width are
 * DuckDB's rejected rows (`rejects_<fileNo>`).
 */
export async function tableReader(
  format: TableFormatName,
  path: string,
  fileNo: number,
  log: ProblemLog,
): Promise<ReaderSelects | undefined> {
  const name = basename(path);
  const header = (await firstLine(path)).replace(/^\uFEFF/, '');
  const { spec, needsScore, missing } = SPECS[format];
  const table = readEventTable<string>({ name, text: header }, log, spec as Spec, needsScore);
  if (!table) return undefined;
  if (format === 'acled' && !table.columns.has('eventType')) {
    log.error({ file: name, line: 1, path: 'row 1' }, 'missing column "event_type"');
    return undefined;
  }
  const delimiter = detectDelimiter(header);
  const width = table.table.header.cells.length;
  const columns = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const source = (rejects: boolean) => `(SELECT *, row_number() OVER () + 1 AS row_no
    FROM read_csv(${sqlText(path)}, delim = ${sqlText(delimiter)}, quote = '"', escape = '"',
      header = false, skip = 1, auto_detect = false, columns = {${columns}}, null_padding = true,
      buffer_size = ${CSV_BUFFER_BYTES}${
        rejects
          ? `, store_rejects = true, rejects_limit = 1000, rejects_table = 'rejects_${fileNo}', rejects_scan = 'reject_scans_${fileNo}'`
          : ''
      }))`;
  const cells = new Cells(table as FieldTable<string>, missing);
  const select = (rejects: boolean) => {
    const body =
      format === 'acled'
        ? acledSelect(fileNo, cells)
        : oneEventPerRow(
            fileNo,
            format === 'ucdp-ged' ? gedRows(cells) : eventRows(format, cells, delimiter),
          );
    return `WITH raw AS ${source(rejects)} ${body}`;
  };
  // The picked rows: read again (a table's rows are found by their number), keeping the wanted.
  return {
    select: `SELECT * FROM (${select(true)})`,
    picked: `SELECT * FROM (${select(false)}) WHERE pos IN (SELECT pos FROM wanted_positions)`,
  };
}
