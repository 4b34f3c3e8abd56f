/**
 * Choosing an actor in an edit form by typing: an editable combobox with a
 * list that filters as you type (WAI-ARIA Authoring Practices, “combobox with
 * list autocomplete”, the first match highlighted). The text box keeps focus;
 * the highlighted option is announced through aria-activedescendant.
 *
 * Keys: ↓ opens the list or moves down, ↑ moves up, Alt+↓ opens and Alt+↑
 * closes it, Enter picks the highlighted actor, Escape closes the list and
 * puts back the chosen actor's name (a second Escape reaches the dialog,
 * which closes). Leaving the box keeps the chosen actor, or picks the actor
 * whose name or id was typed exactly.
 *
 * At most `LIMIT` options are rendered, read from the model's actors when the
 * list is open (`matchActors`), so a dataset of 10,000 actors renders fifty
 * options, not ten thousand; a line says how many more match.
 */
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { fold, matchActors } from '../../core/edit/actorSearch';
import type { ExplorerModel } from '../../core/explorer-model';
import type { Problem } from '../../core/problems';
import { Field, type ControlProps } from './fields';
import './actorPicker.css';

/** Options rendered at most: enough to scroll through, few enough to render at once. */
export const LIMIT = 50;

const NO_ONE: ReadonlySet<string> = new Set();

interface PickerProps {
  control: ControlProps;
  /** The field's label, to name the list of options. */
  label: string;
  model: ExplorerModel;
  /** The chosen actor's id; undefined (or '') when none is chosen. */
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  /** Actors not to offer. */
  exclude?: ReadonlySet<string>;
  /** Text shown in the empty box. */
  placeholder?: string;
  /** Empty the box once an actor is picked (a picker that adds to a list). */
  clearAfterPick?: boolean;
}

