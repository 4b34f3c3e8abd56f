/**
 * The camera following the canvas's size, on a headless Cytoscape whose size the test sets: a
 * picture still framed as the app framed it (a fit, a story step's box) is framed again for the
 * new size; once the camera was moved otherwise, its zoom and centre stay. And a phone's bottom
 * sheet over the canvas: the camera frames into the part still in sight.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import { buildExplorerModel } from '../core/explorer-model';
import type { Point } from '../core/layout';
import type { Size } from '../core/render/viewport';
import { generateSyntheticDataset } from '../core/synthetic';
import { windowSpan } from '../core/temporal';
import { tokens } from '../core/tokens';
import { createCamera } from './camera';
import { actorIdOf } from './elements';
import { createEmphasis } from './emphasis';
import { createLabels } from './labels';
import { initialElements } from './mounting';
import { createRelations } from './relations';
import { viewOptions } from './style';
import { createViewState } from './viewState';

const PHONE: Size = { width: 390, height: 844 };
const PHONE_SIDEWAYS: Size = { width: 844, height: 390 };
const RADIUS = (tokens.size.node + tokens.size.nodeBorder) / 2;

/**
 * A small graph (actors on a wide grid) in a canvas of the size `canvas` holds, its first frame
 * drawn unless `drawn` is false (a page's start, before it); with `large`, set up as a large
 * graph is (style.ts `isLargeGraph`).
 */
function smallView(canvas: Size, { drawn = true, large = false } = {}) {
  const dataset = generateSyntheticDataset({ actors: 24, relations: 30, seed: 11 });
  const grid = new Map(
    dataset.actors.map((a, i) => [a.id, { x: (i % 6) * 120, y: (i >> 2) * 90 }]),
  );
  const model = buildExplorerModel(dataset, grid);
  const day = model.index.end;
  const span = windowSpan(day, 0);
  const initial = initialElements(model, span, true);
  // The app's options: the preset layout keeps the grid (Cytoscape's default puts every actor
  // at the origin), and its zoom limits bound the fits.
  const cy = cytoscape({
    headless: true,
    elements: [...initial.nodes, ...initial.relations],
    ...viewOptions(large),
  });
  // Headless Cytoscape has no container to measure: its size is the test's.
  vi.spyOn(cy, 'width').mockImplementation(() => canvas.width);
  vi.spyOn(cy, 'height').mockImplementation(() => canvas.height);
  const container = null as unknown as HTMLElement; // the camera never touches the page
  const state = createViewState({
    ...{ cy, container, model, large, reducedMotion: true },
    ...{ day, windowMonths: 0, span, alive: initial.alive },
  });
  const emphasis = createEmphasis(state, createRelations(state));
  const camera = createCamera(
    state,
    null,
    createLabels(state, emphasis, () => {}),
  );
  if (drawn) cy.emit('render'); // what Cytoscape's renderer says after each frame
  return { cy, camera, state };
}

const viewportOf = (cy: cytoscape.Core) => ({ zoom: cy.zoom(), pan: { ...cy.pan() } });

/** The graph point at the canvas's centre. */
const centreOf = (cy: cytoscape.Core): Point => ({
  x: (cy.width() / 2 - cy.pan().x) / cy.zoom(),
  y: (cy.height() / 2 - cy.pan().y) / cy.zoom(),
});

/** Actors whose symbol reaches outside the canvas, by id. */
const actorsOutside = (cy: cytoscape.Core) =>
  cy
    .nodes()
    .filter((n) => {
      const p = n.renderedPosition();
      const r = RADIUS * cy.zoom();
      return p.x - r < 0 || p.y - r < 0 || p.x + r > cy.width() || p.y + r > cy.height();
    })
    .map((n) => n.id());

function resize(canvas: Size, to: Size) {
  canvas.width = to.width;
  canvas.height = to.height;
}

