/**
 * Where an import stands: progress with cancel, then either the errors
 * (the dataset on screen is untouched) or the warnings of a successful import.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { EventImportOptions } from '../../core/io/event-options';
import { formatProblem, type Problem } from '../../core/problems';
import { cancelImport, closeImportStatus } from '../../store/datasetActions';
import {
  dismissNotice,
  useStore,
  type AppState,
  type ImportPhase,
  type ImportStatus,
} from '../../store/store';
import type { ImportReading } from '../../import/importWithChoices';
import { Loading } from '../Loading';
import { EventOptionsPanel } from './mapping/EventOptionsPanel';
import { MappingNote } from './mapping/MappingNote';
import './mapping/mapping.css';

// The column mapping form and the note on how files were read (which offers the formats, with
// their readers) appear only once an import has run, and bring the import's checks (with zod):
// loaded then. The note's code is fetched as soon as an import starts, to be there with its result.
const ColumnMappingForm = lazy(() =>
  import('./mapping/ColumnMappingForm').then((m) => ({ default: m.ColumnMappingForm })),
);
const loadDetectionNote = () => import('./mapping/DetectionNote');
const DetectionNote = lazy(() => loadDetectionNote().then((m) => ({ default: m.DetectionNote })));

const MAX_SHOWN = 200;

const selectImport = (s: AppState) => s.importStatus;
const selectOpening = (s: AppState) => s.opening;
const selectRefinement = (s: AppState) => s.layoutRefinement;
const selectNotice = (s: AppState) => s.notice;

const PHASE_TEXT: Record<ImportPhase, string> = {
  reading: 'Reading',
  parsing: 'Parsing and checking',
  'laying out': 'Laying out',
  saving: 'Saving',
  sending: 'Loading',
  building: 'Building the graph of',
};

/** Phases whose progress is known: the bar shows it, the text a percentage past one file. */
const MEASURED: readonly ImportPhase[] = ['reading', 'sending', 'building'];

const percent = (done: number, total: number) =>
  `${Math.floor((100 * done) / Math.max(1, total))}%`;

function ProblemList({ problems, label }: { problems: Problem[]; label: string }) {
  if (problems.length === 0) return null;
  return (
    <>
      <ul className="import-panel__problems" aria-label={label}>
        {problems.slice(0, MAX_SHOWN).map((p, i) => (
          <li key={i} className={`import-panel__problem import-panel__problem--${p.severity}`}>
            {formatProblem(p)}
          </li>
        ))}
      </ul>
      {problems.length > MAX_SHOWN && (
        <p className="import-panel__more">
          … and {problems.length - MAX_SHOWN} more {label.toLowerCase()} (fix these first, then
          import again).
        </p>
      )}
    </>
  );
}

/** What detection read the files as (not shown for a table read through a column mapping). */
function ReadAs({ files, reading }: { files: string[]; reading: ImportReading | undefined }) {
  const formats = reading?.mapping ? undefined : reading?.formats;
  if (!formats) return null;
  // A new reading (another format chosen) starts the choice afresh.
  const key = formats.map((d) => d.reason).join('\n');
  return (
    <Suspense fallback={null}>
      <DetectionNote key={key} files={files} formats={formats} />
    </Suspense>
  );
}

const NO_OPTIONS: EventImportOptions = {};

/**
 * The options an event table was imported with, while the panel shows that import: kept
 * through a re-run's progress, so the options panel (and the focus in it) stays.
 */
function useEventTableOptions(status: ImportStatus): EventImportOptions | null {
  const [kept, setKept] = useState<EventImportOptions | null>(null);
  const finished =
    (status.phase === 'done' || status.phase === 'failed') && status.reading?.eventTable
      ? (status.events ?? NO_OPTIONS)
      : null;
  const running = status.phase !== 'idle' && 'done' in status;
  const shown = finished ?? (running ? kept : null);
  if (shown !== kept) setKept(shown);
  return shown;
}

