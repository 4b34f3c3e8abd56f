/**
 * Rows of an event table read into events: date, the two actors, a score.
 * Every bad cell is an error at its cell (row, column, value, reason); rows
 * with the same actor on both sides are left out with one warning.
 */
import { dateProblem } from '../dates';
import { CAMEO_HELP, cameoRoot } from './cameo';
import type { Delimiter } from './csv';
import type { Row } from './csv-table';
import {
  QUAD_CLASS_HELP,
  QUAD_CLASS_SCORE,
  type EventField,
  type QuadClass,
} from './event-columns';
import { listFirst, plural, type Location, type ProblemLog } from './import-result';

/** One event as read from a row. */
export interface EventRow {
  row: Row<EventField>;
  /** The date as ISO (`YYYY-MM-DD` or `YYYY-MM`). */
  date: string;
  /** Months since January of year 0: `year * 12 + month - 1`. */
  month: number;
  actor1: string;
  actor2: string;
  name1?: string;
  name2?: string;
  /** Goldstein score, or the QuadClass's score when there is no Goldstein value. */
  score: number;
  scoredFromQuadClass: boolean;
  quadClass?: QuadClass;
  /** The CAMEO event code, when the table has one (GDELT, ICEWS). */
  cameo?: string;
  quote?: string;
  source?: string;
  id?: string;
  /** Where each actor is named, when not in the actor columns (ACLED's associated actors). */
  where1?: Location;
  where2?: Location;
  /** Actor types the format tells (a built-in type id); else the id decides (`state` for a country code). */
  type1?: string;
  type2?: string;
  /** What the format adds to the evidence note (ACLED's event type, GED's fatalities). */
  detail?: string;
  /** Where the score comes from when not a Goldstein value (ACLED's event type, GED). */
  scoreBasis?: string;
}

/** `YYYYMMDD` (GDELT), `YYYY-MM-DD` or `YYYY-MM` → ISO and month index; else the reason. */
export function parseEventDate(text: string): { iso: string; month: number } | { problem: string } {
  const gdelt = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const iso = gdelt ? `${gdelt[1]}-${gdelt[2]}-${gdelt[3]}` : text;
  if (/^\d{4}$/.test(text))
    return { problem: 'gives only a year; an event needs at least a month (YYYY-MM)' };
  if (!/^\d{4}-\d{2}(-\d{2})?$/.test(iso))
    return {
      problem: 'is not a date (expected YYYY-MM-DD, YYYYMMDD as GDELT writes it, or YYYY-MM)',
    };
  const problem = dateProblem(iso);
  if (problem) return { problem };
  const [year, month] = iso.split('-').map(Number) as [number, number];
  return { iso, month: year * 12 + month - 1 };
}

/** Reads a Goldstein cell: a number from −10 to +10 (decimal comma with `;`). */
function goldstein(row: Row<EventField>, delimiter: Delimiter, log: ProblemLog) {
  const text = row.word('goldstein');
  if (text === undefined) return undefined;
  const n = Number(delimiter === ';' ? text.replace(',', '.') : text);
  if (!Number.isFinite(n))
    log.error(
      row.at('goldstein'),
      `${JSON.stringify(text)} is not a number (Goldstein scores run from -10 to +10)`,
      text,
    );
  else if (n < -10 || n > 10)
    log.error(
      row.at('goldstein'),
      `${JSON.stringify(text)} is outside the Goldstein scale (-10 to +10)`,
      text,
    );
  else return n;
  return null;
}

function quadClass(row: Row<EventField>, log: ProblemLog): QuadClass | null | undefined {
  const text = row.word('quadClass');
  if (text === undefined) return quadClassOfCameo(row, log);
  if (/^[1-4]$/.test(text)) return Number(text) as QuadClass;
  log.error(
    row.at('quadClass'),
    `${JSON.stringify(text)} is not a QuadClass: ${QUAD_CLASS_HELP}`,
    text,
  );
  return null;
}

/** Without a QuadClass, the CAMEO code's root gives it (ICEWS has a code and no QuadClass). */
function quadClassOfCameo(row: Row<EventField>, log: ProblemLog): QuadClass | null | undefined {
  const code = row.word('cameoCode');
  if (code === undefined) return undefined;
  const cameo = cameoRoot(code);
  if (cameo) return cameo.quadClass;
  log.error(row.at('cameoCode'), `${JSON.stringify(code)} is not ${CAMEO_HELP}`, code);
  return null;
}

/** Why a cell counts as empty: blank, or a mark such as ICEWS's `NA`. */
export function emptyCell(row: Row<EventField>, field: EventField): string {
  const mark = row.missingMark(field);
  return mark === undefined
    ? 'the cell is empty'
    : `the cell says ${JSON.stringify(mark)}: no value`;
}

/** The location of an actor: its code cell when the table has one, else its name cell. */
export function actorAt(row: Row<EventField>, side: 1 | 2, has: HasColumn): Location {
  return row.at(has(`actor${side}`) ? `actor${side}` : `actor${side}Name`);
}

/** Whether the table has a column for a field. */
export type HasColumn = (field: EventField) => boolean;

/**
 * Reads every row. An actor is its code, else its name. Errors: a missing or
 * bad date, a missing actor, a missing score, a Goldstein value that is not a
 * number from −10 to +10, a QuadClass other than 1–4. Rows with an error are
 * left out (the import fails anyway); rows with one actor on both sides are
 * left out with one warning.
 */
