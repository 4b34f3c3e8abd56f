/**
 * Actor labels on small graphs: where each is placed (core/render/labels.ts:
 * below, above, right or left of its actor, or hidden when every place
 * collides) and, on a phone, how large they are drawn so that none is under
 * a legible size on screen (`setMinLabelPx`). Large graphs keep Cytoscape's
 * labels as they are (style.ts says why).
 */
import type { NodeCollection } from 'cytoscape';
import { placeLabels, type LabelItem } from '../core/render/labels';
import { tokens } from '../core/tokens';
import type { Emphasis } from './emphasis';
import type { ViewState } from './viewState';

/** The classes the label pass gives an actor whose label is not below its symbol (style.ts). */
const LABEL_CLASSES = ['label-top', 'label-right', 'label-left', 'label-hidden'];
/** Labels are placed again at most this often while the day changes (playback). */
const LABEL_DELAY_MS = 150;

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
      if (box.w > 0) sizes.set(n.id(), { width: box.w, height: box.h });
      else sizes.delete(n.id());
    });
  }

  /**
   * Places every shown actor's label at the current label scale: the selection's actors and
   * neighbours first, and always shown (someone who tapped an actor must read who it deals
   * with, even where labels are crowded); then actors alive at the day, then the most
   * connected, so a hidden label is that of a greyed or lightly connected actor.
   */
  function placeAll() {
    if (!state.ownCurves) return;
    const degree = emphasis.drawnDegrees();
    const selected = new Set(
      emphasis
        .ofSelection()
        ?.nodes()
        .map((n) => n.id()),
    );
    const items: LabelItem[] = [];
    cy.nodes().forEach((n) => {
      const size = sizes.get(n.id());
      if (!size || n.hasClass('filtered')) return;
      const p = n.position();
      items.push({
        id: n.id(),
        x: p.x,
        y: p.y,
        radius: (tokens.size.node + tokens.size.nodeBorder) / 2,
        ...size,
        priority:
          (selected.has(n.id()) ? 1e7 : 0) +
          (n.hasClass('dormant') ? 0 : 1e6) +
          (degree.get(n.id()) ?? 0),
      });
    });
    const places = placeLabels(items, tokens.size.labelGap, scale);
    cy.batch(() => {
      for (const [id, placed] of places) {
        const node = cy.getElementById(id);
        const place = placed === 'hidden' && selected.has(id) ? 'bottom' : placed;
        const wanted = place === 'bottom' ? '' : `label-${place}`;
        if (LABEL_CLASSES.every((c) => node.hasClass(c) === (c === wanted))) continue;
        node.removeClass(LABEL_CLASSES.join(' '));
        if (wanted) node.addClass(wanted);
      }
    });
  }

  /** Labels follow the day (who is alive and connected), at most once per LABEL_DELAY_MS. */
  function placeSoon() {
    if (placeTimer !== null) return;
    placeTimer = setTimeout(() => {
      placeTimer = null;
      placeAll();
    }, LABEL_DELAY_MS);
  }

  function applyScale() {
    const wanted =
      minLabelPx === null ? 1 : Math.max(1, minLabelPx / (tokens.size.label * cy.zoom()));
    // Small zoom changes keep the scale: restyling every node is not free.
    if (Math.abs(wanted - scale) < 0.01 * scale) return;
    scale = wanted;
    restyle();
    placeAll();
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
    /** The scale the stylesheet draws labels at. */
    scale: () => scale,
    setMinLabelPx(px: number | null) {
      if (state.large) return;
      minLabelPx = px;
      applyScale();
    },
    destroy() {
      if (zoomTimer !== null) clearTimeout(zoomTimer);
      if (placeTimer !== null) clearTimeout(placeTimer);
    },
  };
}
