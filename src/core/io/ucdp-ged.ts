/**
 * UCDP Georeferenced Event Dataset (GED; docs/FORMATS.md, "UCDP GED"): one
 * row per event of organised violence between side A and side B (state-based,
 * non-state, or one-sided against civilians), dated `date_start`…`date_end`,
 * with a best estimate of the deaths (`best`). GED has no Goldstein score:
 * organised violence is fighting, so every event counts as CAMEO 190 (use
 * conventional military force, −10, material conflict) and the common
 * event-table path makes hostility of it.
 */
import type { Row } from './csv-table';
import type { EventField } from './event-columns';
import type { EventImportOptions } from './event-options';
import { LeftOutRows, parseEventDate, reportSameActorRows, type EventRow } from './event-rows';
import { importEventTables, type EventTableFormat } from './event-tables';
import { readEventTable } from './events-import';
import { plural, type ImportResult, type ProblemLog } from './import-result';
import { normaliseName } from './names';

const NONE: readonly string[] = [];

export const GED_COLUMNS = {
  id: ['id'],
  date: ['date_start'],
  actor1: ['side_a'],
  actor2: ['side_b'],
  quote: ['source_headline'],
  actor1Name: NONE,
  actor2Name: NONE,
  goldstein: NONE,
  quadClass: NONE,
  cameoCode: NONE,
  evidenceSource: NONE,
  dateEnd: ['date_end'],
  best: ['best'],
  violence: ['type_of_violence'],
  conflict: ['conflict_name'],
  article: ['source_article'],
} as const;

export type GedField = keyof typeof GED_COLUMNS;

/** Whether a header (its cells) is GED's. */
export function isGedHeader(cells: readonly string[]): boolean {
  const names = new Set(cells.map(normaliseName));
  return ['side_a', 'side_b', 'date_start', 'date_end', 'best'].every((n) => names.has(n));
}

export const VIOLENCE = new Map([
  ['1', 'state-based conflict'],
  ['2', 'non-state conflict'],
  ['3', 'one-sided violence'],
]);

const FILE_SOURCE = 'ucdp-ged';
/** Article citations longer than this are shortened in the evidence note. */
export const MAX_ARTICLE = 300;

/** GED writes dates as `2019-01-03` or `2019-01-03 00:00:00.000`: the day is kept. */
function gedDate(text: string): { iso: string; month: number } | { problem: string } {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(text);
  return m ? parseEventDate(m[1]!) : { problem: 'is not a date (expected YYYY-MM-DD)' };
}

/** UCDP GED files: each row an event of organised violence between its two sides. */
export const UCDP_GED: EventTableFormat = {
  read(file, log) {
    const table = readEventTable<GedField>(file, log, GED_COLUMNS, false);
    if (!table) return undefined;
    const rows = table.rows(log);
    // UCDP codes unidentified perpetrators and victims alike as one side (`XXX771 - XXX771`).
    const sameSide = new LeftOutRows();
    const events = rows.flatMap((row) => gedEvent(row, log, sameSide) ?? []);
    reportSameActorRows(sameSide, log);
    return { events, has: (f) => table.columns.has(f), rows: rows.length };
  },
  describe: (files, rows) => ({
    about:
      `UCDP Georeferenced Event Dataset (${plural(rows, 'row')}). Each event is organised ` +
      `violence between side A and side B, so each counts as fighting (score −10, material ` +
      `conflict) and the pair's windows become hostility. An event counts in the window of its ` +
      `date_start. Governments are states, "Civilians" a population, other sides armed groups. ` +
      `Each quote is the headline of the event's source article as GED gives it. Data: UCDP, ` +
      `Uppsala University (CC BY 4.0).`,
    sources: { declared: [{ id: FILE_SOURCE, title: `UCDP GED events ${files.join(', ')}` }] },
  }),
};

/** Imports one GED file (several: `importEventFiles` in `event-files.ts`). */
export function importUcdpGed(
  file: { name: string; text: string },
  options: EventImportOptions = {},
): ImportResult {
  return importEventTables(UCDP_GED, [file], options);
}

/**
 * One GED row as an event; undefined when a cell is bad (the errors logged) or
 * both sides are one actor (the row added to `sameSide`).
 */
function gedEvent(
  row: Row<GedField>,
  log: ProblemLog,
  sameSide: LeftOutRows,
): EventRow | undefined {
  const before = log.errors.length;
  const start = dated(row, 'date', log);
  const end = dated(row, 'dateEnd', log);
  if (start && end && end.iso < start.iso)
    log.error(
      row.at('dateEnd'),
      `${JSON.stringify(row.word('dateEnd'))} is before date_start (${start.iso})`,
      row.word('dateEnd'),
    );
  const [a, b] = [row.word('actor1'), row.word('actor2')];
  if (a === undefined) log.error(row.at('actor1'), 'the row has no side_a (the cell is empty)');
  if (b === undefined) log.error(row.at('actor2'), 'the row has no side_b (the cell is empty)');
  const best = row.word('best');
  if (best !== undefined && !/^\d+$/.test(best))
    log.error(
      row.at('best'),
      `${JSON.stringify(best)} is not a number of deaths (a whole number of 0 or more)`,
      best,
    );
  const violence = row.word('violence');
  if (violence !== undefined && !VIOLENCE.has(violence))
    log.error(
      row.at('violence'),
      `${JSON.stringify(violence)} is not a type of violence (expected 1 state-based, 2 non-state or 3 one-sided)`,
      violence,
    );
  if (log.errors.length > before || !start || a === undefined || b === undefined) return undefined;
  if (a === b) {
    sameSide.add(row.narrow<EventField>());
    return undefined;
  }

  const article = row.text('article')?.trim();
  const detail = [
    ...(violence !== undefined ? [VIOLENCE.get(violence)!] : []),
    ...(row.word('conflict') ? [row.word('conflict')!] : []),
    ...(end && end.iso !== start.iso ? [`until ${end.iso}`] : []),
    ...(best !== undefined ? [`${best} deaths (best estimate)`] : []),
    ...(article
      ? [
          `article: ${article.length > MAX_ARTICLE ? `${article.slice(0, MAX_ARTICLE - 1)}…` : article}`,
        ]
      : []),
  ].join('; ');
  return {
    row: row.narrow<EventField>(),
    date: start.iso,
    month: start.month,
    actor1: a,
    actor2: b,
    score: -10,
    quadClass: 4,
    scoredFromQuadClass: false,
    scoreBasis: 'UCDP GED: organised violence counts as fighting, −10',
    quote: row.text('quote')?.trim() || undefined,
    source: FILE_SOURCE,
    id: row.word('id'),
    detail,
    type1: sideType(a),
    type2: sideType(b),
  };
}

function dated(row: Row<GedField>, field: 'date' | 'dateEnd', log: ProblemLog) {
  const text = row.word(field);
  if (text === undefined) {
    if (field === 'date') log.error(row.at(field), 'the row has no date_start (the cell is empty)');
    return undefined;
  }
  const date = gedDate(text);
  if ('problem' in date) {
    log.error(row.at(field), `${JSON.stringify(text)} ${date.problem}`, text);
    return undefined;
  }
  return date;
}

/** GED names governments "Government of X"; one-sided violence targets "Civilians". */
function sideType(name: string): string {
  if (/^Government of /i.test(name)) return 'state';
  return name === 'Civilians' ? 'population' : 'armed-group';
}
