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
 *
 * On a phone a bottom sheet (the details, the legend) lies over the canvas's
 * lower part (`setObscured`). The camera then frames into the part still in
 * sight: a fit, a story step's box and focus use it as if the canvas ended at
 * the sheet's edge, and a sheet that opens over a selection, or a selection
 * made while one is open, glides the camera so that the selection and the
 * counterparts it emphasises are in sight (`core/render/viewport.ts`
 * `revealLabelled`). A sheet that closes or shrinks moves nothing: the user
 * may be looking at what it uncovered; Fit then uses the whole canvas.
 */
import type { NodeSingular } from 'cytoscape';
import type { Point } from '../core/layout';
import {
  fitLabelled,
  fitPoints,
  keepCentre,
  revealLabelled,
  sameViewport,
  type Size,
  type Viewport,
} from '../core/render/viewport';
import { tokens } from '../core/tokens';
import type { Box, GraphSelection, Obscured } from './contract';
import { actorIdOf } from './elements';
import { labelGapAt, type Labels } from './labels';
import type { SlicedMount } from './mounting';
import { selectionElements, type ViewState } from './viewState';

/** How actors glide to another layout's positions. */
const LAYOUT_ANIMATION_MS = 600;
/** How the camera glides to a story step's box, or to a selection it focuses. */
const BOX_ANIMATION_MS = 350;
/** How far an actor's symbol reaches from its centre, its border included. */
const ACTOR_RADIUS = (tokens.size.node + tokens.size.nodeBorder) / 2;
/**
 * The zoom at which labels are drawn at their own size at a phone's legible floor: zoomed out
 * further, they are drawn larger than the picture and crowd each other out, so bringing a
 * selection into sight does not zoom out past it.
 */
const LEGIBLE_ZOOM = tokens.phoneLabelMinPx / tokens.size.label;
/**
 * The least height a covered canvas must keep in sight for the camera to frame into it: the
 * fit's margins and a label's width of picture. A sheet that leaves less (a phone on its side)
 * is ignored: a whole graph squeezed into a sliver shows nothing legible.
 */
const MIN_VISIBLE_HEIGHT =
  tokens.size.fitPaddingTop + tokens.size.fitPadding + tokens.size.labelMaxWidth;

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
  /**
   * How much of the canvas a bottom sheet covers. A sheet that opens or grows brings the
   * selection into sight (`reveal`), or with no selection frames the app's last framing into
   * the part left in sight; one that closes or shrinks moves nothing.
   */
  setObscured(obscured: Obscured): void;
  /**
   * Glides (at once under reduced motion) so that the selection and the counterparts it
   * emphasises are in the part of the canvas in sight, if they are not; only while a sheet
   * covers part of the canvas.
   */
  reveal(): void;
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
  labels: Pick<Labels, 'labelledPoints' | 'scaleAt' | 'settle' | 'selectionRoles'>,
): Camera {
  const { cy } = state;
  const mountRest = () => slices?.finish();
  /** The band at the canvas's bottom a sheet covers, in CSS pixels (`setObscured`). */
  let obscuredBottom = 0;
  /**
   * Whether the picture has been drawn: until then the camera moves at once, since a glide from
   * a picture no one has seen shows nothing (a page opened on a selection, its sheet open).
   */
  let drawn = false;
  cy.one('render', () => void (drawn = true));
  const glides = () => drawn && !state.reducedMotion && !state.large;
  /** The part of the canvas in sight: from its top down to the sheet's edge, if any. */
  const visibleSize = (): Size => {
    const height = cy.height() - obscuredBottom;
    return {
      width: cy.width(),
      height: obscuredBottom > 0 && height >= MIN_VISIBLE_HEIGHT ? height : cy.height(),
    };
  };
  const viewportOptions = (padding: number, radius: number) => ({
    ...visibleSize(),
    padding,
    radius,
    minZoom: cy.minZoom(),
    maxZoom: cy.maxZoom(),
  });
  const currentViewport = (): Viewport => ({ zoom: cy.zoom(), pan: { ...cy.pan() } });
  /** The size of the canvas's part in sight when the camera last followed it. */
  let size: Size = visibleSize();
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
      gapAt: labelGapAt,
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
    cy.stop(true, false); // a glide in flight (bringing the selection into sight) ends here
    const zoom = state.reducedMotion ? cy.zoom() : Math.max(cy.zoom(), 1);
    // Centred in the part of the canvas in sight (Cytoscape's `center` uses the whole canvas).
    const box = eles.boundingBox({ includeLabels: false, includeOverlays: false });
    const { width, height } = visibleSize();
    const pan = {
      x: width / 2 - (zoom * (box.x1 + box.x2)) / 2,
      y: height / 2 - (zoom * (box.y1 + box.y2)) / 2,
    };
    if (state.reducedMotion) cy.pan(pan);
    else cy.animate({ zoom, pan }, { duration: BOX_ANIMATION_MS, easing: 'ease-in-out-cubic' });
  }

  /**
   * The camera that brings the selection and its emphasised counterparts into the part of the
   * canvas in sight, or null when they are in sight (or there is no selection drawn).
   */
  function revealViewport(): Viewport | null {
    const roles = labels.selectionRoles();
    if (roles.size === 0) return null;
    const pointsOf = labels.labelledPoints();
    const own = new Set([...roles].filter(([, role]) => role === 'selected').map(([id]) => id));
    return revealLabelled(
      currentViewport(),
      (scale) => pointsOf(scale).filter((p) => roles.has(p.id)),
      own,
      {
        ...viewportOptions(tokens.size.fitPadding, 0),
        paddingTop: tokens.size.fitPaddingTop,
        gapAt: labelGapAt,
        labelScaleAt: labels.scaleAt,
        legibleZoom: LEGIBLE_ZOOM,
      },
    );
  }

  function reveal() {
    // Only a sheet hides part of the canvas; without one, selecting moves no camera (a desktop).
    if (obscuredBottom === 0 || visibleSize().height === cy.height() || state.large) return;
    mountRest();
    const target = revealViewport();
    if (!target) return;
    framed = null; // moved for the selection, as focus does: a resize keeps what is in sight
    cy.stop(true, false);
    if (!glides()) {
      cy.viewport(target);
      labels.settle();
    } else
      cy.animate({
        ...target,
        duration: BOX_ANIMATION_MS,
        easing: 'ease-in-out-cubic',
        complete: labels.settle,
      });
  }

  function setObscured(next: Obscured) {
    const bottom = Math.max(0, Math.round(next.bottom));
    if (bottom === obscuredBottom) return;
    const opened = bottom > obscuredBottom;
    obscuredBottom = bottom;
    size = visibleSize();
    // The app's framing follows the part in sight, as it follows the canvas's size: into it as
    // a sheet opens, out to it again as one closes (the first-visit band: the picture fills the
    // canvas it leaves). Always before the first picture (as if the first fit had known of the
    // sheet); else only with no selection, which the camera keeps where it is in sight. A
    // camera the user moved stays: they may be looking at what the sheet uncovered.
    if (framed && isFramed() && (!drawn || !state.selection)) {
      const { framing } = framed;
      cy.stop(true, false);
      if (glides()) glideTo(framing, framing, BOX_ANIMATION_MS, labels.settle);
      else frameAgain();
    }
    if (opened) reveal();
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
    // A hidden canvas (another view shown) has no size: the camera waits for it to come back.
    if (cy.width() === 0 || cy.height() === 0) return;
    const next = visibleSize();
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
    setObscured,
    reveal,
  };
}