describe('the camera follows the canvas’s size', () => {
  it('fits the graph again when the fitted canvas turns sideways', () => {
    const canvas = { ...PHONE };
    const { cy, camera } = smallView(canvas);
    camera.fit();
    const upright = viewportOf(cy);
    resize(canvas, PHONE_SIDEWAYS);
    camera.followSize();

    expect(actorsOutside(cy)).toEqual([]);
    const followed = viewportOf(cy);
    expect(followed.zoom).not.toBeCloseTo(upright.zoom); // a wide canvas: another zoom
    camera.fit(); // the fit a user would get by pressing Fit now
    expect(followed.zoom).toBeCloseTo(cy.zoom());
    expect(followed.pan.x).toBeCloseTo(cy.pan().x);
    expect(followed.pan.y).toBeCloseTo(cy.pan().y);
  });

  it('keeps the centre and zoom once the user zoomed and panned, and never refits', () => {
    const canvas = { ...PHONE };
    const { cy, camera } = smallView(canvas);
    camera.fit();
    // A pinch zoom about a point, then a drag: what Cytoscape does for the gestures.
    cy.zoom({ level: cy.zoom() * 1.8, renderedPosition: { x: 120, y: 300 } });
    cy.panBy({ x: -40, y: 25 });
    const zoom = cy.zoom();
    const centre = centreOf(cy);

    resize(canvas, PHONE_SIDEWAYS);
    camera.followSize();
    expect(cy.zoom()).toBe(zoom);
    expect(centreOf(cy).x).toBeCloseTo(centre.x);
    expect(centreOf(cy).y).toBeCloseTo(centre.y);

    resize(canvas, PHONE); // and back: still where the user put it
    camera.followSize();
    expect(cy.zoom()).toBe(zoom);
    expect(centreOf(cy).x).toBeCloseTo(centre.x);
    expect(centreOf(cy).y).toBeCloseTo(centre.y);
  });

  it('keeps a focused selection at the centre: focusing is a move of the user’s', () => {
    const canvas = { ...PHONE };
    const { cy, camera } = smallView(canvas);
    camera.fit();
    camera.focus({ kind: 'actor', id: actorIdOf(cy.nodes()[5]!.id()) });
    const centre = centreOf(cy);
    const zoom = cy.zoom();
    resize(canvas, PHONE_SIDEWAYS);
    camera.followSize();
    expect(cy.zoom()).toBe(zoom);
    expect(centreOf(cy).x).toBeCloseTo(centre.x);
    expect(centreOf(cy).y).toBeCloseTo(centre.y);
  });

  it('shows a story step’s box whole again at the new size', () => {
    const canvas = { ...PHONE };
    const { cy, camera } = smallView(canvas);
    const box = { x1: 100, y1: 50, x2: 500, y2: 250 };
    camera.showBox(box, false);
    resize(canvas, PHONE_SIDEWAYS);
    camera.followSize();
    const corner = (x: number, y: number) => ({
      x: cy.pan().x + x * cy.zoom(),
      y: cy.pan().y + y * cy.zoom(),
    });
    const [topLeft, bottomRight] = [corner(box.x1, box.y1), corner(box.x2, box.y2)];
    // The box fills the short side (the height) and is centred.
    expect(topLeft.y).toBeCloseTo(0);
    expect(bottomRight.y).toBeCloseTo(PHONE_SIDEWAYS.height);
    expect((topLeft.x + bottomRight.x) / 2).toBeCloseTo(PHONE_SIDEWAYS.width / 2);
  });

  it('waits while the canvas is hidden, then fits it again', () => {
    const canvas = { ...PHONE };
    const { cy, camera } = smallView(canvas);
    camera.fit();
    const fitted = viewportOf(cy);
    resize(canvas, { width: 0, height: 0 }); // another view shown: the canvas has no size
    camera.followSize();
    expect(viewportOf(cy)).toEqual(fitted);
    resize(canvas, PHONE_SIDEWAYS);
    camera.followSize();
    const followed = viewportOf(cy);
    camera.fit();
    expect(followed.zoom).toBeCloseTo(cy.zoom());
    expect(followed.pan.x).toBeCloseTo(cy.pan().x);
  });

  it('frames again (labels of another size) only while the camera is as it was fitted', () => {
    const canvas = { ...PHONE };
    const { cy, camera } = smallView(canvas);
    camera.fit();
    cy.panBy({ x: 30, y: 0 });
    const moved = viewportOf(cy);
    resize(canvas, PHONE_SIDEWAYS); // the size the next fit would see
    camera.reframe();
    expect(viewportOf(cy)).toEqual(moved);

    camera.fit();
    const fitted = viewportOf(cy);
    resize(canvas, PHONE);
    camera.reframe();
    expect(cy.zoom()).not.toBeCloseTo(fitted.zoom);
    expect(actorsOutside(cy)).toEqual([]);
  });
});

/** A phone's details sheet over the canvas's lower 45%, as the app lays it out at 390x844. */
const SHEET = { bottom: Math.round(PHONE.height * 0.45) };
const LEGIBLE_ZOOM = tokens.phoneLabelMinPx / tokens.size.label;

