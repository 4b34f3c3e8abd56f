/**
 * Reading the rows of a UCDP conflict-year table (ACD or Non-State) into
 * conflict-years: the year, each side's actors and ids, the states that
 * support a side with troops, and the dates that refine the year. A bad year
 * or id is an error at its cell; a date that cannot refine the year is a
 * warning (the year still holds); a row without a side is skipped with a
 * warning.
 */
import { dateProblem, formatDay, toDay } from '../dates';
import type { FieldTable, Row } from './csv-table';
import { plural, type Location, type ProblemLog } from './import-result';
import type { UcdpField, UcdpKind } from './ucdp-columns';

/** One side of a conflict-year as the row lists it. */
export interface SideCells {
  /** The actors' names, trimmed; several only when the row lists several ids for them. */
  names: string[];
  /** ACD: one UCDP actor id per name (in an order the file does not promise). NSC: the side's id. */
  ids: string[];
  /** NSC: the actor ids of a coalition's members (`side_*_components`). */
  components: string[];
  /** States supporting this side with troops that year (`side_*_2nd`). */
  supporters: string[];
}

/** One row: a conflict (or dyad) in one year. */
export interface ConflictYear {
  row: Row<UcdpField>;
  conflictId: string;
  year: number;
  sides: readonly [SideCells, SideCells];
  /** Side B is a state (ACD: it has a Gleditsch–Ward code); side A of the ACD always is. */
  sideBIsState: boolean;
  /** The first fatal event of the conflict, at its precision (only refines its own year). */
  start?: string;
  /** Exclusive end of the episode when it ended this year, at its precision. */
  end?: string;
  /** The row's text as the file writes it, for quotes. */
  raw: string;
}

/** A warning said once for all the rows it applies to, at the first of them. */
class Tally {
  private first?: { at: Location; value: string };
  private count = 0;
  constructor(private readonly message: string) {}
  add(at: Location, value: string): void {
    this.count++;
    this.first ??= { at, value };
  }
  report(log: ProblemLog): void {
    if (!this.first) return;
    const more = this.count > 1 ? ` (${plural(this.count, 'row')}; the first is shown)` : '';
    log.warn(this.first.at, `${this.message}${more}`, this.first.value);
  }
}