export function ImportPanel() {
  const status = useStore(selectImport);
  const opening = useStore(selectOpening);
  const refinement = useStore(selectRefinement);
  const notice = useStore(selectNotice);
  const eventOptions = useEventTableOptions(status);
  const importing = status.phase !== 'idle';
  useEffect(() => {
    // A failed fetch is reported where the note is shown (the panel's error boundary).
    if (importing) void loadDetectionNote().catch(() => undefined);
  }, [importing]);
  return (
    <div className="import-area">
      {/* Messages are announced; the forms below are not (a form read out whole is noise). */}
      <div className="import-area__messages" aria-live="polite">
        {notice && (
          <div
            className={`notice notice--${notice.kind}`}
            role={notice.kind === 'error' ? 'alert' : 'status'}
          >
            <span>{notice.text}</span>
            <button type="button" onClick={dismissNotice} aria-label="Dismiss message">
              ×
            </button>
          </div>
        )}
        {opening && (
          <section className="import-panel" aria-label="Opening">
            <p>
              Opening “{opening.name}”… {percent(opening.done, 1)}
            </p>
            <progress aria-label="Opening progress" value={opening.done} max={1} />
          </section>
        )}
        {refinement && (
          <p className="import-panel" role="status">
            {refinement === 'computing'
              ? 'This large dataset is shown in a first, quick layout; a better one is being computed.'
              : 'A better layout is ready: actors move there when playback pauses.'}
          </p>
        )}
        {status.phase !== 'idle' && status.phase !== 'mapping' && (
          <section className={`import-panel import-panel--${status.phase}`} aria-label="Import">
            {status.phase in PHASE_TEXT && 'done' in status && (
              <>
                <p>
                  {PHASE_TEXT[status.phase]} {status.files.join(', ')}…
                  {status.phase !== 'reading' &&
                    MEASURED.includes(status.phase) &&
                    ` ${percent(status.done, status.total)}`}
                </p>
                <progress
                  aria-label="Import progress"
                  value={MEASURED.includes(status.phase) ? status.done : undefined}
                  max={status.total}
                />
                <button type="button" onClick={cancelImport}>
                  Cancel
                </button>
              </>
            )}
            {status.phase === 'failed' && (
              <>
                <h2>
                  Could not import {status.files.join(', ')}: {status.errors.length}{' '}
                  {status.errors.length === 1 ? 'error' : 'errors'}
                </h2>
                <p>Nothing was changed: the dataset on screen is as it was.</p>
                <ReadAs files={status.files} reading={status.reading} />
                <MappingNote reading={status.reading} />
                <ProblemList problems={status.errors} label="Errors" />
                <ProblemList problems={status.warnings} label="Warnings" />
              </>
            )}
            {status.phase === 'done' && (
              <>
                <h2>
                  Imported “{status.name}”{status.saved ? '' : ' (not saved in this browser)'}
                  {status.warnings.length > 0 &&
                    ` with ${status.warnings.length} ${status.warnings.length === 1 ? 'warning' : 'warnings'}`}
                </h2>
                <ReadAs files={status.files} reading={status.reading} />
                <MappingNote reading={status.reading} />
                <ProblemList problems={status.warnings} label="Warnings" />
              </>
            )}
            {(status.phase === 'failed' || status.phase === 'done') && (
              <button type="button" onClick={closeImportStatus}>
                Close
              </button>
            )}
          </section>
        )}
      </div>
      {status.phase === 'mapping' && (
        <Suspense fallback={<Loading what="the column mapping" />}>
          <ColumnMappingForm
            key={status.files.join('\n')}
            files={status.files}
            table={status.table}
            initial={status.mapping}
            events={status.events}
          />
        </Suspense>
      )}
      {eventOptions && 'files' in status && (
        <EventOptionsPanel key={status.files.join('\n')} applied={eventOptions} />
      )}
    </div>
  );
}
