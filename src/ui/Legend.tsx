/**
 * The legend explains every shape, colour and line style in the graph, and
 * doubles as the filter: each entry is a toggle that shows or hides its
 * actor type or relation kind.
 */
import { useMemo } from 'react';
import {
  selectHiddenKinds,
  selectHiddenTypes,
  selectModel,
  selectNeighbourhoodOnly,
  selectSelection,
} from '../store/selectors';
import { setNeighbourhoodOnly, showAll, toggleKind, toggleType, useStore } from '../store/store';
import { isLargeGraph } from '../graph/style';
import { tokens } from '../core/tokens';
import { LineSwatch, ShapeSwatch } from './Swatch';
import { useRovingFocus } from './useRovingFocus';

const POLARITY_WORD = { positive: 'positive', negative: 'negative', neutral: 'neutral' } as const;

export function Legend() {
  const model = useStore(selectModel);
  const hiddenTypes = useStore(selectHiddenTypes);
  const hiddenKinds = useStore(selectHiddenKinds);
  const neighbourhoodOnly = useStore(selectNeighbourhoodOnly);
  const selection = useStore(selectSelection);

  // Only what the dataset uses, in vocabulary order (counted with the model: no walk of the relations here).
  const used = useMemo(() => {
    if (!model) return { types: [], kinds: [] };
    const { actorTypes, relationKinds } = model.usage;
    return {
      types: [...model.vocabulary.actorTypes.values()].filter((t) => actorTypes.has(t.id)),
      kinds: [...model.vocabulary.relationKinds.values()].filter((k) => relationKinds.has(k.id)),
    };
  }, [model]);

  // The type and kind toggles are one tab stop; the arrow keys move between them.
  const roving = useRovingFocus(used.types.length + used.kinds.length);

  if (!model) return null;
  const hasParents = model.dataset.actors.some((a) => a.parent);
  const selectedActor =
    selection?.kind === 'actor' ? model.actorsById.get(selection.id) : undefined;
  const filtering = hiddenTypes.length > 0 || hiddenKinds.length > 0 || neighbourhoodOnly;

  return (
    <div className="legend" onKeyDown={roving.onKeyDown}>
      <h2 className="legend__heading">Actors</h2>
      <ul className="legend__list">
        {used.types.map((t, i) => (
          <li key={t.id}>
            <button
              {...roving.controlProps(i)}
              type="button"
              className="legend__toggle"
              aria-pressed={!hiddenTypes.includes(t.id)}
              title={`${hiddenTypes.includes(t.id) ? 'Show' : 'Hide'} ${t.label.toLowerCase()} actors`}
              onClick={() => toggleType(t.id)}
            >
              <ShapeSwatch type={t} />
              <span>{t.label}</span>
            </button>
          </li>
        ))}
      </ul>

      <h2 className="legend__heading">Relations</h2>
      <ul className="legend__list">
        {used.kinds.map((k, i) => (
          <li key={k.id}>
            <button
              {...roving.controlProps(used.types.length + i)}
              type="button"
              className="legend__toggle"
              aria-pressed={!hiddenKinds.includes(k.id)}
              title={`${k.description ?? k.label} (${POLARITY_WORD[k.polarity]}${k.directed ? ', arrow points to the receiver' : ''}). Click to ${hiddenKinds.includes(k.id) ? 'show' : 'hide'}.`}
              onClick={() => toggleKind(k.id)}
            >
              <LineSwatch color={k.color} lineStyle={k.lineStyle} directed={k.directed} />
              <span>{k.label}</span>
            </button>
          </li>
        ))}
      </ul>

      <ul className="legend__notes">
        {hasParents && (
          <li>
            <LineSwatch color={tokens.color.partOf} lineStyle="solid" directed={false} />
            <span>part of (dot at the parent)</span>
          </li>
        )}
        <li>
          <span className="legend__dormant" aria-hidden="true" />
          <span>greyed: outside the actor’s lifetime</span>
        </li>
        {isLargeGraph(model.dataset.relations.length) && (
          <li>
            <span>
              large dataset: zoomed out, relations are thin lines, all solid where thousands are in
              sight; zoom in for line styles and widths
            </span>
          </li>
        )}
      </ul>

      <label className="legend__check">
        <input
          type="checkbox"
          checked={neighbourhoodOnly}
          onChange={(e) => setNeighbourhoodOnly(e.currentTarget.checked)}
        />
        Only the neighbourhood of{' '}
        {selectedActor ? `“${selectedActor.label}”` : 'the selected actor'}
      </label>
      {filtering && (
        <button type="button" className="legend__reset" onClick={showAll}>
          Show everything
        </button>
      )}
    </div>
  );
}