const WHOLE_NUMBER = /^\d+$/;
const YEAR = /^\d{4}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Splits a comma-separated cell, trimming the stray spaces UCDP cells carry. */
export function splitList(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Reads every row; rows with errors are reported and left out (the import then fails). */
export function readConflictYears(
  table: FieldTable<UcdpField>,
  kind: UcdpKind,
  text: string,
  log: ProblemLog,
): ConflictYear[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const tallies = {
    noSide: new Tally('has no actor on one side, so the row is skipped'),
    badStart: new Tally('start_date is not a date (YYYY-MM-DD), so the start is read as the year'),
    badEnd: new Tally('ep_end_date is not a date (YYYY-MM-DD), so the end is read as the year'),
  };
  const years: ConflictYear[] = [];
  for (const row of table.rows(log)) {
    const read = readRow(row, kind, lines, tallies, log);
    if (read) years.push(read);
  }
  for (const t of Object.values(tallies)) t.report(log);
  return years;
}

type Tallies = Record<'noSide' | 'badStart' | 'badEnd', Tally>;

function readRow(
  row: Row<UcdpField>,
  kind: UcdpKind,
  lines: readonly string[],
  tallies: Tallies,
  log: ProblemLog,
): ConflictYear | undefined {
  const before = log.errors.length;
  const conflictId = row.word('conflictId');
  if (conflictId === undefined) log.error(row.at('conflictId'), 'conflict_id is empty');
  const yearText = row.word('year');
  if (yearText === undefined || !YEAR.test(yearText))
    log.error(row.at('year'), 'year is not a year (four digits, e.g. 2014)', yearText ?? '');
  if (row.word('sideA') === undefined || row.word('sideB') === undefined) {
    tallies.noSide.add(row.whole(), row.word('sideA') ?? row.word('sideB') ?? '');
    return undefined;
  }
  const sides = [readSide(row, 'A', kind, log), readSide(row, 'B', kind, log)] as const;
  if (log.errors.length > before) return undefined;
  const year = Number(yearText);
  const last = row.record.cells.at(-1)?.line ?? row.record.line;
  return {
    row,
    conflictId: conflictId!,
    year,
    sides,
    sideBIsState: kind === 'ucdp-acd' && row.word('gwnoB') !== undefined,
    start: startOf(row, tallies.badStart),
    end: row.word('epEnd') === '1' ? endOf(row, year, tallies.badEnd) : undefined,
    raw: lines.slice(row.record.line - 1, last).join('\n'),
  };
}

/**
 * One side's names and ids. ACD lists one id per actor (`side_b_id` "1108,
 * 1124" for "SSDM/A, SSLM/A"); names are split only when there are several
 * ids, since a single actor's name may hold a comma. NSC gives the side one
 * id (a coalition's, for several actors) and the members in `side_*_components`.
 */
function readSide(
  row: Row<UcdpField>,
  side: 'A' | 'B',
  kind: UcdpKind,
  log: ProblemLog,
): SideCells {
  const nameField = `side${side}` as const;
  const idField = `side${side}Id` as const;
  const column = (f: UcdpField) => row.at(f).path.replace(/^.*column /, 'column ');
  const ids = splitList(row.text(idField));
  const components = splitList(row.text(`side${side}Components`));
  const supporters = splitList(row.text(`side${side}2nd`));
  const whole = row.word(nameField)!;
  const checkIds = (list: string[], field: UcdpField) => {
    const bad = list.find((id) => !WHOLE_NUMBER.test(id));
    if (bad !== undefined)
      log.error(row.at(field), `"${bad}" is not a UCDP actor id (a whole number)`, row.text(field));
  };
  checkIds(ids, idField);
  checkIds(components, `side${side}Components`);
  if (ids.length === 0) log.error(row.at(idField), `is empty: side ${side} needs its UCDP id`);

  if (kind === 'ucdp-nonstate') {
    if (ids.length > 1)
      log.error(
        row.at(idField),
        `lists ${ids.length} ids; the Non-State dataset gives a side one id (a coalition's members are in side_${side.toLowerCase()}_components)`,
        row.text(idField),
      );
    const names = components.length > 1 ? splitList(whole) : [whole];
    return { names, ids, components, supporters };
  }
  const names = ids.length > 1 ? splitList(whole) : [whole];
  if (ids.length > 1 && names.length !== ids.length)
    log.error(
      row.at(nameField),
      `lists ${plural(names.length, 'actor')} but ${column(idField)} lists ${plural(ids.length, 'id')}: each actor of a side needs its id`,
      whole,
    );
  return { names, ids, components, supporters };
}

/**
 * The conflict's first fatal event, at the precision its code allows (the
 * codebook's scale: 1 the day is known, 2 the day is assigned but month and
 * year are right, others only the year is sure).
 */
function startOf(row: Row<UcdpField>, bad: Tally): string | undefined {
  const date = row.word('startDate');
  if (date === undefined) return undefined;
  if (!ISO_DAY.test(date) || dateProblem(date) !== null) {
    bad.add(row.at('startDate'), date);
    return undefined;
  }
  const prec = row.word('startPrec');
  if (prec === '1') return date;
  if (prec === '2') return date.slice(0, 7);
  return date.slice(0, 4);
}

/**
 * The exclusive end of an episode that ended this year: the day after
 * `ep_end_date` when its precision is 1, the month after when 2, else the
 * next year. A date outside the row's year does not refine it.
 */
function endOf(row: Row<UcdpField>, year: number, bad: Tally): string {
  const nextYear = String(year + 1);
  const date = row.word('epEndDate');
  if (date === undefined) return nextYear;
  if (!ISO_DAY.test(date) || dateProblem(date) !== null) {
    bad.add(row.at('epEndDate'), date);
    return nextYear;
  }
  if (date.slice(0, 4) !== String(year)) return nextYear;
  const prec = row.word('epEndPrec');
  if (prec === '1') return formatDay(toDay(date) + 1);
  if (prec === '2') {
    const month = Number(date.slice(5, 7));
    return month === 12 ? nextYear : `${year}-${String(month + 1).padStart(2, '0')}`;
  }
  return nextYear;
}
