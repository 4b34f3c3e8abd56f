/**
 * A big dataset is first shown in a quick layout; the refined one arrives later from the
 * worker (`refinePositions`). Actors never move while time plays: the refined positions wait
 * for the pause. Positions the user dragged stay.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Point } from '../core/layout';
import type { Dataset } from '../core/schema';
import {
  loadDataset,
  pause,
  play,
  refinePositions,
  rememberPositions,
  setLayout,
  useStore,
} from './store';

const dataset: Dataset = {
  title: 'refine test',
  period: { from: '2000', until: '2010' },
  sources: [],
  actorTypes: [],
  relationKinds: [],
  actors: [
    { id: 'a', label: 'A', type: 'state' },
    { id: 'b', label: 'B', type: 'state' },
    { id: 'c', label: 'C', type: 'state' },
  ],
  relations: [
    { id: 'r', source: 'a', target: 'b', kind: 'alliance', from: '2003', evidence: [] },
    { id: 's', source: 'b', target: 'c', kind: 'hostility', from: '2004', evidence: [] },
  ],
  events: [],
};

const quick = new Map<string, Point>([
  ['a', { x: 0, y: 0 }],
  ['b', { x: 10, y: 0 }],
  ['c', { x: 20, y: 0 }],
]);
const refined = new Map<string, Point>([
  ['a', { x: -100, y: 50 }],
  ['b', { x: 0, y: -80 }],
  ['c', { x: 100, y: 50 }],
]);

const shown = () => new Map(useStore.getState().model!.positions);
const arrangement = () => useStore.getState().arrangement;

describe('refinePositions', () => {
  beforeEach(() => {
    // Node has no localStorage; dragged positions are kept there (persistence.ts).
    const kept = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => kept.get(key) ?? null,
      setItem: (key: string, value: string) => void kept.set(key, value),
      removeItem: (key: string) => void kept.delete(key),
    });
    loadDataset(dataset, 'refine-test', quick);
  });

  it('moves actors to the refined layout at once when time is not playing', () => {
    const before = arrangement();
    refinePositions(useStore.getState().model!, { quick, refined });
    expect(shown()).toEqual(refined);
    expect(arrangement()).toBe(before + 1); // the graph glides there
  });

  it('holds the refined layout while time plays, and applies it on pause', () => {
    play();
    const before = arrangement();
    refinePositions(useStore.getState().model!, { quick, refined });
    expect(shown()).toEqual(quick);
    expect(arrangement()).toBe(before);
    expect(useStore.getState().layoutRefinement).toBe('held');
    pause();
    expect(useStore.getState().layoutRefinement).toBeNull();
    expect(shown()).toEqual(refined);
    expect(arrangement()).toBe(before + 1);
  });

  it('keeps where the user dragged an actor', () => {
    rememberPositions(new Map([['b', { x: 7, y: 7 }]]));
    refinePositions(useStore.getState().model!, { quick, refined });
    expect(shown().get('b')).toEqual({ x: 7, y: 7 });
    expect(shown().get('a')).toEqual(refined.get('a'));
  });

  it('only updates the force-directed positions while another layout is on screen', () => {
    setLayout('rings');
    const arranged = shown();
    refinePositions(useStore.getState().model!, { quick, refined });
    expect(shown()).toEqual(arranged);
    setLayout('force');
    expect(shown()).toEqual(refined);
  });

  it('is dropped when another dataset was opened before it arrived', () => {
    const first = useStore.getState().model!;
    play();
    refinePositions(first, { quick, refined });
    loadDataset(dataset, 'another', quick);
    pause();
    expect(shown()).toEqual(quick);
  });
});
