/**
 * Actor labels on small graphs: where each is placed (core/render/labels.ts:
 * below, above, right or left of its actor, or hidden when every place
 * collides) and, on a phone, how large they are drawn so that none is under
 * a legible size on screen (`setMinLabelPx`). Large graphs keep Cytoscape's
 * labels as they are (style.ts says why).
 *
 * The selection's labels are placed first (the selected actor, then its
 * counterparts by importance: core/render/labels.ts `labelPriority`). Where
 * labels scale with the picture (a desktop) they are never hidden, since no
 * zoom would make room for them; where they keep a screen size (a phone),
 * zooming in does, so one with no free place is hidden like any other rather
 * than drawn over its neighbours' (its name is in the details sheet).
 */
import type { NodeCollection, NodeSingular } from 'cytoscape';
import type { Point } from '../core/layout';
import {
  labelPriority,
  placeLabels,
  type Box,
  type LabelItem,
  type SelectionRole,
} from '../core/render/labels';
import type { LabelledPoint } from '../core/render/viewport';
import { tokens } from '../core/tokens';
import type { Emphasis } from './emphasis';
import { relationEdge, selectionElements, type ViewState } from './viewState';

/**
 * The classes the label pass gives an actor whose label is not below its symbol (style.ts):
 * `label-crowded` is a hidden label that stays hidden although its actor is emphasised (a
 * phone's selection), where `label-hidden` comes back for emphasis (hover).
 */
const LABEL_CLASSES = ['label-top', 'label-right', 'label-left', 'label-hidden', 'label-crowded'];
/** How far an actor's symbol reaches from its centre, its border included. */
const ACTOR_RADIUS = (tokens.size.node + tokens.size.nodeBorder) / 2;
/** Labels are placed again at most this often while the day changes (playback). */
const LABEL_DELAY_MS = 150;
/**
 * What Cytoscape adds around a label's text in its bounding box besides the halo
 * (cytoscape.esm.mjs `updateBoundsFromLabel`: `marginOfError`, 2 in 3.34.4, the pinned version).
 */
const LABEL_BOX_MARGIN = 2;

/**
 * From an actor's symbol edge (`ACTOR_RADIUS`) to its label's box as Cytoscape draws and
 * measures it, at a label scale: the text starts `labelGap` past the symbol's edge without its
 * border, and the box (the size `measure` takes) reaches back over the halo and a margin. The
 * placement and the fits put boxes here, so that two labels placed clear of each other are
 * drawn clear of each other (with `labelGap` from the symbol's edge they could overlap by the
 * halo's width: 3 + 4 × scale units).
 */
export const labelGapAt = (labelScale: number) =>
  tokens.size.labelGap -
  tokens.size.nodeBorder / 2 -
  tokens.size.labelHalo * labelScale -
  LABEL_BOX_MARGIN;

export type Labels = ReturnType<typeof createLabels>;

/**
 * @param restyle applies the stylesheet again: the label scale is part of it (style.ts).
 */
