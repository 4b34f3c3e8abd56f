/**
 * The camera and actor positions: fitting the graph, centring on a selection,
 * showing a story step's box, gliding actors to another layout, and following
 * the canvas's size.
 *
 * A canvas that changes size (a phone turned sideways, a window resized, a
 * side panel folded) is framed again as the app last framed it (a fit, a story
 * step's box) while the camera is still where that framing put it; once
 * anything else moved the camera (the user's zoom or pan, focusing a
 * selection, the keyboard cursor), the point at the canvas's centre stays
 * there, at the same zoom.
 */
import type { NodeSingular } from 'cytoscape';
import type { Point } from '../core/layout';
import {
  fitLabelled,
  fitPoints,
  keepCentre,
  sameViewport,
  type Size,
  type Viewport,
} from '../core/render/viewport';
import { tokens } from '../core/tokens';
import type { Box, GraphSelection } from './contract';
import { actorIdOf } from './elements';
import type { Labels } from './labels';
import type { SlicedMount } from './mounting';
import { selectionElements, type ViewState } from './viewState';

/** How actors glide to another layout's positions. */
const LAYOUT_ANIMATION_MS = 600;
/** How the camera glides to a story step's box, or to a selection it focuses. */
const BOX_ANIMATION_MS = 350;
/** How far an actor's symbol reaches from its centre, its border included. */
const ACTOR_RADIUS = (tokens.size.node + tokens.size.nodeBorder) / 2;

/**
 * How the app framed the picture, kept to frame it again at another canvas size: a small
 * graph's fit (symbols and labels, at the actors' positions or where a glide takes them), a
 * large graph's fit on known positions (its mount may still be running), or a story step's box.
 */
type Framing =
  | { kind: 'labelled'; positionOf?: (node: NodeSingular) => Point }
  | { kind: 'points'; points: readonly Point[] }
  | { kind: 'box'; box: Box };

const boxCorners = (box: Box): Point[] => [
  { x: box.x1, y: box.y1 },
  { x: box.x2, y: box.y2 },
];

export interface Camera {
  /** A large graph: shows these positions (those not filtered out) whole, labels aside. */
  fitView(nodes: { position: Point; filtered: boolean }[]): void;
  /** Shows every actor not filtered out, and on small graphs every label, whole. */
  fit(): void;
  focus(selection: GraphSelection): void;
  showBox(box: Box | 'fit', animate: boolean): void;
  setPositions(positions: ReadonlyMap<string, Point>, animate: boolean): void;
  /**
   * Follows the canvas's new size, in the same frame and without a glide: framed again if the
   * camera is still as the app framed it, else the same centre and zoom (see the module comment).
   */
  followSize(): void;
  /** Frames the picture again if the camera is still as the app framed it (labels resized). */
  reframe(): void;
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
  const currentViewport = (): Viewport => ({ zoom: cy.zoom(), pan: { ...cy.pan() } });
  /** The canvas's size when the camera last followed it. */
  let size: Size = { width: cy.width(), height: cy.height() };
  /**
   * The app's last framing and the camera it set (or is gliding to); null once the camera was
   * moved otherwise on purpose (focus). A user's zoom or pan is noticed by comparing cameras
   * (`isFramed`), so no gesture, nor the keyboard cursor's pan, needs to report itself.
   */
  let framed: { framing: Framing; viewport: Viewport; gliding: boolean } | null = null;

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

  /** The camera a framing gives at the canvas's current size; null when there is nothing to show. */
  function viewportOf(framing: Framing): Viewport | null {
    switch (framing.kind) {
      case 'labelled':
        return labelledViewport(framing.positionOf);
      case 'points':
        // The wider top margin all round: a large graph's labels are not measured (nor shown
        // while its camera moves), so this margin is what keeps room for those at the edges.
        return fitPoints(framing.points, viewportOptions(tokens.size.fitPaddingTop, ACTOR_RADIUS));
      case 'box':
        return fitPoints(boxCorners(framing.box), viewportOptions(0, 0));
    }
  }