export function ActorPicker({
  control,
  label,
  model,
  value,
  onChange,
  exclude = NO_ONE,
  placeholder = 'Type a name or id',
  clearAfterPick = false,
}: PickerProps) {
  const listId = useId();
  const chosen = value ? model.actorsById.get(value) : undefined;
  // A chosen id the dataset lacks (a draft's stale end) is shown as typed, so it can be seen.
  const chosenText = chosen?.label ?? value ?? '';
  const [text, setText] = useState(chosenText);
  // Whether the text is the user's typing (the list filters by it) or the chosen actor's name.
  const [typed, setTyped] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  // The chosen actor changed (picked here, or from outside: a renamed actor, an undo): show it.
  const [shownFor, setShownFor] = useState(chosenText);
  if (shownFor !== chosenText) {
    setShownFor(chosenText);
    setText(chosenText);
    setTyped(false);
  }

  const actors = model.dataset.actors;
  const query = typed ? text : '';
  const matches = useMemo(
    () => (open ? matchActors(actors, query, LIMIT, exclude) : null),
    [open, actors, query, exclude],
  );
  const options = matches?.actors ?? [];
  const optionId = (k: number) => `${listId}-option-${k}`;

  // Keep the highlighted option in view as the arrows move through a scrolled list.
  useEffect(() => {
    if (open)
      document.getElementById(`${listId}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active, listId]);

  const pick = (id: string) => {
    setOpen(false);
    setTyped(false);
    setText(clearAfterPick ? '' : (model.actorsById.get(id)?.label ?? id));
    if (id !== value) onChange(id);
  };

  /** Closes the list and shows the chosen actor again (what was typed is dropped). */
  const revert = () => {
    setOpen(false);
    setTyped(false);
    setText(chosenText);
  };

  /** Opens the list with the chosen actor highlighted, when it is among the options shown. */
  const openList = () => {
    setOpen(true);
    const shown = matchActors(actors, query, LIMIT, exclude).actors;
    setActive(
      Math.max(
        0,
        shown.findIndex((a) => a.id === value),
      ),
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) openList();
      else if (!e.altKey) setActive((k) => Math.max(0, Math.min(k + 1, options.length - 1)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (e.altKey) setOpen(false);
      else if (open) setActive((k) => Math.max(k - 1, 0));
    } else if (e.key === 'Enter' && open) {
      // Enter picks; it does not submit the form while the list is open.
      e.preventDefault();
      const option = options[active];
      if (option) pick(option.id);
    } else if (e.key === 'Escape' && (open || typed)) {
      // Handled here: the dialog around the form must not close as well.
      e.preventDefault();
      e.stopPropagation();
      revert();
    }
  };

  const onBlur = () => {
    if (!typed) {
      setOpen(false);
      return;
    }
    const wanted = fold(text.trim());
    if (wanted === '') {
      setOpen(false);
      setTyped(false);
      if (value) onChange(undefined);
      return;
    }
    const exact = matchActors(actors, text, 1, exclude).actors[0];
    if (exact && (fold(exact.label) === wanted || fold(exact.id) === wanted)) pick(exact.id);
    else revert();
  };

  return (
    <div className="actor-picker">
      <input
        {...control}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && options[active] ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setTyped(true);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        onClick={() => {
          if (!open) openList();
        }}
      />
      <div className="actor-picker__popup" hidden={!open}>
        <ul id={listId} role="listbox" aria-label={`${label}: matching actors`}>
          {options.map((actor, k) => (
            <li
              key={actor.id}
              id={optionId(k)}
              role="option"
              aria-selected={k === active}
              data-chosen={actor.id === value || undefined}
              // Pressing an option must not blur the box (which would drop the typing first).
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(actor.id)}
            >
              <span className="actor-picker__label">{actor.label}</span>
              <span className="actor-picker__id">{actor.id}</span>
            </li>
          ))}
        </ul>
        {matches && (
          <p className="actor-picker__more" role="status">
            {matchText(matches.actors.length, matches.more, query)}
          </p>
        )}
      </div>
    </div>
  );
}

/** “No actor matches “xyz””, “3 actors”, “50 shown, 1,234 more: type to narrow”. */
function matchText(shown: number, more: number, query: string): string {
  if (shown === 0) return query.trim() ? `No actor matches “${query.trim()}”` : 'No actors';
  if (more === 0) return `${shown} actor${shown === 1 ? '' : 's'}`;
  return `${shown} shown, ${more.toLocaleString('en')} more: type to narrow`;
}

interface ActorFieldProps {
  label: string;
  path: string;
  problems: readonly Problem[];
  model: ExplorerModel;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  hint?: string;
  exclude?: ReadonlySet<string>;
}

/** A form field (label, hint, problems) whose control is an actor picker. */
export function ActorField({ model, value, onChange, exclude, ...field }: ActorFieldProps) {
  return (
    <Field {...field}>
      {(control) => (
        <ActorPicker
          control={control}
          label={field.label}
          model={model}
          value={value}
          onChange={onChange}
          exclude={exclude}
        />
      )}
    </Field>
  );
}

interface ActorListFieldProps {
  label: string;
  path: string;
  problems: readonly Problem[];
  model: ExplorerModel;
  value: readonly string[];
  onChange: (ids: string[]) => void;
}

/**
 * Several actors (those an event involves): the chosen ones listed, each with a button that
 * removes it, and a picker that adds one.
 */
export function ActorListField({ model, value, onChange, ...field }: ActorListFieldProps) {
  const chosen = useMemo(() => new Set(value), [value]);
  return (
    <Field {...field} hint="Type to add an actor">
      {(control) => (
        <div className="actor-list">
          {value.length > 0 && (
            <ul className="actor-list__chosen" aria-label={`${field.label}: chosen`}>
              {value.map((id) => {
                const name = model.actorsById.get(id)?.label ?? id;
                return (
                  <li key={id}>
                    <span>{name}</span>
                    <button
                      type="button"
                      aria-label={`Remove ${name}`}
                      onClick={() => onChange(value.filter((x) => x !== id))}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <ActorPicker
            control={control}
            label={field.label}
            model={model}
            value={undefined}
            onChange={(id) => id && onChange([...value, id])}
            exclude={chosen}
            placeholder="Add an actor: type a name or id"
            clearAfterPick
          />
        </div>
      )}
    </Field>
  );
}
