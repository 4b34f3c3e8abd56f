/**
 * The event-table options as form fields (window, fewest events, the two
 * thresholds, windows in between, quotes per relation), each with its label
 * and, when what is typed cannot be used, a message naming the field and
 * the value. The parent owns the texts; `onCommit` runs when a field is
 * left or Enter is pressed in it (the panel re-imports then).
 */
import { useId } from 'react';
import {
  EVENT_OPTION_LABELS,
  readOptionTexts,
  type EventOptionTexts,
  type NumericOption,
} from '../../../core/io/event-option-texts';

const FIELD_ORDER: readonly (NumericOption | 'between')[] = [
  'windowMonths',
  'minEvents',
  'cooperationAt',
  'hostilityAt',
  'between',
  'maxEvidence',
];

interface Props {
  texts: EventOptionTexts;
  onChange: (texts: EventOptionTexts) => void;
  onCommit?: (texts: EventOptionTexts) => void;
}

export function EventOptionsFields({ texts, onChange, onCommit }: Props) {
  const id = useId();
  const { errors } = readOptionTexts(texts);
  return (
    <fieldset className="event-options">
      <legend>How events become relations</legend>
      <p className="event-options__help">
        Events between a pair are counted per window; a window with enough events becomes
        cooperation, hostility or (in between) contact, by its mean score.
      </p>
      <div className="event-options__grid">
        {FIELD_ORDER.map((key) => {
          const fieldId = `${id}-${key}`;
          const error = errors?.get(key);
          const label = EVENT_OPTION_LABELS[key];
          return (
            <div className="event-options__field" key={key}>
              <label htmlFor={fieldId}>{label}</label>
              {key === 'between' ? (
                <select
                  id={fieldId}
                  value={texts.between}
                  onChange={(e) => {
                    const next = { ...texts, between: e.target.value as 'contact' | 'none' };
                    onChange(next);
                    onCommit?.(next);
                  }}
                >
                  <option value="contact">are contact</option>
                  <option value="none">give no relation</option>
                </select>
              ) : (
                <input
                  id={fieldId}
                  type="text"
                  inputMode={
                    key === 'cooperationAt' || key === 'hostilityAt' ? 'decimal' : 'numeric'
                  }
                  autoComplete="off"
                  spellCheck={false}
                  value={texts[key]}
                  aria-invalid={error !== undefined}
                  aria-describedby={error !== undefined ? `${fieldId}-error` : undefined}
                  onChange={(e) => onChange({ ...texts, [key]: e.target.value })}
                  onBlur={() => onCommit?.(texts)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      onCommit?.(texts);
                    }
                  }}
                />
              )}
              {error !== undefined && (
                <p className="field-error" id={`${fieldId}-error`}>
                  {label}: {error}
                </p>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
