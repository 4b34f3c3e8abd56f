/**
 * Following an edit (authoring): the store hands the view the next model and
 * what changed (`ModelChange`), and only those actors and relations are read
 * again. Rebuilding the view would restyle and re-measure every element (for
 * a large graph, a sliced mount of seconds); an edit touches one or a few.
 */
import type { CollectionReturnValue, ElementDefinition } from 'cytoscape';
import type { ModelChange } from '../core/edit/edit';
import type { ExplorerModel } from '../core/explorer-model';
import { visibleActors } from '../core/render/scene';
import {
  actorElement,
  actorElementId,
  actorIdOf,
  partOfElement,
  partOfElementId,
  relationIdOf,
} from './elements';
import { actorClasses } from './mounting';
import type { Relations } from './relations';
import { actorNode, selectionElements, type ViewState } from './viewState';

/**
 * Swaps in the next model and re-reads the changed elements from it. Returns the actors'
 * nodes that were added or changed, for their labels to be measured again.
 */
export function followEdit(
  state: ViewState,
  relations: Relations,
  next: ExplorerModel,
  change: ModelChange,
): CollectionReturnValue {
  const { cy } = state;
  state.model = next;
  // Every mounted relation takes its kind's new colour, style and direction.
  const relationIds = change.vocabulary
    ? new Set([...change.relations, ...cy.edges('.relation').map((e) => relationIdOf(e.id()))])
    : change.relations;
  const touched = cy.collection();
  cy.batch(() => {
    touched.merge(followActors(state, change.actors));
    if (change.vocabulary) restyleActors(state);
    for (const id of relationIds) {
      relations.discard(id);
      if (next.relationsById.has(id) && (relations.isActive(id) || state.overlayShown.has(id)))
        relations.mount(id);
    }
    // An event's actors may have changed: mark the event's actors again.
    const { selection } = state;
    if (selection?.kind === 'event' && change.events.includes(selection.id)) {
      cy.elements().unselect();
      selectionElements(state, selection).select();
    }
  });
  return touched;
}

/** Adds, updates or removes the actors an edit names, with their "part of" links. */
function followActors(state: ViewState, ids: readonly string[]): CollectionReturnValue {
  const { cy, model } = state;
  const touched = cy.collection();
  if (ids.length === 0) return touched;
  const shown = new Set(visibleActors(model, state.span, state.filter));
  const positionInList = new Map(model.dataset.actors.map((a, i) => [a.id, i]));
  for (const id of ids) {
    cy.getElementById(partOfElementId(id)).remove();
    const actor = model.actorsById.get(id);
    if (!actor) {
      removeActor(state, id);
      continue;
    }
    const alive = model.index.actorAliveDuring(positionInList.get(id) ?? -1, state.span);
    if (alive) state.alive.add(id);
    else state.alive.delete(id);
    const def = actorElement(model, actor);
    const node = actorNode(state, id);
    if (node.empty())
      touched.merge(addElement(state, { ...def, classes: actorClasses(state, id, shown) }));
    else {
      node.data(def.data);
      node.position(def.position!);
      node.toggleClass('dormant', !alive).toggleClass('filtered', !shown.has(id));
      touched.merge(node);
    }
  }
  // "Part of" links once every actor is there: a new actor's parent may be new too, and an
  // actor put back (undoing its deletion) takes back the links of its members.
  const named = new Set(ids);
  for (const actor of model.dataset.actors) {
    if (!actor.parent || !(named.has(actor.id) || named.has(actor.parent))) continue;
    const link = partOfElement(actor);
    const missing = cy.getElementById(link.data.id!).empty();
    if (missing && cy.getElementById(actorElementId(actor.parent)).nonempty())
      addElement(state, link);
  }
  return touched;
}

function addElement(state: ViewState, def: ElementDefinition) {
  state.mountedCount++;
  return state.cy.add(def);
}

/** Removes an actor's node; Cytoscape removes the edges that end at it with it. */
function removeActor(state: ViewState, id: string) {
  const node = actorNode(state, id);
  if (state.hovered?.same(node)) state.hovered = null;
  node.remove();
}

/** Every actor takes its type's new colour and shape. */
function restyleActors(state: ViewState) {
  const { cy, model } = state;
  cy.nodes().forEach((node) => {
    const actor = model.actorsById.get(actorIdOf(node.id()));
    if (actor) node.data(actorElement(model, actor).data);
  });
}