  /** Sets the camera a framing gives, at once, and remembers both. */
  function frame(framing: Framing) {
    const viewport = viewportOf(framing);
    if (!viewport) return;
    cy.viewport(viewport);
    framed = { framing, viewport: currentViewport(), gliding: false };
  }

  /**
   * Glides the camera to a framing; once there it is remembered as `settled` (a layout's glide
   * aims at where the actors will be, and is then a fit of where they are).
   */
  function glideTo(framing: Framing, settled: Framing, duration: number, then?: () => void) {
    const viewport = viewportOf(framing);
    if (!viewport) return;
    const glide = { framing, viewport, gliding: true };
    framed = glide;
    cy.animate({
      ...viewport,
      duration,
      easing: 'ease-in-out-cubic',
      complete: () => {
        if (framed === glide)
          framed = { framing: settled, viewport: currentViewport(), gliding: false };
        then?.();
      },
    });
  }

  /** Whether the camera is still as the app framed it (or gliding there). */
  function isFramed(): boolean {
    if (!framed) return false;
    if (framed.gliding && cy.animated()) return true;
    return sameViewport(currentViewport(), framed.viewport);
  }

  function fitView(nodes: { position: Point; filtered: boolean }[]) {
    frame({ kind: 'points', points: nodes.filter((n) => !n.filtered).map((n) => n.position) });
  }

  const mountedNodes = () =>
    cy.nodes().map((n) => ({ position: n.position(), filtered: n.hasClass('filtered') }));

  function fit() {
    mountRest();
    if (state.large) {
      fitView(mountedNodes());
      return;
    }
    frame({ kind: 'labelled' });
    labels.settle();
  }

  function focus(selection: GraphSelection) {
    mountRest();
    const eles = selectionElements(state, selection);
    if (eles.empty()) return;
    framed = null; // the user asked for this actor: a resize keeps it at the centre
    const target = { center: { eles }, zoom: Math.max(cy.zoom(), 1) };
    if (state.reducedMotion) cy.center(eles);
    else cy.animate(target, { duration: BOX_ANIMATION_MS, easing: 'ease-in-out-cubic' });
  }

  function showBox(box: Box | 'fit', animate: boolean) {
    cy.stop(true, false); // a camera move in flight (a layout's fit) would end elsewhere
    if (box === 'fit') {
      fit();
      return;
    }
    const framing: Framing = { kind: 'box', box };
    if (animate && !state.reducedMotion && !state.large)
      glideTo(framing, framing, BOX_ANIMATION_MS);
    else frame(framing);
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
    const arrival: Framing = { kind: 'labelled', positionOf: target };
    glideTo(arrival, { kind: 'labelled' }, LAYOUT_ANIMATION_MS, labels.settle);
    cy.nodes()
      .layout({
        name: 'preset',
        positions: byElement,
        fit: false,
        animate: true,
        animationDuration: LAYOUT_ANIMATION_MS,
        animationEasing: 'ease-in-out-cubic',
        stop: labels.settle,
      })
      .run();
  }

  /** Frames the picture again as the app last did, at once (a glide in flight jumps to it). */
  function frameAgain() {
    if (!framed) return;
    cy.stop(true, false);
    frame(framed.framing);
    labels.settle(); // drawn and placed for the new zoom now, not once the zoom settles
  }

  function followSize() {
    cy.resize();
    const next: Size = { width: cy.width(), height: cy.height() };
    // A hidden canvas (another view shown) has no size: the camera waits for it to come back.
    if (next.width === 0 || next.height === 0) return;
    const previous = size;
    size = next;
    if (isFramed()) frameAgain();
    else cy.viewport(keepCentre(currentViewport(), previous, next));
  }

  return {
    fitView,
    fit,
    focus,
    showBox,
    setPositions,
    followSize,
    reframe() {
      if (isFramed()) frameAgain();
    },
  };
}
