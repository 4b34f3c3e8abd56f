/**
 * Putting a model on the canvas: the elements a view starts with (every
 * actor, its "part of" link, the relations active in the span with their
 * bows) and, for large graphs, mounting them a slice per frame.
 */
import type { ElementDefinition } from 'cytoscape';
import type { ExplorerModel } from '../core/explorer-model';
import type { Point } from '../core/layout';
import { parallelBows } from '../core/render/curves';
import { visibleActors } from '../core/render/scene';
import type { TimeSpan } from '../core/temporal';
import { tokens } from '../core/tokens';
import { actorElements, actorIdOf, partOfElements, relationElement } from './elements';
import type { Emphasis } from './emphasis';
import { baseClasses, pairMember, type Relations } from './relations';
import { runInSlices, type SliceRun } from './slices';
import { selectionElements, type ViewState } from './viewState';

/**
 * Elements one step of a large graph's mount adds: a few milliseconds of work each on a quiet
 * machine (styles, then the first frame's measuring). The slice runner (slices.ts) runs as many
 * steps per frame as the last frames' cost allows, so small steps keep frames short on a slow
 * or busy machine too; 200 actors per step made frames of 200–280 ms at a million rows.
 */
const SLICE_NODES = 25;
const SLICE_RELATIONS = 60;

const GAP = tokens.size.parallelGap;

export interface InitialElements {
  /** Actors (greyed outside their lifetime) and "part of" links. */
  nodes: ElementDefinition[];
  /** The relations active in the span, in dataset order, bowed apart when `ownCurves`. */
  relations: ElementDefinition[];
  /** The actors alive in the span. */
  alive: Set<string>;
}

export function initialElements(
  model: ExplorerModel,
  span: TimeSpan,
  ownCurves: boolean,
): InitialElements {
  const alive = new Set(model.index.actorsDuring(span));
  const nodes = actorElements(model);
  for (const def of nodes) if (!alive.has(actorIdOf(def.data.id!))) def.classes = 'dormant';
  nodes.push(...partOfElements(model));
  // By index, not id: sorting ids by their place in the dataset looked each up twice per
  // comparison (a million relations: millions of hashed look-ups in the task that shows them).
  const active = model.index.relationIndicesDuring(span);
  const relations = Array.from(active, (i) => {
    const def = relationElement(model, model.dataset.relations[i]!);
    return { ...def, classes: baseClasses(def) };
  });
  // Parallel relations start spread apart; relations.ts `rebow` keeps them so as relations
  // come and go. Large graphs leave the spreading to Cytoscape (style.ts says why).
  if (ownCurves) {
    const bows = parallelBows(relations.map(pairMember), GAP);
    for (const def of relations) def.data.bow = bows.get(def.data.id!) ?? def.data.bow;
  }
  return { nodes, relations, alive };
}

/**
 * The classes an actor's node gets from the view as it is now: greyed outside its lifetime,
 * filtered out, marked by the analysis overlay.
 */
export function actorClasses(state: ViewState, actorId: string, shown: ReadonlySet<string>) {
  const classes = [
    state.alive.has(actorId) ? '' : 'dormant',
    shown.has(actorId) ? '' : 'filtered',
    state.overlay?.actorClasses.get(actorId) ?? '',
  ];
  return classes.filter(Boolean).join(' ');
}

/**
 * Mounting large graphs a slice per frame: actors (and "part of" links), then the relations
 * drawn by then, so no task blocks the page for long (docs/PERFORMANCE.md, "Big imports").
 * Cytoscape styles each element and measures it for its first frame; for thousands of
 * elements in one go that was seconds. The view's verbs work meanwhile: setDay, setFilter,
 * setSelection and setOverlay change what is mounted, and what is mounted later is mounted
 * as the view is by then. Verbs that need the whole picture call `finish` first.
 */
export interface SlicedMount extends SliceRun {
  /**
   * Moves the actors not mounted yet (a refined layout arriving mid-mount): they are mounted at
   * these positions, so the new layout needs no mount of everything at once.
   */
  reposition(positions: ReadonlyMap<string, Point>): void;
  /** Whether actors are still waiting to be mounted. */
  readonly actorsPending: boolean;
}

export function mountInSlices(
  state: ViewState,
  nodeDefs: readonly ElementDefinition[],
  relations: Relations,
  emphasis: Emphasis,
  onDone?: () => void,
): SlicedMount {
  const { cy } = state;
  const pendingNodes = nodeDefs.slice();
  /** Relations still to mount; listed from the view once every node is mounted. */
  let pendingRelations: string[] | null = null;
  state.actorsPending = pendingNodes.length > 0;
  const shownActors = shownActorsCache(state);

  function mountNodes(defs: ElementDefinition[]) {
    const shown = shownActors();
    cy.add(
      defs.map((def) =>
        def.group === 'nodes'
          ? { ...def, classes: actorClasses(state, actorIdOf(def.data.id!), shown) }
          : def,
      ),
    );
    state.mountedCount += defs.length;
  }

  function mountNextSlice(): boolean {
    cy.batch(() => {
      if (pendingNodes.length > 0) {
        mountNodes(pendingNodes.splice(0, SLICE_NODES));
        state.actorsPending = pendingNodes.length > 0;
      } else {
        pendingRelations ??= relations.byDatasetOrder(
          new Set([...state.model.index.stateDuring(state.span).relations, ...state.overlayShown]),
        );
        for (const id of pendingRelations.splice(0, SLICE_RELATIONS))
          if (relations.isActive(id) || state.overlayShown.has(id)) relations.mount(id);
      }
      if (state.selection) selectionElements(state, state.selection).select();
    });
    if (state.selection || state.hovered) emphasis.apply();
    return pendingNodes.length > 0 || pendingRelations?.length !== 0;
  }

  const run = runInSlices(mountNextSlice, onDone);
  return {
    get done() {
      return run.done;
    },
    finish: () => run.finish(),
    cancel: () => run.cancel(),
    get actorsPending() {
      return pendingNodes.length > 0;
    },
    reposition(positions) {
      pendingNodes.forEach((def, i) => {
        const p = def.group === 'nodes' && positions.get(actorIdOf(def.data.id!));
        if (p) pendingNodes[i] = { ...def, position: { x: p.x, y: p.y } };
      });
    },
  };
}

/**
 * The actors the view shows, computed again only when the model, span or filter changed: a
 * step mounts tens of actors, and listing every visible actor for each would cost more than
 * mounting them.
 */
function shownActorsCache(state: ViewState): () => ReadonlySet<string> {
  let key: [ExplorerModel, unknown, unknown] | null = null;
  let shown: ReadonlySet<string> = new Set();
  return () => {
    if (!key || key[0] !== state.model || key[1] !== state.span || key[2] !== state.filter) {
      key = [state.model, state.span, state.filter];
      shown = new Set(visibleActors(state.model, state.span, state.filter));
    }
    return shown;
  };
}
