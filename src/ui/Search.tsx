/**
 * Actor search by label, id or alias: a combobox whose options are the
 * matching actors, ranked as the edit forms' actor pickers rank them
 * (core/edit/actorSearch.ts). Choosing one selects it and centres the graph on it.
 */
import { useId, useMemo, useState } from 'react';
import { fold, matchActors } from '../core/edit/actorSearch';
import type { Actor } from '../core/schema';
import { selectModel } from '../store/selectors';
import { select, useStore } from '../store/store';

const MAX_RESULTS = 8;

export function Search() {
  const model = useStore(selectModel);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const results = useMemo(
    () =>
      model && query.trim() !== ''
        ? matchActors(model.dataset.actors, query, MAX_RESULTS).actors
        : [],
    [model, query],
  );

  const choose = (actor: Actor) => {
    select({ kind: 'actor', id: actor.id }, true);
    setQuery(actor.label);
    setOpen(false);
  };

  const matchedAlias = (a: Actor) => {
    const q = fold(query.trim());
    if (fold(a.label).includes(q)) return null;
    return a.aliases?.find((x) => fold(x).includes(q)) ?? null;
  };

  return (
    <div className="search" role="search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        Search actors
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        placeholder="Search actors…"
        role="combobox"
        aria-expanded={open && results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && results[active] ? `${listId}-${active}` : undefined}
        value={query}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter' && results[active]) {
            e.preventDefault();
            choose(results[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {open && query.trim() !== '' && (
        <ul id={listId} role="listbox" className="search__results" aria-label="Matching actors">
          {results.length === 0 && <li className="search__none">No actor matches “{query}”</li>}
          {results.map((a, i) => (
            <li
              key={a.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="search__option"
              onMouseDown={(e) => {
                e.preventDefault(); // keep focus in the input until chosen
                choose(a);
              }}
            >
              {a.label}
              {matchedAlias(a) && <span className="search__alias"> ({matchedAlias(a)})</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
