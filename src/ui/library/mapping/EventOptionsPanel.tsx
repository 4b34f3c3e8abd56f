/**
 * After an event table is imported (or failed to), its options stay
 * editable: a valid change re-runs the import with them, and the result
 * replaces the earlier one. The fields keep what the user typed across the
 * re-run, so focus and text are never lost.
 */
import { useState } from 'react';
import type { EventImportOptions } from '../../../core/io/event-options';
import {
  optionTexts,
  readOptionTexts,
  type EventOptionTexts,
} from '../../../core/io/event-option-texts';
import { reimportWithOptions } from './mappingActionsOnDemand';
import { EventOptionsFields } from './EventOptionsFields';

const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

export function EventOptionsPanel({ applied }: { applied: EventImportOptions }) {
  const [texts, setTexts] = useState(() => optionTexts(applied));
  const [lastRun, setLastRun] = useState(() => readOptionTexts(optionTexts(applied)).options);
  const commit = (next: EventOptionTexts) => {
    const { options } = readOptionTexts(next);
    if (!options || (lastRun && same(options, lastRun))) return;
    setLastRun(options);
    reimportWithOptions(options);
  };
  const reset = () => {
    const defaults = optionTexts({});
    setTexts(defaults);
    commit(defaults);
  };
  return (
    <section className="import-panel event-options-panel" aria-label="Event options">
      <EventOptionsFields texts={texts} onChange={setTexts} onCommit={commit} />
      <p className="event-options__help">
        A change imports the file again when you leave the field or press Enter; the new result
        replaces this import.
      </p>
      <button type="button" onClick={reset}>
        Reset to defaults
      </button>
    </section>
  );
}
