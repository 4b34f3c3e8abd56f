/**
 * The camera following the canvas's size, on a headless Cytoscape whose size the test sets: a
 * picture still framed as the app framed it (a fit, a story step's box) is framed again for the
 * new size; once the camera was moved otherwise, its zoom and centre stay.
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
import { createViewState } from './viewState';

const PHONE: Size = { width: 390, height: 844 };
const PHONE_SIDEWAYS: Size = { width: 844, height: 390 };
const RADIUS = (tokens.size.node + tokens.size.nodeBorder) / 2;

/** A small graph (actors on a wide grid) in a canvas of the size `canvas` holds. */
function smallView(canvas: Size) {
  const dataset = generateSyntheticDataset({ actors: 24, relations: 30, seed: 11 });
  const grid = new Map(
    dataset.actors.map((a, i) => [a.id, { x: (i % 6) * 120, y: (i >> 2) * 90 }]),
  );
  const model = buildExplorerModel(dataset, grid);
  const day = model.index.end;
  const span = windowSpan(day, 0);
  const initial = initialElements(model, span, true);
  const cy = cytoscape({ headless: true, elements: [...initial.nodes, ...initial.relations] });
  // Headless Cytoscape has no container to measure: its size is the test's.
  vi.spyOn(cy, 'width').mockImplementation(() => canvas.width);
  vi.spyOn(cy, 'height').mockImplementation(() => canvas.height);
  const container = null as unknown as HTMLElement; // the camera never touches the page
  const state = createViewState({
    ...{ cy, container, model, large: false, reducedMotion: true },
    ...{ day, windowMonths: 0, span, alive: initial.alive },
  });
  const emphasis = createEmphasis(state, createRelations(state));
  const camera = createCamera(
    state,
    null,
    createLabels(state, emphasis, () => {}),
  );
  return { cy, camera };
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
