/**
 * What the graph view shows, in one place: the model, the span of days, the
 * filter, selection and overlay the store pushed in, and who is alive. The
 * view's parts (relations, emphasis, labels, camera, …) read and write this
 * one object instead of sharing closure variables, so each part's own module
 * says exactly which of it it uses.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { ExplorerModel } from '../core/explorer-model';
import { NO_FILTER } from '../core/render/scene';
import type { TimeSpan } from '../core/temporal';
import type { GraphFilter, GraphOverlay, GraphSelection } from './contract';
import { actorElementId, actorIdOf, relationElementId } from './elements';

export interface ViewState {
  readonly cy: Core;
  readonly container: HTMLElement;
  /** Replaced by `updateModel` when an edit is followed. */
  model: ExplorerModel;
  /** The large-graph settings (style.ts `isLargeGraph`): no fades, bows or label placement. */
  readonly large: boolean;
  readonly reducedMotion: boolean;
  /** Relations fade in and out (neither under reduced motion nor for large graphs). */
  readonly fades: boolean;
  /** Parallel relations are our own bows and labels are placed (small graphs). */
  readonly ownCurves: boolean;
  /** The day shown, the time window (calendar months) and the span of days they make. */
  day: number;
  windowMonths: number;
  span: TimeSpan;
  /** Actors alive in the span, kept up to date by `setDay` (slices mounted later need it). */
  alive: Set<string>;
  filter: GraphFilter;
  selection: GraphSelection | null;
  overlay: GraphOverlay | null;
  /** Relations the overlay draws although they may not be active (`extraRelations`). */
  overlayShown: Set<string>;
  /** The actor under the pointer, whose neighbourhood is emphasised while it is there. */
  hovered: NodeSingular | null;
  /** True while a large graph's actors are still being mounted (relations wait for them). */
  actorsPending: boolean;
  /** Elements added to Cytoscape since the view was made (`GraphView.elementsMounted`). */
  mountedCount: number;
}

export function createViewState(
  fields: Pick<ViewState, 'cy' | 'container' | 'model' | 'large' | 'reducedMotion' | 'day'> & {
    windowMonths: number;
    span: TimeSpan;
    alive: Set<string>;
  },
): ViewState {
  return {
    ...fields,
    fades: !fields.reducedMotion && !fields.large,
    ownCurves: !fields.large,
    filter: NO_FILTER,
    selection: null,
    overlay: null,
    overlayShown: new Set(),
    hovered: null,
    actorsPending: false,
    mountedCount: 0,
  };
}

export const actorNode = (state: ViewState, id: string) =>
  state.cy.getElementById(actorElementId(id)) as NodeSingular;

export const relationEdge = (state: ViewState, id: string) =>
  state.cy.getElementById(relationElementId(id)) as EdgeSingular;

/** The elements a selection marks: an actor, a relation, or an event's actors. */
export function selectionElements(state: ViewState, selection: GraphSelection) {
  if (selection.kind === 'actor') return actorNode(state, selection.id);
  if (selection.kind === 'relation') return relationEdge(state, selection.id);
  const actors = state.model.eventsById.get(selection.id)?.actors ?? [];
  return state.cy.nodes().filter((n) => actors.includes(actorIdOf(n.id())));
}
