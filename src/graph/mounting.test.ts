/**
 * A large graph mounted in slices, on a headless Cytoscape with animation frames run by hand:
 * new positions arriving mid-mount (a refined layout) move what is mounted and what is still to
 * come, without mounting everything in one task.
 */
import cytoscape from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildExplorerModel } from '../core/explorer-model';
import type { Point } from '../core/layout';
import { generateSyntheticDataset } from '../core/synthetic';
import { windowSpan } from '../core/temporal';
import { createCamera } from './camera';
import { actorIdOf } from './elements';
import { createEmphasis } from './emphasis';
import { createLabels } from './labels';
import { initialElements, mountInSlices } from './mounting';
import { createRelations } from './relations';
import { createViewState } from './viewState';

const frames: (() => void)[] = [];
vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
afterEach(() => void frames.splice(0));

const runFrame = () => frames.shift()?.();

function largeView() {
  const dataset = generateSyntheticDataset({ actors: 300, relations: 600, seed: 7 });
  const grid = new Map(dataset.actors.map((a, i) => [a.id, { x: (i % 20) * 50, y: i * 3 }]));
  const model = buildExplorerModel(dataset, grid);
  const day = model.index.end;
  const span = windowSpan(day, 0);
  const initial = initialElements(model, span, false);
  const { alive } = initial;
  const cy = cytoscape({ headless: true, elements: [] });
  const container = null as unknown as HTMLElement; // mounting and positions never touch the page
  const state = createViewState({
    ...{ cy, container, model, large: true, reducedMotion: true },
    ...{ day, windowMonths: 0, span, alive },
  });
  const relations = createRelations(state);
  const emphasis = createEmphasis(state, relations);
  const slices = mountInSlices(state, initial.nodes, relations, emphasis);
  const camera = createCamera(
    state,
    slices,
    createLabels(state, emphasis, () => {}),
  );
  return { model, cy, slices, camera };
}

const positionsOf = (cy: cytoscape.Core) =>
  new Map(cy.nodes().map((n) => [actorIdOf(n.id()), { ...n.position() }]));

describe('a large graph mounted in slices', () => {
  it('mounts a few actors per frame, not all at once', () => {
    const { cy, slices } = largeView();
    runFrame();
    expect(cy.nodes().length).toBeGreaterThan(0);
    expect(cy.nodes().length).toBeLessThan(100);
    expect(slices.done).toBe(false);
  });

  it('moves mounted and still-waiting actors to positions that arrive mid-mount', () => {
    const { model, cy, slices, camera } = largeView();
    runFrame();
    const mountedBefore = cy.nodes().length;
    const moved = new Map<string, Point>(
      model.dataset.actors.map((a, i) => [a.id, { x: 1000 + i, y: -i }]),
    );
    camera.setPositions(moved, false);

    expect(slices.done).toBe(false); // the mount carries on a slice per frame
    expect(cy.nodes().length).toBe(mountedBefore);
    while (frames.length > 0) runFrame();
    expect(slices.done).toBe(true);
    const shown = positionsOf(cy);
    expect(shown.size).toBe(model.dataset.actors.length);
    for (const [id, p] of moved) expect(shown.get(id)).toEqual(p);
  });
});