export function readEventRows(
  rows: readonly Row<EventField>[],
  delimiter: Delimiter,
  has: HasColumn,
  log: ProblemLog,
): EventRow[] {
  const reader = new EventRowReader(delimiter, has, log);
  const out: EventRow[] = [];
  for (const row of rows) {
    const event = reader.read(row);
    if (event) out.push(event);
  }
  reader.finish();
  return out;
}

/**
 * {@link readEventRows} one row at a time, for files read as a stream: only
 * the events are kept, not the rows that were left out.
 */
export class EventRowReader {
  private readonly selfRows = new LeftOutRows();

  constructor(
    private readonly delimiter: Delimiter,
    private readonly has: HasColumn,
    private readonly log: ProblemLog,
  ) {}

  /** The row's event, or undefined when it has an error or the same actor twice. */
  read(row: Row<EventField>): EventRow | undefined {
    const { has, log } = this;
    const errorsBefore = log.errors.length;
    const dateText = row.word('date');
    const date = dateText === undefined ? undefined : parseEventDate(dateText);
    if (date === undefined)
      log.error(row.at('date'), `the row has no date (${emptyCell(row, 'date')})`);
    else if ('problem' in date)
      log.error(row.at('date'), `${JSON.stringify(dateText)} ${date.problem}`, dateText);

    const name1 = row.text('actor1Name')?.trim() || undefined;
    const name2 = row.text('actor2Name')?.trim() || undefined;
    const actor1 = row.word('actor1') ?? name1;
    const actor2 = row.word('actor2') ?? name2;
    for (const [side, actor] of [[1, actor1] as const, [2, actor2] as const])
      if (actor === undefined)
        log.error(
          actorAt(row, side, has),
          `the row has no actor ${side} (${emptyCell(row, has(`actor${side}`) ? `actor${side}` : `actor${side}Name`)})`,
        );

    const q = quadClass(row, log);
    const g = goldstein(row, this.delimiter, log);
    if (g === undefined && q === undefined)
      log.error(
        row.at(has('goldstein') ? 'goldstein' : has('quadClass') ? 'quadClass' : 'cameoCode'),
        'the row has no score (no Goldstein value, no QuadClass and no CAMEO code)',
      );

    if (log.errors.length > errorsBefore || !date || 'problem' in date) return undefined;
    if (actor1 === undefined || actor2 === undefined || g === null || q === null) return undefined;
    if (actor1 === actor2) {
      this.selfRows.add(row);
      return undefined;
    }
    // Internal records: absent optional fields may be present as undefined.
    return {
      row,
      date: date.iso,
      month: date.month,
      actor1,
      actor2,
      name1,
      name2,
      score: g ?? QUAD_CLASS_SCORE[q!],
      scoredFromQuadClass: g === undefined,
      quadClass: q,
      cameo: cameoRoot(row.word('cameoCode') ?? '') ? row.word('cameoCode') : undefined,
      quote: row.text('quote'),
      source: row.word('evidenceSource'),
      id: row.word('id'),
    };
  }

  /** The one warning for the rows with the same actor on both sides. */
  finish(): void {
    reportSameActorRows(this.selfRows, this.log);
  }
}

/** One warning for the rows left out because both sides are one actor: counted, the first listed. */
export function reportSameActorRows(rows: LeftOutRows, log: ProblemLog): void {
  const { first, count, numbers } = rows;
  if (first)
    log.warn(
      first.whole(),
      `${plural(count, 'row')} with the same actor on both sides (an actor's dealings with itself) left out: ${count === 1 ? 'row' : 'rows'} ${listFirst(numbers, count)}`,
    );
}

/**
 * Rows left out for one reason, as a warning names them: how many, the
 * first (where the warning points) and the first few rows. Keeps no more
 * than that, so a stream of a million such rows costs nothing.
 */
export class LeftOutRows {
  count = 0;
  private readonly listed: Row<EventField>[] = [];

  get first(): Row<EventField> | undefined {
    return this.listed[0];
  }

  /** The listed rows' numbers; with the file of each when they come from several files. */
  get numbers(): string[] {
    const files = new Set(this.listed.map((r) => r.whole().file));
    return this.listed.map((r) =>
      files.size > 1 ? `${r.whole().file}:${r.record.row}` : String(r.record.row),
    );
  }

  add(row: Row<EventField>): void {
    this.count++;
    if (this.listed.length < LISTED_ROWS) this.listed.push(row);
  }
}

/** How many row numbers a warning lists (`listSome`'s default). */
const LISTED_ROWS = 5;

/**
 * One warning for the rows left out because they name fewer than two
 * actors (GDELT codes many events with one identified actor; ACLED's
 * protests often have no second actor): counted, with the first rows listed.
 */
export function reportSingleActorRows(
  rows: readonly Row<EventField>[] | LeftOutRows,
  why: string,
  log: ProblemLog,
): void {
  const left = rows instanceof LeftOutRows ? rows : leftOut(rows);
  if (!left.first) return;
  log.warn(
    left.first.whole(),
    `${plural(left.count, 'row')} with fewer than two actors left out (${why}): ${left.count === 1 ? 'row' : 'rows'} ${listFirst(left.numbers, left.count)}`,
  );
}

function leftOut(rows: readonly Row<EventField>[]): LeftOutRows {
  const left = new LeftOutRows();
  rows.forEach((r) => left.add(r));
  return left;
}
