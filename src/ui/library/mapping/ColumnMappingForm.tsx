/**
 * The column mapping of a table the import did not recognise: its columns
 * and first rows, a labelled choice of column per role (source, target, the
 * date or from/until, the kind or the score, and optional label, evidence
 * and URL), problems found as the user chooses, the event options for an
 * event table, and an Import button that works only once the mapping is
 * complete and nothing is wrong with it. Until then nothing is imported:
 * the dataset on screen stays as it was.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  ROLE_NAMES,
  SHAPE_ROLES,
  rolesOf,
  type ColumnMapping,
  type MappingRole,
  type RowShape,
  type ScoreScale,
} from '../../../core/io/column-mapping';
import { optionTexts, readOptionTexts } from '../../../core/io/event-option-texts';
import { checkMapping } from '../../../core/io/mapping-check';
import type { TableSample } from '../../../core/io/table-sample';
import { closeImportStatus } from '../../../store/datasetActions';
import { importWithMapping } from '../../../store/mappingActions';
import type { EventImportOptions } from '../../../core/io/event-options';
import { DetectionNote } from './DetectionNote';
import { EventOptionsFields } from './EventOptionsFields';
import { TablePreview } from './TablePreview';

const ROLE_LABELS: Readonly<Record<MappingRole, string>> = {
  source: 'Source actor',
  target: 'Target actor',
  kind: 'Kind of relation',
  from: 'From (date)',
  until: 'Until (date)',
  date: 'Date',
  score: 'Score',
  label: 'Label',
  quote: 'Evidence (quote)',
  url: 'Evidence URL',
};

const SHAPES: readonly { shape: RowShape; label: string }[] = [
  {
    shape: 'relations',
    label: 'a relation, with a kind (and from/until dates if the table has them)',
  },
  { shape: 'events', label: 'an event, with a date and a score (aggregated into relations)' },
];

const SCALES: readonly { scale: ScoreScale; label: string }[] = [
  { scale: 'goldstein', label: 'a Goldstein-like number (−10 to +10)' },
  { scale: 'quadClass', label: 'a QuadClass (1 to 4)' },
];

const count = (n: number) => n.toLocaleString('en');

/** Each column as a choice: its name, with its position when the name is empty or not unique. */
function columnChoices(header: readonly string[]) {
  const names = header.map((h) => h.trim());
  const repeated = new Set(names.filter((n, i) => names.indexOf(n) !== i));
  return names.map((name, i) => (
    <option key={i} value={i}>
      {name === ''
        ? `column ${i + 1} (no name)`
        : repeated.has(name)
          ? `${name} (column ${i + 1})`
          : name}
    </option>
  ));
}

interface Props {
  files: string[];
  table: TableSample;
  initial: ColumnMapping;
  events: EventImportOptions;
}

export function ColumnMappingForm({ files, table, initial, events }: Props) {
  const [mapping, setMapping] = useState(initial);
  const [optionDraft, setOptionDraft] = useState(() => optionTexts(events));
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const statusId = `${id}-status`;
  const choices = useMemo(() => columnChoices(table.header), [table.header]);
  const check = useMemo(() => checkMapping(table, mapping), [table, mapping]);
  const options = readOptionTexts(optionDraft);
  const optionsOk = mapping.shape === 'relations' || options.options !== undefined;

  // Keyboard and screen-reader users land in the form when it opens.
  useEffect(() => heading.current?.focus(), []);

  const setColumn = (role: MappingRole, value: string) => {
    const columns = { ...mapping.columns };
    if (value === '') delete columns[role];
    else columns[role] = Number(value);
    setMapping({ ...mapping, columns });
  };

  const submit = () => {
    if (!check.ready || !optionsOk) return;
    // Only the roles of the chosen shape are kept: a column chosen as `kind` before switching
    // to events is not part of the mapping that is imported and remembered.
    const columns = Object.fromEntries(
      rolesOf(mapping.shape)
        .filter((r) => mapping.columns[r] !== undefined)
        .map((r) => [r, mapping.columns[r]]),
    );
    importWithMapping({ ...mapping, columns }, options.options ?? events);
  };

  const required = new Set(SHAPE_ROLES[mapping.shape].required);
  return (
    <section className="import-panel mapping-form" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        Which column is which in {files.join(', ')}?
      </h2>
      <p>
        Allegiance does not recognise these {count(table.header.length)} columns. Say which column
        holds what; nothing is imported until you press Import, and the dataset on screen stays as
        it is.
      </p>
      {table.detected && (
        <DetectionNote files={files} formats={[{ format: null, reason: table.detected }]} />
      )}
      <TablePreview table={table} mapping={mapping} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset className="mapping-form__shape">
          <legend>Each row is</legend>
          {SHAPES.map(({ shape, label }) => (
            <label key={shape}>
              <input
                type="radio"
                name={`${id}-shape`}
                value={shape}
                checked={mapping.shape === shape}
                onChange={() => setMapping({ ...mapping, shape })}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <div className="mapping-form__roles">
          {rolesOf(mapping.shape).map((role) => (
            <div className="mapping-form__role" key={role}>
              <label htmlFor={`${id}-${role}`}>
                {ROLE_LABELS[role]}
                {required.has(role) ? ' (required)' : ' (optional)'}
              </label>
              <select
                id={`${id}-${role}`}
                value={mapping.columns[role] ?? ''}
                aria-describedby={statusId}
                onChange={(e) => setColumn(role, e.target.value)}
              >
                <option value="">{required.has(role) ? '— choose a column —' : '— none —'}</option>
                {choices}
              </select>
            </div>
          ))}
          {mapping.shape === 'events' && (
            <div className="mapping-form__role mapping-form__role--wide">
              <label htmlFor={`${id}-scale`}>The score is</label>
              <select
                id={`${id}-scale`}
                value={mapping.scoreScale}
                onChange={(e) =>
                  setMapping({ ...mapping, scoreScale: e.target.value as ScoreScale })
                }
              >
                {SCALES.map(({ scale, label }) => (
                  <option key={scale} value={scale}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        <div className="mapping-form__check" id={statusId} role="status">
          {check.missing.length > 0 && (
            <p>Still to choose: {check.missing.map((r) => ROLE_NAMES[r]).join(', ')}.</p>
          )}
          {check.errors.length > 0 && (
            <ul className="import-panel__problems" aria-label="Problems with this mapping">
              {check.errors.map((e, i) => (
                <li key={i} className="import-panel__problem--error">
                  {e}
                </li>
              ))}
            </ul>
          )}
          {check.ready && (
            <p>
              Ready:{' '}
              {table.rows.length < table.totalRows
                ? `the first ${count(table.rows.length)} of ${count(table.totalRows)} rows`
                : `all ${count(table.totalRows)} rows`}{' '}
              read well with this mapping.
            </p>
          )}
        </div>
        {mapping.shape === 'events' && (
          <EventOptionsFields texts={optionDraft} onChange={setOptionDraft} />
        )}
        <div className="mapping-form__actions">
          <button type="submit" className="button--primary" disabled={!check.ready || !optionsOk}>
            Import
          </button>
          <button type="button" onClick={closeImportStatus}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
