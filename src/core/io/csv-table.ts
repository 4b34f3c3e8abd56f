/**
 * Reading a parsed CSV table by field: the header is matched against the
 * accepted column names, and each row's cells are read with their location,
 * the formula guard removed.
 */
import { parseCsv, unguardCell, type CsvRecord, type CsvTable } from './csv';
import { listSome, type Location, type ProblemLog } from './import-result';
import { evidenceField, normaliseName, type EvidenceField } from './names';
import type { EvidenceDraft } from './evidence';

export interface ColumnRef {
  index: number;
  /** The header as the file writes it. */
  name: string;
}

type EvidenceColumns = Partial<Record<EvidenceField['field'], ColumnRef>>;

/** A table whose header has been matched to fields. */
export class FieldTable<F extends string> {
  private constructor(
    readonly file: string,
    readonly table: CsvTable,
    readonly columns: ReadonlyMap<F, ColumnRef>,
    readonly evidence: ReadonlyMap<number, EvidenceColumns>,
    /** Cell texts that mean "no value" (ICEWS writes `NA`); empty cells always do. */
    readonly missing: ReadonlySet<string> = new Set(),
  ) {}

  /**
   * A table whose columns are known by position rather than by a header
   * (GDELT's raw exports have none): `columns` names each field's column.
   */
  static positional<F extends string>(
    file: string,
    table: CsvTable,
    columns: ReadonlyMap<F, ColumnRef>,
  ): FieldTable<F> {
    return new FieldTable(file, table, columns, new Map());
  }

  /** The same table, reading the given cell texts (trimmed) as empty cells. */
  withMissing(values: readonly string[]): FieldTable<F> {
    return new FieldTable(this.file, this.table, this.columns, this.evidence, new Set(values));
  }

  /**
   * Matches the header. Unknown columns are a warning; a column named twice
   * (two names for one field) or a required column missing is an error, and
   * then the table is not read (undefined).
   */
  static match<F extends string>(
    file: string,
    table: CsvTable,
    spec: Readonly<Record<F, readonly string[]>>,
    required: readonly F[],
    log: ProblemLog,
    withEvidence: boolean,
  ): FieldTable<F> | undefined {
    const byName = new Map<string, F>();
    for (const field of Object.keys(spec) as F[])
      for (const name of spec[field]) byName.set(name, field);

    const columns = new Map<F, ColumnRef>();
    const evidence = new Map<number, EvidenceColumns>();
    const unknown: string[] = [];
    let ok = true;
    table.header.cells.forEach((cell, index) => {
      const ref = { index, name: cell.text.trim() };
      const key = normaliseName(cell.text);
      const at = {
        file,
        line: cell.line,
        column: cell.column,
        path: `row 1, column "${ref.name}"`,
      };
      const field = byName.get(key);
      const ev = withEvidence && field === undefined ? evidenceField(key) : undefined;
      const taken = field
        ? columns.get(field)
        : ev
          ? evidence.get(ev.group)?.[ev.field]
          : undefined;
      if (taken) {
        log.error(at, `means the same as column "${taken.name}"; keep one of them`, ref.name);
        ok = false;
      } else if (field) columns.set(field, ref);
      else if (ev) evidence.set(ev.group, { ...evidence.get(ev.group), [ev.field]: ref });
      else if (key !== '') unknown.push(`"${ref.name}"`);
    });
    if (unknown.length > 0)
      log.warn(
        { file, line: 1, path: 'row 1' },
        `${unknown.length === 1 ? 'column' : 'columns'} ${listSome(unknown)} ${unknown.length === 1 ? 'is' : 'are'} not read (not a known column name)`,
      );
    for (const field of required) {
      if (columns.has(field)) continue;
      const hint =
        field === 'source' || field === 'target'
          ? '; columns named from/to are dates, not actors'
          : '';
      log.error(
        { file, line: 1, path: 'row 1' },
        `missing column "${field}" (accepted names: ${spec[field].join(', ')}${hint})`,
      );
      ok = false;
    }
    return ok ? new FieldTable(file, table, columns, evidence) : undefined;
  }

