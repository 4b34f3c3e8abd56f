/**
 * Says that a table was read through a column mapping (one remembered for
 * its header, or one just made), with a way back to change it: a mapping is
 * never applied silently. A table refused for its header gets a way to map
 * its columns instead.
 */
import type { ImportReading } from '../../../import/importWithChoices';
import { editMapping } from './mappingActionsOnDemand';

export function MappingNote({ reading }: { reading: ImportReading | undefined }) {
  if (!reading?.table) return null;
  if (!reading.mapping)
    return (
      <p className="mapping-note">
        <button type="button" onClick={editMapping}>
          Map its columns yourself
        </button>
      </p>
    );
  return (
    <p className="mapping-note">
      {reading.mapping.remembered
        ? 'Used your column mapping for this header'
        : 'Read with your column mapping'}{' '}
      —{' '}
      <button
        type="button"
        className="link-button"
        aria-label="Change the column mapping"
        onClick={editMapping}
      >
        change
      </button>
    </p>
  );
}
