import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { computeLayout, type Point } from '../core/layout';
import { radialLayout, ringsLayout } from '../core/layouts';
import type { Dataset } from '../core/schema';
import { resolveVocabulary } from '../core/vocabulary';
import { loadDataset, rememberPositions, select, setLayout, useStore } from './store';

const seed = JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as Dataset;
const force = computeLayout(seed);
const positions = () => new Map(useStore.getState().model!.positions);
const at = (id: string): Point => ({ ...useStore.getState().model!.positions.get(id)! });

describe('the chosen layout', () => {
  beforeEach(() => loadDataset(seed, 'layout-test', force));

  it('arranges the model’s positions (what the canvas and the exports draw) and back', () => {
    expect(useStore.getState().layout).toBe('force');
    const before = useStore.getState().arrangement;
    setLayout('rings');
    expect(useStore.getState().arrangement).toBe(before + 1);
    const order = [...resolveVocabulary(seed).actorTypes.keys()];
    expect(positions()).toEqual(ringsLayout(seed, order));
    setLayout('force');
    expect(positions()).toEqual(force);
  });

  it('radial centres on the selected actor, and follows the selection', () => {
    select({ kind: 'actor', id: 'isi' });
    setLayout('radial');
    expect(positions()).toEqual(radialLayout(seed, 'isi'));
    select({ kind: 'actor', id: 'india' });
    expect(at('india')).toEqual({ x: 0, y: 0 });
    // A relation selected, or none: the most connected actor.
    select(null);
    expect(positions()).toEqual(radialLayout(seed, null));
  });

  it('keeps drags in the force-directed layout only', () => {
    rememberPositions(new Map([['isi', { x: 5000, y: 5000 }]]));
    setLayout('hierarchy');
    rememberPositions(new Map([['india', { x: -7000, y: 7000 }]]));
    // The drag shows (and exports) until the layout is arranged again ...
    expect(at('india')).toEqual({ x: -7000, y: 7000 });
    setLayout('force');
    // ... but the force-directed picture keeps its own drags, not the hierarchy's.
    expect(at('isi')).toEqual({ x: 5000, y: 5000 });
    expect(at('india')).toEqual(force.get('india'));
  });
});
