/**
 * The camera and actor positions: fitting the graph, centring on a selection,
 * showing a story step's box, and gliding actors to another layout.
 */
import type { NodeSingular } from 'cytoscape';
import type { Point } from '../core/layout';
import { fitLabelled, fitPoints, type Viewport } from '../core/render/viewport';
import { tokens } from '../core/tokens';
import type { Box, GraphSelection } from './contract';
import { actorIdOf } from './elements';
import type { Labels } from './labels';
import type { SlicedMount } from './mounting';
import { selectionElements, type ViewState } from './viewState';

/** How actors glide to another layout's positions. */
const LAYOUT_ANIMATION_MS = 600;

export interface Camera {
  /** A large graph: shows these positions (those not filtered out) whole, labels aside. */
  fitView(nodes: { position: Point; filtered: boolean }[]): void;
  /** Shows every actor not filtered out, and on small graphs every label, whole. */
  fit(): void;
  focus(selection: GraphSelection): void;
  showBox(box: Box | 'fit', animate: boolean): void;
  setPositions(positions: ReadonlyMap<string, Point>, animate: boolean): void;
}

/**
 * @param slices a large graph's mount while it runs: fitting and focusing finish it (they need
 *   every actor); new positions move the actors it still holds back instead.
 * @param labels where labels go and how large they are drawn: a small graph's fit makes room for
 *   them, and they are placed again once the camera or the actors have moved.
 */
export function createCamera(
  state: ViewState,
  slices: SlicedMount | null,
  labels: Pick<Labels, 'labelledPoints' | 'scaleAt' | 'settle'>,
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
    // The wider top margin all round: a large graph's labels are not measured (nor shown while
    // its camera moves), so this margin is what keeps room for those at the edges.
    const viewport = fitPoints(
      nodes.filter((n) => !n.filtered).map((n) => n.position),
      viewportOptions(tokens.size.fitPaddingTop, (tokens.size.node + tokens.size.nodeBorder) / 2),
    );
    if (viewport) cy.viewport(viewport);
  }

  /**
   * The camera that shows every shown actor and its label whole, at the actors' positions or
   * where `positionOf` will put them. Measuring the drawn labels would not do: on a phone the
   * zoom the fit picks sets the labels' scale (labels.ts `setMinLabelPx`), and the scale where
   * the placement pass puts them, so the fit tries zooms with the labels as they would be drawn
   * at each (core/render/viewport.ts `fitLabelled`).
   */
  function labelledViewport(positionOf?: (node: NodeSingular) => Point): Viewport | null {
    return fitLabelled(labels.labelledPoints(positionOf), {
      ...viewportOptions(tokens.size.fitPadding, 0),
      paddingTop: tokens.size.fitPaddingTop,
      gap: tokens.size.labelGap,
      labelScaleAt: labels.scaleAt,
    });
  }

  const mountedNodes = () =>
    cy.nodes().map((n) => ({ position: n.position(), filtered: n.hasClass('filtered') }));

  function fit() {
    mountRest();
    if (state.large) {
      fitView(mountedNodes());
      return;
    }
    const viewport = labelledViewport();
    if (viewport) cy.viewport(viewport);
    labels.settle();
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
      fit();
      return;
    }
    // By element id; a prototype-less object, as ids are user text (graphKey.ts says why).
    const byElement: Record<string, { x: number; y: number }> = Object.create(null);
    cy.nodes().forEach((n) => void (byElement[n.id()] = target(n)));
    // The camera glides to the fit of the new positions, labels included, as the actors do;
    // labels settle when both have arrived (either may end first).
    const arrival = labelledViewport(target);
    const glide = { duration: LAYOUT_ANIMATION_MS, easing: 'ease-in-out-cubic' as const };
    if (arrival) cy.animate({ ...arrival, ...glide, complete: labels.settle });
    cy.nodes()
      .layout({
        name: 'preset',
        positions: byElement,
        fit: false,
        animate: true,
        animationDuration: glide.duration,
        animationEasing: glide.easing,
        stop: labels.settle,
      })
      .run();
  }

  return { fitView, fit, focus, showBox, setPositions };
}