export function createLabels(state: ViewState, emphasis: Emphasis, restyle: () => void) {
  const { cy } = state;
  /** Each actor's label box at its default place: measured when mounted, labels rarely change. */
  const sizes = new Map<string, { width: number; height: number }>();
  /** Labels drawn this many times their size (see `setMinLabelPx`). */
  let scale = 1;
  /** Labels' on-screen floor (`setMinLabelPx`); re-applied after each zoom, once it settles. */
  let minLabelPx: number | null = null;
  let zoomTimer: ReturnType<typeof setTimeout> | null = null;
  let placeTimer: ReturnType<typeof setTimeout> | null = null;

  /** Measures the label boxes of these actors (after they were mounted or their label changed). */
  function measure(nodes: NodeCollection) {
    if (!state.ownCurves) return;
    nodes.forEach((n) => {
      const box = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      // Sizes are kept at scale 1: a label measured while drawn larger (a phone) is scaled back.
      if (box.w > 0) sizes.set(n.id(), { width: box.w / scale, height: box.h / scale });
      else sizes.delete(n.id());
    });
  }

  /**
   * The selection's actors by element id: its own (an actor, a relation's two ends, an event's
   * actors) and the others it emphasises (their counterparts).
   */
  function selectionRoles(): Map<string, SelectionRole> {
    const roles = new Map<string, SelectionRole>();
    const { selection } = state;
    if (!selection) return roles;
    emphasis
      .ofSelection()
      ?.nodes()
      .forEach((n) => void roles.set(n.id(), 'counterpart'));
    const own =
      selection.kind === 'relation'
        ? relationEdge(state, selection.id).connectedNodes()
        : selectionElements(state, selection).nodes();
    own.forEach((n) => void roles.set(n.id(), 'selected'));
    return roles;
  }

  /**
   * Every shown actor as the placement pass sees it, at its position or where `positionOf` puts
   * it, ranked by `labelPriority`. An actor without a label (none measured) has an empty box.
   */
  function items(
    roles: ReadonlyMap<string, SelectionRole>,
    positionOf?: (node: NodeSingular) => Point,
  ): LabelItem[] {
    const degree = emphasis.drawnDegrees();
    const out: LabelItem[] = [];
    cy.nodes().forEach((n) => {
      if (n.hasClass('filtered')) return;
      const p = positionOf?.(n) ?? n.position();
      out.push({
        id: n.id(),
        x: p.x,
        y: p.y,
        radius: ACTOR_RADIUS,
        ...(sizes.get(n.id()) ?? { width: 0, height: 0 }),
        priority: labelPriority(
          roles.get(n.id()) ?? 'other',
          !n.hasClass('dormant'),
          degree.get(n.id()) ?? 0,
        ),
      });
    });
    return out;
  }

  /**
   * Where each label goes at a label scale (core/render/labels.ts); at the picture's edges,
   * facing inward (within the box of every shown symbol, where there is room), so that a fit
   * that holds the labels (camera.ts) need not zoom out for the outermost ones. Where labels
   * scale with the picture, the selection's are never hidden (the module comment says why).
   */
  function placesOf(
    labelled: LabelItem[],
    roles: ReadonlyMap<string, SelectionRole>,
    labelScale: number,
  ) {
    const places = placeLabels(
      labelled.filter((item) => item.width > 0),
      labelGapAt(labelScale),
      labelScale,
      symbolsBox(labelled),
    );
    if (minLabelPx === null)
      for (const [id, place] of places)
        if (place === 'hidden' && roles.has(id)) places.set(id, 'bottom');
    return places;
  }

  /** Places every shown actor's label at the current label scale (see `items` for the order). */
  function placeAll() {
    if (!state.ownCurves) return;
    const roles = selectionRoles();
    const places = placesOf(items(roles), roles, scale);
    cy.batch(() => {
      for (const [id, place] of places) {
        const node = cy.getElementById(id);
        const crowded = place === 'hidden' && roles.has(id);
        const wanted = place === 'bottom' ? '' : crowded ? 'label-crowded' : `label-${place}`;
        if (LABEL_CLASSES.every((c) => node.hasClass(c) === (c === wanted))) continue;
        node.removeClass(LABEL_CLASSES.join(' '));
        if (wanted) node.addClass(wanted);
      }
    });
  }

  /**
   * Every shown actor with its label where the placement pass would put it, as a function of
   * the label scale, for the camera's fit (core/render/viewport.ts `fitLabelled`), which tries
   * many scales: the actors, their positions and priorities are gathered once, only the
   * placement runs per scale. An actor without a label, or whose label would be hidden, counts
   * by its symbol alone.
   */
  function labelledPoints(
    positionOf?: (node: NodeSingular) => Point,
  ): (labelScale: number) => LabelledPoint[] {
    const roles = selectionRoles();
    const labelled = items(roles, positionOf);
    // A search asks again for a scale it tried (a desktop's labels keep scale 1 at every zoom).
    const placed = new Map<number, LabelledPoint[]>();
    return (labelScale) => {
      const known = placed.get(labelScale);
      if (known) return known;
      const places = placesOf(labelled, roles, labelScale);
      const points = labelled.map((item) => ({ ...item, place: places.get(item.id) ?? 'hidden' }));
      placed.set(labelScale, points);
      return points;
    };
  }

  /** The scale labels are drawn at for a zoom: above 1 when a phone's floor needs it. */
  const scaleAt = (zoom: number) =>
    minLabelPx === null ? 1 : Math.max(1, minLabelPx / (tokens.size.label * zoom));

  /** Labels follow the day (who is alive and connected), at most once per LABEL_DELAY_MS. */
  function placeSoon() {
    if (placeTimer !== null) return;
    placeTimer = setTimeout(() => {
      placeTimer = null;
      placeAll();
    }, LABEL_DELAY_MS);
  }

  /**
   * Draws labels at the scale the zoom calls for, and places them again if it changed. Unless
   * `exactly`, small zoom changes keep the scale: restyling every node is not free.
   */
  function applyScale(exactly = false) {
    const wanted = scaleAt(cy.zoom());
    if (exactly ? wanted === scale : Math.abs(wanted - scale) < 0.01 * scale) return false;
    scale = wanted;
    restyle();
    placeAll();
    return true;
  }

  cy.on('zoom', () => {
    if (minLabelPx === null || state.large) return;
    if (zoomTimer !== null) clearTimeout(zoomTimer);
    zoomTimer = setTimeout(() => {
      zoomTimer = null;
      applyScale();
    }, LABEL_DELAY_MS);
  });

  return {
    measure,
    placeAll,
    placeSoon,
    labelledPoints,
    scaleAt,
    /** The selection's actors by element id: its own, and the counterparts it emphasises. */
    selectionRoles,
    /** The scale the stylesheet draws labels at. */
    scale: () => scale,
    /**
     * Brings labels up to date with a camera that just moved, now rather than once the zoom
     * settles: drawn at the zoom's exact scale (on a phone; the scale a fit assumed) and placed
     * again.
     */
    settle() {
      if (state.large) return;
      if (zoomTimer !== null) clearTimeout(zoomTimer);
      zoomTimer = null;
      if (!applyScale(true)) placeAll();
    },
    /** Returns whether the floor changed (labels are then drawn at another size). */
    setMinLabelPx(px: number | null): boolean {
      if (state.large || px === minLabelPx) return false;
      minLabelPx = px;
      applyScale();
      return true;
    },
    destroy() {
      if (zoomTimer !== null) clearTimeout(zoomTimer);
      if (placeTimer !== null) clearTimeout(placeTimer);
    },
  };
}

/** The box of every item's symbol, in graph units. */
function symbolsBox(items: readonly LabelItem[]): Box {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const { x, y, radius } of items) {
    box.x1 = Math.min(box.x1, x - radius);
    box.y1 = Math.min(box.y1, y - radius);
    box.x2 = Math.max(box.x2, x + radius);
    box.y2 = Math.max(box.y2, y + radius);
  }
  return box;
}
