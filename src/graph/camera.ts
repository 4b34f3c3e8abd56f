/**
 * The camera and actor positions: fitting the graph, centring on a selection,
 * showing a story step's box, and gliding actors to another layout.
 */
import type { NodeSingular } from 'cytoscape';
import type { Point } from '../core/layout';
import { fitPoints } from '../core/render/viewport';
import { tokens } from '../core/tokens';
import type { Box, GraphSelection } from './contract';
import { actorIdOf } from './elements';
import type { SlicedMount } from './mounting';
import { selectionElements, type ViewState } from './viewState';

/** How actors glide to another layout's positions. */
const LAYOUT_ANIMATION_MS = 600;

export interface Camera {
  /** Shows every actor not filtered out; large graphs fit on positions (core/render/viewport.ts). */
  fitView(nodes: { position: Point; filtered: boolean }[]): void;
  fit(): void;
  focus(selection: GraphSelection): void;
  showBox(box: Box | 'fit', animate: boolean): void;
  setPositions(positions: ReadonlyMap<string, Point>, animate: boolean): void;
}

/**
 * @param slices a large graph's mount while it runs: fitting and focusing finish it (they need
 *   every actor); new positions move the actors it still holds back instead.
 * @param placeLabels places labels again once actors have moved.
 */
export function createCamera(
  state: ViewState,
  slices: SlicedMount | null,
  placeLabels: () => void,
): Camera {
  const { cy } = state;
  const mountRest = () => slices?.finish();
  const viewportOptions = (padding: number, radius: number) => ({
    width: cy.width(),
    height: cy.height(),
    padding,
    radius,
    minZoom: cy.minZoom(),
    maxZoom: cy.maxZoom(),
  });

  function fitView(nodes: { position: Point; filtered: boolean }[]) {
    if (!state.large) {
      cy.fit(cy.elements(':visible'), 40);
      return;
    }
    const viewport = fitPoints(
      nodes.filter((n) => !n.filtered).map((n) => n.position),
      viewportOptions(40, (tokens.size.node + tokens.size.nodeBorder) / 2),
    );
    if (viewport) cy.viewport(viewport);
  }

  const mountedNodes = () =>
    cy.nodes().map((n) => ({ position: n.position(), filtered: n.hasClass('filtered') }));

  function fit() {
    mountRest();
    fitView(mountedNodes());
  }

  function focus(selection: GraphSelection) {
    mountRest();
    const eles = selectionElements(state, selection);
    if (eles.empty()) return;
    const target = { center: { eles }, zoom: Math.max(cy.zoom(), 1) };
    if (state.reducedMotion) cy.center(eles);
    else cy.animate(target, { duration: 350, easing: 'ease-in-out-cubic' });
  }

  function showBox(box: Box | 'fit', animate: boolean) {
    cy.stop(true, false); // a camera move in flight (a layout's fit) would end elsewhere
    if (box === 'fit') {
      fit();
      return;
    }
    const corners = [
      { x: box.x1, y: box.y1 },
      { x: box.x2, y: box.y2 },
    ];
    const viewport = fitPoints(corners, viewportOptions(0, 0));
    if (!viewport) return;
    if (animate && !state.reducedMotion && !state.large)
      cy.animate(viewport, { duration: 350, easing: 'ease-in-out-cubic' });
    else cy.viewport(viewport);
  }

  function setPositions(positions: ReadonlyMap<string, Point>, animate: boolean) {
    const target = (node: NodeSingular) => {
      const p = positions.get(actorIdOf(node.id()));
      return p ? { x: p.x, y: p.y } : node.position();
    };
    cy.stop(true, true); // a camera move in flight would fight the new fit
    cy.nodes().stop(true, true); // and a previous layout's glide would overwrite positions
    if (state.large && slices && !slices.done) {
      // Mid-mount (a refined layout arriving): moving what is mounted and what is still to
      // come keeps the mount in slices; mounting the rest first took a 50 s task with ten
      // thousand actors left, and 450 ms tasks with only a million-row import's relations left.
      slices.reposition(positions);
      cy.batch(() => cy.nodes().forEach((n) => void n.position(target(n))));
      fitView([...positions.values()].map((position) => ({ position, filtered: false })));
      return;
    }
    mountRest();
    if (!animate || state.reducedMotion || state.large) {
      cy.batch(() => cy.nodes().forEach((n) => void n.position(target(n))));
      fitView(mountedNodes());
      placeLabels();
      return;
    }
    // By element id; a prototype-less object, as ids are user text (graphKey.ts says why).
    const byElement: Record<string, { x: number; y: number }> = Object.create(null);
    cy.nodes().forEach((n) => void (byElement[n.id()] = target(n)));
    cy.nodes()
      .layout({
        name: 'preset',
        positions: byElement,
        fit: true,
        padding: 40,
        animate: true,
        animationDuration: LAYOUT_ANIMATION_MS,
        animationEasing: 'ease-in-out-cubic',
        stop: placeLabels,
      })
      .run();
  }

  return { fitView, fit, focus, showBox, setPositions };
}
