/**
 * The relations active at the current date, with the graph's filters, as a
 * sortable table: the accessible alternative to the canvas. Rows use a
 * roving tabindex (one row in the tab order); arrows, Home and End move,
 * Enter or Space selects the relation so the details panel shows it.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { humanDate } from '../../core/dates';
import { selectModel } from '../../store/selectors';
import { select, useStore } from '../../store/store';
import { LineSwatch, ShapeSwatch } from '../Swatch';
import {
  selectActiveRelationsKey,
  selectDateText,
  selectSelectedRelationId,
  selectTimeKind,
  selectTableFilter,
} from './selectors';
import './table.css';
import {
  DEFAULT_SORT,
  nextSort,
  shorten,
  sortRows,
  toRow,
  visibleRelations,
  type Sort,
  type SortKey,
} from './table-model';

const COLUMNS: readonly { key: SortKey; label: string }[] = [
  { key: 'source', label: 'Source' },
  { key: 'kind', label: 'Relation' },
  { key: 'target', label: 'Target' },
  { key: 'from', label: 'From' },
  { key: 'until', label: 'Until' },
  { key: 'evidence', label: 'Evidence' },
];

const PAGE = 10;

/** The only part that follows the day itself: a text node, cheap to re-render. */
function CaptionDate() {
  const text = useStore(selectDateText);
  return <>{text && ` ${text}`}</>;
}

export function RelationTable() {
  const model = useStore(selectModel);
  const activeKey = useStore(selectActiveRelationsKey);
  const filter = useStore(useShallow(selectTableFilter));
  const selectedId = useStore(selectSelectedRelationId);
  const timeKind = useStore(selectTimeKind);
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const [focusId, setFocusId] = useState<string | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);

  const activeIds = useMemo(() => (activeKey === '' ? [] : activeKey.split('\n')), [activeKey]);
  const rows = useMemo(
    () =>
      model
        ? sortRows(
            visibleRelations(model, activeIds, filter).map((r) => toRow(model, r)),
            sort,
          )
        : [],
    [model, activeIds, filter, sort],
  );

  // Keep a row chosen elsewhere (graph, search, details) in sight.
  useEffect(() => {
    if (!selectedId) return;
    body.current
      ?.querySelector(`tr[data-relation-id="${CSS.escape(selectedId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  if (!model) return null;
  const has = (id: string | null) => id !== null && rows.some((r) => r.id === id);
  // The one row in the tab order: the last focused, else the selected, else the first.
  const tabId = has(focusId) ? focusId : has(selectedId) ? selectedId : (rows[0]?.id ?? null);
  const hiddenCount = activeIds.length - rows.length;

  const focusRow = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!row) return;
    setFocusId(row.id);
    body.current
      ?.querySelector<HTMLElement>(`tr[data-relation-id="${CSS.escape(row.id)}"]`)
      ?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, index: number, id: string) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE,
      PageUp: index - PAGE,
      Home: 0,
      End: rows.length - 1,
    };
    if (e.key in moves) focusRow(moves[e.key]!);
    else if (e.key === 'Enter' || e.key === ' ') select({ kind: 'relation', id });
    else return;
    e.preventDefault();
  };

  return (
    <div className="relation-table">
      <table>
        <caption>
          Relations active
          <CaptionDate /> ({rows.length})
          {hiddenCount > 0 && (
            <span className="relation-table__filtered"> · {hiddenCount} hidden by the filters</span>
          )}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={`col-${c.key}`}
                aria-sort={sort.key === c.key ? sort.direction : undefined}
              >
                <button type="button" onClick={() => setSort(nextSort(sort, c.key))}>
                  {c.label}
                  <span className="sort-icon" aria-hidden="true">
                    {sort.key !== c.key ? '↕' : sort.direction === 'ascending' ? '▲' : '▼'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length} className="relation-table__empty">
                No relation is active on this date
                {hiddenCount > 0 ? ' with the current filters' : ''}.
              </td>
            </tr>
          )}
          {rows.map((r, i) => (
            <tr
              key={r.id}
              data-relation-id={r.id}
              tabIndex={r.id === tabId ? 0 : -1}
              aria-selected={r.id === selectedId}
              onFocus={() => setFocusId(r.id)}
              onClick={() => select({ kind: 'relation', id: r.id })}
              onKeyDown={(e) => onKeyDown(e, i, r.id)}
            >
              <td className="col-source">
                <span className="cell-actor">
                  {r.sourceType && <ShapeSwatch type={r.sourceType} />}
                  {r.sourceLabel}
                </span>
              </td>
              <td className="col-kind">
                <span className="cell-kind">
                  {r.kind && (
                    <LineSwatch
                      color={r.kind.color}
                      lineStyle={r.kind.lineStyle}
                      directed={r.directed}
                    />
                  )}
                  {r.kindLabel}
                  {r.directed && <span className="visually-hidden"> (from source to target)</span>}
                </span>
              </td>
              <td className="col-target">
                <span className="cell-actor">
                  {r.targetType && <ShapeSwatch type={r.targetType} />}
                  {r.targetLabel}
                </span>
              </td>
              <td className="col-from">{r.from ? humanDate(r.from, timeKind) : <Undated />}</td>
              <td className="col-until">
                {r.until ? humanDate(r.until, timeKind) : <span className="muted">ongoing</span>}
              </td>
              <td className="col-evidence">
                {r.firstQuote ? (
                  <span className="cell-evidence">
                    <q title={r.firstQuote}>{shorten(r.firstQuote)}</q>
                    <span className="quote-count">
                      {r.evidenceCount}
                      <span className="visually-hidden">
                        {r.evidenceCount === 1 ? ' quote' : ' quotes'}
                      </span>
                    </span>
                  </span>
                ) : (
                  <span className="muted">none</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Undated() {
  return (
    <span className="muted" title="No start date">
      —<span className="visually-hidden">no start date</span>
    </span>
  );
}
