/**
 * Column mapping (docs/FORMATS.md, "Column mapping"): for a table whose
 * header the importers do not recognise, the user says which column is the
 * source, the target, the date(s), the kind or the score. The mapping turns
 * the table into one the existing importers read (a relations table for
 * `csv-import.ts`, an event table for `event-tables.ts`) by rewriting its
 * header alone, so every data row keeps its row, line and column and the
 * importers' problems point at the user's own file; their column names are
 * then put back (`relabelProblems`).
 *
 * Columns are referred to by position: a mapping is remembered per header
 * (`headerKey`), so it only ever meets a header of the same shape.
 */
import { z } from 'zod';
import type { Problem } from '../problems';
import { RELATION_COLUMNS } from './csv-columns';
import { EVENT_COLUMNS } from './event-columns';
import { normaliseName } from './names';
import { headerExtent } from './table-sample';

/** What one row of the table is: a relation with a kind, or an event with a date and a score. */
export type RowShape = 'relations' | 'events';

/** How a score column is read: a Goldstein-like number (−10…+10) or a QuadClass (1–4). */
export type ScoreScale = 'goldstein' | 'quadClass';

/** What a column can be mapped to. */
export type MappingRole =
  'source' | 'target' | 'kind' | 'from' | 'until' | 'date' | 'score' | 'label' | 'quote' | 'url';

export interface ColumnMapping {
  shape: RowShape;
  scoreScale: ScoreScale;
  /** The column (0-based position in the header) of each mapped role. */
  columns: Partial<Record<MappingRole, number>>;
}

/** The roles each shape needs, then those it may have, in the order the import shows them. */
export const SHAPE_ROLES: Readonly<
  Record<RowShape, { required: readonly MappingRole[]; optional: readonly MappingRole[] }>
> = {
  relations: {
    required: ['source', 'target', 'kind'],
    optional: ['from', 'until', 'label', 'quote', 'url'],
  },
  events: { required: ['source', 'target', 'date', 'score'], optional: ['quote', 'url'] },
};

/** The roles a shape uses, required first. */
export function rolesOf(shape: RowShape): MappingRole[] {
  return [...SHAPE_ROLES[shape].required, ...SHAPE_ROLES[shape].optional];
}

/** How a role is named in messages and labels. */
export const ROLE_NAMES: Readonly<Record<MappingRole, string>> = {
  source: 'source',
  target: 'target',
  kind: 'kind',
  from: 'from',
  until: 'until',
  date: 'date',
  score: 'score',
  label: 'label',
  quote: 'evidence',
  url: 'URL',
};

/**
 * The header name each importer reads a role under (one of its accepted
 * names, see `csv-columns.ts` and `event-columns.ts`).
 */
function canonicalName(role: MappingRole, mapping: ColumnMapping): string {
  if (role === 'quote') return 'quote';
  if (role === 'url') return 'evidence_source';
  if (mapping.shape === 'relations') return role;
  if (role === 'source') return 'actor1';
  if (role === 'target') return 'actor2';
  if (role === 'score') return mapping.scoreScale === 'goldstein' ? 'goldstein' : 'quadclass';
  return role;
}

/** The mapped roles of a mapping's shape, with their columns, in the shape's order. */
export function mappedRoles(mapping: ColumnMapping): [MappingRole, number][] {
  return rolesOf(mapping.shape).flatMap((role) => {
    const column = mapping.columns[role];
    return column === undefined ? [] : [[role, column] as [MappingRole, number]];
  });
}

/**
 * The key a mapping is remembered under: the header's names as the importers
 * match them (case, spaces, `-`, `_` and `.` do not matter), in order.
 */
export function headerKey(header: readonly string[]): string {
  return JSON.stringify(header.map(normaliseName));
}

/** A column as messages name it: `column "when"`, or `column 3` when its header cell is empty. */
export function columnName(header: readonly string[], index: number): string {
  const name = header[index]?.trim() ?? '';
  return name === '' ? `column ${index + 1}` : `column ${JSON.stringify(name)}`;
}

