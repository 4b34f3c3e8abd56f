/** A labelled choice of actor: those related to a given actor first, then everyone else. */
import { useId, useMemo } from 'react';
import type { ExplorerModel } from '../../core/explorer-model';

/** Actors sharing at least one relation with `actor`, at any time. */
export function counterpartsOf(model: ExplorerModel, actor: string | null): Set<string> {
  if (!actor) return new Set();
  const out = model.union.neighboursOf(actor);
  out.delete(actor);
  return out;
}

export function ActorSelect({
  model,
  label,
  value,
  onChange,
  relatedTo = null,
  exclude = null,
  autoFocus = false,
  placeholder = 'Choose an actor…',
}: {
  model: ExplorerModel;
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** List this actor's counterparts first. */
  relatedTo?: string | null;
  exclude?: string | null;
  autoFocus?: boolean;
  placeholder?: string;
}) {
  const id = useId();
  const sorted = useMemo(
    () => [...model.dataset.actors].sort((a, b) => a.label.localeCompare(b.label)),
    [model],
  );
  const related = useMemo(() => counterpartsOf(model, relatedTo), [model, relatedTo]);
  const options = (keep: (a: string) => boolean) =>
    sorted
      .filter((a) => a.id !== exclude && keep(a.id))
      .map((a) => (
        <option key={a.id} value={a.id}>
          {a.label}
        </option>
      ));
  return (
    <div className="a-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        autoFocus={autoFocus}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">{placeholder}</option>
        {related.size > 0 ? (
          <>
            <optgroup label="Related at some time">{options((a) => related.has(a))}</optgroup>
            <optgroup label="Others">{options((a) => !related.has(a))}</optgroup>
          </>
        ) : (
          options(() => true)
        )}
      </select>
    </div>
  );
}
