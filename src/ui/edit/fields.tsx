/**
 * The controls of the edit forms. Each field shows, below its control, the
 * problems `checkItem` found at its path (and below it: `aliases[1]` under
 * `aliases`), tied to the control by aria-describedby, with aria-invalid set
 * while one of them is an error.
 */
import { useId, type ReactNode } from 'react';
import type { Problem } from '../../core/problems';
import { tokens } from '../../core/tokens';

/** What a field hands its control so that label, hint and problems are announced with it. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** The problems at `path` or below it. */
export function problemsAt(problems: readonly Problem[], path: string): Problem[] {
  return problems.filter(
    (p) => p.path === path || p.path.startsWith(`${path}[`) || p.path.startsWith(`${path}.`),
  );
}

export function Field({
  label,
  path,
  problems,
  hint,
  children,
}: {
  label: string;
  path: string;
  problems: readonly Problem[];
  hint?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const mine = problemsAt(problems, path);
  const hintId = `${id}-hint`;
  const problemsId = `${id}-problems`;
  const describedBy = [hint ? hintId : '', mine.length ? problemsId : ''].filter(Boolean).join(' ');
  return (
    <div className="edit-field">
      <label className="edit-field__label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': mine.some((p) => p.severity === 'error') || undefined,
      })}
      {hint && (
        <p id={hintId} className="edit-field__hint">
          {hint}
        </p>
      )}
      {mine.length > 0 && <ProblemList id={problemsId} problems={mine} />}
    </div>
  );
}

export function ProblemList({ id, problems }: { id?: string; problems: readonly Problem[] }) {
  return (
    <ul id={id} className="edit-field__problems">
      {problems.map((p, i) => (
        <li key={i} data-severity={p.severity}>
          {p.severity === 'warning' ? 'Warning: ' : ''}
          {p.message}
        </li>
      ))}
    </ul>
  );
}

/** An optional text: '' when absent; typing nothing makes it absent again. */
export const optional = (text: string): string | undefined => (text === '' ? undefined : text);

interface TextProps {
  label: string;
  path: string;
  problems: readonly Problem[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  hint?: string;
  required?: boolean;
}

export function TextField({ value, onChange, required, ...field }: TextProps) {
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={value ?? ''}
          required={required}
          onChange={(e) => onChange(optional(e.target.value))}
        />
      )}
    </Field>
  );
}

export function TextAreaField({ value, onChange, required, ...field }: TextProps) {
  return (
    <Field {...field}>
      {(control) => (
        <textarea
          {...control}
          rows={3}
          value={value ?? ''}
          required={required}
          onChange={(e) => onChange(optional(e.target.value))}
        />
      )}
    </Field>
  );
}

/** A date at its own precision; the schema's rules (and `checkItem`) say what is wrong with it. */
export function DateField(props: TextProps) {
  return <TextField hint="YYYY, YYYY-MM or YYYY-MM-DD" {...props} />;
}

export function SelectField({
  value,
  onChange,
  options,
  blank,
  ...field
}: Omit<TextProps, 'required'> & {
  options: readonly { value: string; label: string }[];
  /** The label of the empty choice (absent value); without it a value is required. */
  blank?: string;
}) {
  const known = value === undefined || options.some((o) => o.value === value);
  return (
    <Field {...field}>
      {(control) => (
        <select
          {...control}
          value={value ?? ''}
          onChange={(e) => onChange(optional(e.target.value))}
        >
          {(blank !== undefined || value === undefined) && <option value="">{blank ?? '—'}</option>}
          {/* A value the lists do not know stays visible (its problem says why). */}
          {!known && <option value={value}>{value}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A number typed as text, so that what the user typed stays until it parses. */
export function NumberField({
  value,
  onChange,
  ...field
}: Omit<TextProps, 'value' | 'onChange' | 'required'> & {
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="decimal"
          step="0.1"
          min="0"
          max="1"
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.valueAsNumber)}
        />
      )}
    </Field>
  );
}

/** A list of short texts, one per line (aliases). */
export function LinesField({
  value,
  onChange,
  ...field
}: Omit<TextProps, 'value' | 'onChange' | 'required'> & {
  value: readonly string[] | undefined;
  onChange: (value: string[] | undefined) => void;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <textarea
          {...control}
          rows={2}
          value={(value ?? []).join('\n')}
          onChange={(e) => {
            const lines = e.target.value.split('\n');
            onChange(lines.length === 1 && lines[0] === '' ? undefined : lines);
          }}
        />
      )}
    </Field>
  );
}

/** A colour as #rrggbb, typed or picked; empty: the default colour. */
export function ColourField({ value, onChange, ...field }: Omit<TextProps, 'required'>) {
  return (
    <Field {...field}>
      {(control) => (
        <span className="edit-field__colour">
          <input
            {...control}
            type="text"
            placeholder="#1f77b4 (empty: the default)"
            value={value ?? ''}
            onChange={(e) => onChange(optional(e.target.value))}
          />
          <input
            type="color"
            aria-label={`Pick the ${field.label.toLowerCase()}`}
            value={value && /^#[0-9a-fA-F]{6}$/.test(value) ? value : tokens.color.neutral}
            onChange={(e) => onChange(e.target.value)}
          />
        </span>
      )}
    </Field>
  );
}
