/**
 * Live checks of a column mapping against a table's sample, run at each
 * change the user makes: which required roles are still unmapped, which
 * columns serve two roles, and which sampled cells the importer would
 * refuse (`column "when", row 4: "next week" is not a date …`). The cell
 * rules and their wording are the importers' own (csv-rows.ts,
 * event-rows.ts); the import still checks every row.
 */
import { dateProblem } from '../dates';
import { unguardCell } from './csv';
import { columnName, mappedRoles, ROLE_NAMES, SHAPE_ROLES } from './column-mapping';
import type { ColumnMapping, MappingRole } from './column-mapping';
import { QUAD_CLASS_HELP } from './event-columns';
import { parseEventDate } from './event-rows';
import { listSome, plural } from './import-result';
import type { TableSample } from './table-sample';

export interface MappingCheck {
  /** Required roles not mapped yet. */
  missing: MappingRole[];
  /** Why the mapping cannot be imported as it is; each names its column and row where it has one. */
  errors: string[];
  /** Whether the mapping is complete and nothing was found wrong in the sample. */
  ready: boolean;
}

/** Cell problems listed per column before the rest are counted. */
const SHOWN_PER_COLUMN = 3;

/** What is wrong with one cell for a role, or null. `text` is trimmed, without the formula guard. */
type CellRule = (text: string) => string | null;

/** `needs` for an empty cell: every row needs a source, a target… */
const required =
  (role: MappingRole, rule?: CellRule): CellRule =>
  (text) =>
    text === ''
      ? `the cell is empty, but every row needs a ${ROLE_NAMES[role]}`
      : (rule?.(text) ?? null);

const optionalDate: CellRule = (text) => {
  if (text === '') return null;
  const problem = dateProblem(text);
  return problem && `${JSON.stringify(text)} ${problem}`;
};

const eventDate: CellRule = (text) => {
  const date = parseEventDate(text);
  return 'problem' in date ? `${JSON.stringify(text)} ${date.problem}` : null;
};

/** A Goldstein-like score; with `;` as delimiter a decimal comma is read, as the importer does. */
const goldstein =
  (decimalComma: boolean): CellRule =>
  (text) => {
    const n = Number(decimalComma ? text.replace(',', '.') : text);
    if (!Number.isFinite(n))
      return `${JSON.stringify(text)} is not a number (Goldstein scores run from -10 to +10)`;
    if (n < -10 || n > 10)
      return `${JSON.stringify(text)} is outside the Goldstein scale (-10 to +10)`;
    return null;
  };

const quadClass: CellRule = (text) =>
  /^[1-4]$/.test(text) ? null : `${JSON.stringify(text)} is not a QuadClass: ${QUAD_CLASS_HELP}`;

/** The rule of each role's cells under a mapping; roles without one are not checked. */
function cellRule(
  role: MappingRole,
  mapping: ColumnMapping,
  sample: TableSample,
): CellRule | undefined {
  switch (role) {
    case 'source':
    case 'target':
    case 'kind':
      return required(role);
    case 'from':
    case 'until':
      return optionalDate;
    case 'date':
      return required(role, eventDate);
    case 'score':
      return required(
        role,
        mapping.scoreScale === 'quadClass' ? quadClass : goldstein(sample.delimiter === ';'),
      );
    default:
      return undefined;
  }
}

/** Columns that serve more than one role: `source and target are the same column ("x")`. */
function sharedColumns(mapping: ColumnMapping, header: readonly string[]): string[] {
  const rolesByColumn = new Map<number, MappingRole[]>();
  for (const [role, column] of mappedRoles(mapping))
    rolesByColumn.set(column, [...(rolesByColumn.get(column) ?? []), role]);
  return [...rolesByColumn]
    .filter(([, roles]) => roles.length > 1)
    .map(([column, roles]) => {
      const names = roles.map((r) => ROLE_NAMES[r]);
      const list = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
      const name = header[column]?.trim();
      return `${list} are the same column (${name ? JSON.stringify(name) : `column ${column + 1}`})`;
    });
}

/** The sampled cells of one column that break its role's rule. */
function cellProblems(
  sample: TableSample,
  column: number,
  rule: CellRule,
): { row: number; problem: string }[] {
  return sample.rows.flatMap(({ row, cells }) => {
    const problem = rule(unguardCell(cells[column] ?? '').trim());
    return problem === null ? [] : [{ row, problem }];
  });
}

/**
 * Checks a mapping against a table's sample: roles still to choose, a
 * column chosen for two roles, a column that is not in the header, a URL
 * column without evidence, and each sampled cell the importer would refuse
 * (at most a few per column, then a count with the rows).
 */
export function checkMapping(sample: TableSample, mapping: ColumnMapping): MappingCheck {
  const { header } = sample;
  const missing = SHAPE_ROLES[mapping.shape].required.filter(
    (role) => mapping.columns[role] === undefined,
  );
  const errors: string[] = [];
  if (sample.rows.length === 0) errors.push('the table has no rows below its header');
  const mapped = mappedRoles(mapping);
  for (const [role, column] of mapped)
    if (column >= header.length)
      errors.push(
        `the ${ROLE_NAMES[role]} is column ${column + 1}, but the table has ${plural(header.length, 'column')}`,
      );
  errors.push(...sharedColumns(mapping, header));
  if (mapping.columns.url !== undefined && mapping.columns.quote === undefined)
    errors.push(
      `${columnName(header, mapping.columns.url)} is chosen as the URL of the evidence, but no evidence column is chosen: a URL is the source of a quote`,
    );
  for (const [role, column] of mapped) {
    const rule = cellRule(role, mapping, sample);
    if (!rule || column >= header.length) continue;
    const problems = cellProblems(sample, column, rule);
    const name = columnName(header, column);
    for (const { row, problem } of problems.slice(0, SHOWN_PER_COLUMN))
      errors.push(`${name}, row ${row}: ${problem}`);
    const rest = problems.slice(SHOWN_PER_COLUMN);
    if (rest.length > 0)
      errors.push(
        `${name}: ${plural(rest.length, 'more row')} the ${ROLE_NAMES[role]} cannot be read from (rows ${listSome(rest.map((p) => String(p.row)))})`,
      );
  }
  return { missing, errors, ready: missing.length === 0 && errors.length === 0 };
}