/**
 * The table as the importer of the mapping's shape reads it: the header is
 * replaced by the importer's names for the mapped columns, and left empty
 * for the others (an empty header cell is not read, and not warned about).
 * Everything after the header is kept byte for byte. A header spanning
 * several lines (quoted line breaks) is rewritten over as many lines, inside
 * its last cell's quotes, so that line numbers stay true.
 */
export function applyMapping(
  text: string,
  header: readonly string[],
  delimiter: string,
  mapping: ColumnMapping,
): string {
  const body = text.replace(/^\uFEFF/, '');
  const { end, lineBreaks } = headerExtent(body);
  const names: string[] = header.map(() => '');
  for (const [role, column] of mappedRoles(mapping))
    if (column < names.length) names[column] = canonicalName(role, mapping);
  if (lineBreaks > 0) names[names.length - 1] = `"${names.at(-1)}${'\n'.repeat(lineBreaks)}"`;
  return names.join(delimiter) + body.slice(end);
}

/**
 * Puts the user's column names back into the importer's problems: its
 * `column "actor1"` becomes `column "from_party"`, in paths and messages.
 */
export function relabelProblems(
  problems: readonly Problem[],
  header: readonly string[],
  mapping: ColumnMapping,
): Problem[] {
  const renames = mappedRoles(mapping).map(
    ([role, column]) =>
      [`column "${canonicalName(role, mapping)}"`, columnName(header, column)] as const,
  );
  const relabel = (text: string) => renames.reduce((t, [from, to]) => t.split(from).join(to), text);
  return problems.map((p) => ({ ...p, path: relabel(p.path), message: relabel(p.message) }));
}

const columnIndex = z.number().int().min(0).max(100_000);

/** A mapping as stored: checked when read back, since storage is shared with other code. */
export const columnMappingSchema = z.object({
  shape: z.enum(['relations', 'events']),
  scoreScale: z.enum(['goldstein', 'quadClass']),
  columns: z
    .object({
      source: columnIndex,
      target: columnIndex,
      kind: columnIndex,
      from: columnIndex,
      until: columnIndex,
      date: columnIndex,
      score: columnIndex,
      label: columnIndex,
      quote: columnIndex,
      url: columnIndex,
    })
    .partial()
    .strict(),
});

/** Whether every mapped column exists in a header of this many columns. */
export function fitsHeader(mapping: ColumnMapping, width: number): boolean {
  return mappedRoles(mapping).every(([, column]) => column < width);
}

/** Header names that suggest a role (the importers' own accepted names). */
const SUGGESTIONS: readonly [MappingRole, readonly string[]][] = [
  ['source', [...RELATION_COLUMNS.source, ...EVENT_COLUMNS.actor1, ...EVENT_COLUMNS.actor1Name]],
  ['target', [...RELATION_COLUMNS.target, ...EVENT_COLUMNS.actor2, ...EVENT_COLUMNS.actor2Name]],
  ['kind', RELATION_COLUMNS.kind],
  ['from', RELATION_COLUMNS.from],
  ['until', RELATION_COLUMNS.until],
  ['date', EVENT_COLUMNS.date],
  ['score', [...EVENT_COLUMNS.goldstein, ...EVENT_COLUMNS.quadClass]],
  ['label', RELATION_COLUMNS.label],
  ['quote', EVENT_COLUMNS.quote],
  ['url', EVENT_COLUMNS.evidenceSource],
];

/**
 * A first mapping for a header: each column whose name an importer accepts
 * for a role is mapped to it (the first such column); the rest is left to
 * the user. Rows are events when a date and a score were found and no kind.
 */
export function suggestMapping(header: readonly string[]): ColumnMapping {
  const names = header.map(normaliseName);
  const columns: ColumnMapping['columns'] = {};
  const taken = new Set<number>();
  for (const [role, accepted] of SUGGESTIONS) {
    const column = names.findIndex((n, i) => !taken.has(i) && accepted.includes(n));
    if (column < 0) continue;
    columns[role] = column;
    taken.add(column);
  }
  const quad =
    columns.score !== undefined && EVENT_COLUMNS.quadClass.some((n) => n === names[columns.score!]);
  const events =
    columns.date !== undefined && columns.score !== undefined && columns.kind === undefined;
  return {
    shape: events ? 'events' : 'relations',
    scoreScale: quad ? 'quadClass' : 'goldstein',
    columns,
  };
}
