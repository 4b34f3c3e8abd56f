/**
 * The first rows and columns of a table the import asks about, with the role
 * each column is mapped to under its name. Cells are user text, shown as
 * text; the table scrolls sideways inside its frame (a phone, a wide table)
 * and says how many rows and columns it leaves out.
 */
import { mappedRoles, ROLE_NAMES, type ColumnMapping } from '../../../core/io/column-mapping';
import type { TableSample } from '../../../core/io/table-sample';

/** Rows and columns shown: enough to recognise the data, few enough to read on a phone. */
const PREVIEW_ROWS = 5;
const PREVIEW_COLUMNS = 12;

const count = (n: number) => n.toLocaleString('en');

export function TablePreview({ table, mapping }: { table: TableSample; mapping: ColumnMapping }) {
  const columns = table.header.slice(0, PREVIEW_COLUMNS);
  const rows = table.rows.slice(0, PREVIEW_ROWS);
  const roles = new Map<number, string[]>();
  for (const [role, column] of mappedRoles(mapping))
    roles.set(column, [...(roles.get(column) ?? []), ROLE_NAMES[role]]);
  const hiddenColumns = table.header.length - columns.length;
  return (
    <figure className="mapping-preview">
      <div
        className="mapping-preview__frame"
        role="region"
        aria-label={`Preview of ${table.file}`}
        tabIndex={0}
      >
        <table>
          <thead>
            <tr>
              <th scope="col">Row</th>
              {columns.map((name, i) => (
                <th scope="col" key={i}>
                  <span className="mapping-preview__name">{name.trim() || `column ${i + 1}`}</span>
                  {roles.has(i) && (
                    <span className="mapping-preview__role">{roles.get(i)!.join(', ')}</span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, cells }) => (
              <tr key={row}>
                <th scope="row">{row}</th>
                {columns.map((_, i) => (
                  <td key={i} title={cells[i]}>
                    {cells[i]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figcaption>
        {rows.length < table.totalRows || hiddenColumns > 0
          ? `The first ${count(rows.length)} of ${count(table.totalRows)} rows` +
            (hiddenColumns > 0
              ? ` and ${count(columns.length)} of ${count(table.header.length)} columns (${count(hiddenColumns)} more not shown)`
              : '')
          : `All ${count(table.totalRows)} rows`}
      </figcaption>
    </figure>
  );
}