/** Actors whose symbol reaches outside the part of the canvas above the sheet, by id. */
const actorsHidden = (cy: cytoscape.Core, nodes = cy.nodes()) =>
  nodes
    .filter((n) => {
      const p = n.renderedPosition();
      const r = RADIUS * cy.zoom();
      const bottom = cy.height() - SHEET.bottom;
      return p.x - r < 0 || p.y - r < 0 || p.x + r > cy.width() || p.y + r > bottom;
    })
    .map((n) => n.id());

/** The drawn actor lowest on the canvas, and those its relations lead to. */
function lowestActor(cy: cytoscape.Core) {
  const node = cy
    .nodes()
    .filter((n) => n.degree(false) > 0)
    .max((n) => (n as cytoscape.NodeSingular).renderedPosition().y).ele as cytoscape.NodeSingular;
  return { node, counterparts: node.neighborhood().nodes().union(node) };
}

/** The actor whose counterparts lie furthest apart. */
function mostSpreadActor(cy: cytoscape.Core) {
  const spread = (n: cytoscape.NodeSingular) => {
    const at = n
      .closedNeighborhood()
      .nodes()
      .map((m) => m.position());
    const extent = (axis: 'x' | 'y') =>
      Math.max(...at.map((p) => p[axis])) - Math.min(...at.map((p) => p[axis]));
    return extent('x') + extent('y');
  };
  return cy.nodes().max(spread).ele as cytoscape.NodeSingular;
}

describe('a fit', () => {
  it.each([false, true])(
    'shows the whole graph however far it must zoom out (large: %s)',
    (large) => {
      // Wider than this canvas at the zoom that was the floor (0.1), as the UCDP example's
      // 1,000 actors are on a phone.
      const { cy, camera } = smallView({ width: 80, height: 100 }, { large });
      camera.fit();
      expect(cy.zoom()).toBeLessThan(0.1);
      expect(actorsOutside(cy)).toEqual([]);
    },
  );
});