  /** Data rows, each with its cell accessors. Rows wider than the header are errors. */
  rows(log: ProblemLog): Row<F>[] {
    const width = this.table.header.cells.length;
    return this.table.records.map((record) => {
      const extraAt = firstFilledCell(record, width);
      const extra = record.cells[extraAt];
      if (extra)
        log.error(
          {
            file: this.file,
            line: extra.line,
            column: extra.column,
            path: `row ${record.row}, column ${extraAt + 1}`,
          },
          `has ${record.cells.length} cells but the header has ${width} columns (a delimiter too many, or a field that should be quoted)`,
          extra.text,
        );
      return new Row(this, record);
    });
  }
}

/** The index of the first cell from `from` on that is not blank (-1: none). */
function firstFilledCell(record: CsvRecord, from: number): number {
  for (let i = from; i < record.cells.length; i++)
    if (record.cells[i]!.text.trim() !== '') return i;
  return -1;
}

/** One data row: cells by field, with their locations. */
export class Row<F extends string> {
  constructor(
    private readonly t: FieldTable<F>,
    readonly record: CsvRecord,
  ) {}

  /**
   * This row read through some of its fields: a format's wider table (ICEWS,
   * ACLED) handed to the common event reader, which knows the event fields only.
   */
  narrow<G extends F>(): Row<G> {
    return this as unknown as Row<G>;
  }

  /** The location of a field's cell (or of the row, when the table has no such column). */
  at(field: F): Location {
    return this.cellAt(this.t.columns.get(field));
  }

  /** The location of the row as a whole. */
  whole(): Location {
    return { file: this.t.file, line: this.record.line, path: `row ${this.record.row}` };
  }

  /** The raw cell text without the formula guard; undefined when empty or absent. */
  text(field: F): string | undefined {
    return this.cellText(this.t.columns.get(field));
  }

  /** The cell's text as written when it stands for "no value" (`NA`), else undefined. */
  missingMark(field: F): string | undefined {
    const ref = this.t.columns.get(field);
    const text = ref ? this.record.cells[ref.index]?.text.trim() : undefined;
    return text !== undefined && this.t.missing.has(text) ? text : undefined;
  }

  /** Like {@link text}, trimmed: for ids, kinds, dates, numbers and flags. */
  word(field: F): string | undefined {
    const t = this.text(field)?.trim();
    return t === '' ? undefined : t;
  }

  /** The row's evidence groups (quote, source, note), in the order of the table's columns. */
  evidence(): EvidenceDraft[] {
    const drafts: EvidenceDraft[] = [];
    for (const [group, cols] of this.t.evidence) {
      const source = this.cellText(cols.source)?.trim();
      drafts.push({
        group,
        quote: this.cellText(cols.quote),
        source: source === '' ? undefined : source,
        note: this.cellText(cols.note),
        at: (field) => this.cellAt(cols[field]),
      });
    }
    return drafts;
  }

  private cellText(ref: ColumnRef | undefined): string | undefined {
    const cell = ref ? this.record.cells[ref.index] : undefined;
    if (!cell || cell.text === '') return undefined;
    // Most tables have no "missing" marks: no need to trim every cell to look for one.
    if (this.t.missing.size > 0 && this.t.missing.has(cell.text.trim())) return undefined;
    return unguardCell(cell.text);
  }

  private cellAt(ref: ColumnRef | undefined): Location {
    if (!ref) return this.whole();
    const file = this.t.file;
    const row = this.record.row;
    const cell = this.record.cells[ref.index];
    const path = `row ${row}, column "${ref.name}"`;
    return cell
      ? { file, line: cell.line, column: cell.column, path }
      : { file, line: this.record.line, path };
  }
}

/**
 * Parses a CSV file and matches its header to fields: parse errors and an empty file are
 * reported with the file's name; undefined when there is no usable header.
 */
export function readFieldTable<F extends string>(
  file: { name: string; text: string },
  spec: Readonly<Record<F, readonly string[]>>,
  required: readonly F[],
  withEvidence: boolean,
  log: ProblemLog,
): FieldTable<F> | undefined {
  const { table, errors } = parseCsv(file.text);
  for (const e of errors)
    log.error(
      { file: file.name, line: e.line, column: e.column, path: `line ${e.line}` },
      e.message,
    );
  if (!table || table.header.cells.every((c) => c.text.trim() === '')) {
    log.error(
      { file: file.name, path: '' },
      'the file is empty: the first line must name the columns',
    );
    return undefined;
  }
  return FieldTable.match(file.name, table, spec, required, log, withEvidence);
}