describe('a bottom sheet over the canvas (a phone)', () => {
  it('fits, and shows a story step’s box, in the part above the sheet', () => {
    const canvas = { ...PHONE };
    const { cy, camera } = smallView(canvas);
    camera.setObscured(SHEET);
    camera.fit();
    expect(actorsHidden(cy)).toEqual([]);
    const lowest = Math.max(...cy.nodes().map((n) => n.renderedPosition().y));
    expect(lowest).toBeLessThan(PHONE.height - SHEET.bottom);

    const box = { x1: 100, y1: 50, x2: 500, y2: 250 };
    camera.showBox(box, false);
    const visibleHeight = PHONE.height - SHEET.bottom;
    const top = cy.pan().y + box.y1 * cy.zoom();
    const bottom = cy.pan().y + box.y2 * cy.zoom();
    expect(top).toBeGreaterThanOrEqual(-0.5);
    expect(bottom).toBeLessThanOrEqual(visibleHeight + 0.5);
    expect((top + bottom) / 2).toBeCloseTo(visibleHeight / 2);
  });

  it('refits a fitted picture into the part left in sight when a sheet opens with no selection', () => {
    const canvas = { ...PHONE };
    const { cy, camera } = smallView(canvas);
    camera.fit();
    expect(actorsHidden(cy)).not.toEqual([]); // fitted to the whole canvas: some lie under it
    camera.setObscured(SHEET);
    expect(actorsHidden(cy)).toEqual([]);
  });

  it('frames a fitted picture out to the whole canvas when the sheet closes with no selection', () => {
    const { cy, camera } = smallView({ ...PHONE });
    camera.setObscured(SHEET);
    camera.fit(); // above the sheet
    const above = viewportOf(cy);
    camera.setObscured({ bottom: 0 });
    const uncovered = smallView({ ...PHONE });
    uncovered.camera.fit();
    expect(cy.zoom()).toBeCloseTo(uncovered.cy.zoom());
    expect(cy.pan().y).toBeCloseTo(uncovered.cy.pan().y);
    expect(cy.pan().y).not.toBeCloseTo(above.pan.y);
    // A camera the user moved stays where it is.
    camera.setObscured(SHEET);
    cy.panBy({ x: 30, y: 0 });
    const moved = viewportOf(cy);
    camera.setObscured({ bottom: 0 });
    expect(viewportOf(cy)).toEqual(moved);
  });

  it('brings a selection under the sheet, and its counterparts, into sight', () => {
    const canvas = { ...PHONE };
    const { cy, camera, state } = smallView(canvas);
    camera.fit();
    const { node, counterparts } = lowestActor(cy);
    expect(actorsHidden(cy, node)).toEqual([node.id()]);
    state.selection = { kind: 'actor', id: actorIdOf(node.id()) };
    const zoom = cy.zoom();
    camera.setObscured(SHEET);
    expect(actorsHidden(cy, counterparts)).toEqual([]);
    expect(cy.zoom()).toBeLessThanOrEqual(zoom); // never zoomed in
    expect(cy.zoom()).toBeGreaterThanOrEqual(Math.min(zoom, LEGIBLE_ZOOM));
  });

  it('fits above a sheet open at the page’s start, before the first frame', () => {
    const canvas = { ...PHONE };
    const { cy, camera, state } = smallView(canvas, { drawn: false });
    camera.fit();
    state.selection = { kind: 'actor', id: actorIdOf(mostSpreadActor(cy).id()) };
    camera.setObscured(SHEET); // the details sheet of a link to a selection
    expect(actorsHidden(cy)).toEqual([]); // the whole graph, as a fit that knew of the sheet
    const refitted = viewportOf(cy);
    camera.fit();
    expect(cy.zoom()).toBeCloseTo(refitted.zoom);
    expect(cy.pan().y).toBeCloseTo(refitted.pan.y);
  });

  it('moves nothing when the selection is in sight, or when the sheet closes', () => {
    const canvas = { ...PHONE };
    const { cy, camera, state } = smallView(canvas);
    camera.setObscured(SHEET);
    camera.fit(); // everything above the sheet
    const fitted = viewportOf(cy);
    state.selection = { kind: 'actor', id: actorIdOf(lowestActor(cy).node.id()) };
    camera.reveal();
    expect(viewportOf(cy)).toEqual(fitted);
    camera.setObscured({ bottom: 0 });
    expect(viewportOf(cy)).toEqual(fitted);
    camera.fit(); // Fit then uses the whole canvas again, as if no sheet had ever opened
    const uncovered = smallView({ ...PHONE });
    uncovered.camera.fit();
    expect(cy.zoom()).toBeCloseTo(uncovered.cy.zoom());
    expect(cy.pan().y).toBeCloseTo(uncovered.cy.pan().y);
    expect(cy.pan().y).not.toBeCloseTo(fitted.pan.y);
  });

  it('keeps a zoomed-in camera legible: zooms out no further than labels’ own size', () => {
    const canvas = { ...PHONE };
    const { cy, camera, state } = smallView(canvas);
    camera.fit();
    const node = mostSpreadActor(cy);

    // The user zoomed in far on the actor, then selected it: its counterparts are off screen.
    cy.zoom({ level: 3, renderedPosition: node.renderedPosition() });
    cy.panBy({ x: 0, y: PHONE.height - SHEET.bottom + 60 - node.renderedPosition().y });
    state.selection = { kind: 'actor', id: actorIdOf(node.id()) };
    camera.setObscured(SHEET);
    expect(cy.zoom()).toBeGreaterThanOrEqual(LEGIBLE_ZOOM);
    expect(cy.zoom()).toBeLessThan(3);
    expect(actorsHidden(cy, node)).toEqual([]);
  });

  it('centres a focused selection in the part above the sheet', () => {
    const canvas = { ...PHONE };
    const { cy, camera } = smallView(canvas);
    camera.setObscured(SHEET);
    camera.fit();
    const node = cy.nodes()[7]!;
    camera.focus({ kind: 'actor', id: actorIdOf(node.id()) });
    expect(node.renderedPosition().x).toBeCloseTo(PHONE.width / 2);
    expect(node.renderedPosition().y).toBeCloseTo((PHONE.height - SHEET.bottom) / 2);
  });

  it('never moves the camera for a selection when nothing covers the canvas (a desktop)', () => {
    const canvas = { ...PHONE };
    const { cy, camera, state } = smallView(canvas);
    camera.fit();
    cy.zoom({ level: 3, renderedPosition: { x: 0, y: 0 } }); // most actors off screen
    const moved = viewportOf(cy);
    state.selection = { kind: 'actor', id: actorIdOf(lowestActor(cy).node.id()) };
    camera.reveal();
    camera.setObscured({ bottom: 0 });
    expect(viewportOf(cy)).toEqual(moved);
  });
});
