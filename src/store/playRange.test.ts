import { beforeEach, describe, expect, it } from 'vitest';
import { toDay } from '../core/dates';
import type { Dataset } from '../core/schema';
import {
  advancePlayback,
  clearPlayRange,
  loadDataset,
  play,
  setDay,
  setLoop,
  setPlayRange,
  setSpeed,
  setTimeWindow,
  useStore,
} from './store';

const dataset: Dataset = {
  title: 'play range test',
  period: { from: '1900', until: '2100' },
  sources: [],
  actorTypes: [],
  relationKinds: [],
  actors: [{ id: 'a', label: 'A', type: 'state' }],
  relations: [],
  events: [],
};

const state = () => useStore.getState();

describe('play range', () => {
  beforeEach(() => {
    loadDataset(dataset);
    setSpeed(365.25);
  });

  it('plays from the range start when the day is outside it, and stops at its end', () => {
    setPlayRange(toDay('2000'), toDay('2010'));
    setDay(toDay('1950'));
    play();
    expect(state().day).toBe(toDay('2000'));
    for (let i = 0; i < 200; i++) advancePlayback(0.1);
    expect(state().playing).toBe(false);
    expect(state().day).toBe(toDay('2010'));
  });

  it('loops within the range, never leaving it', () => {
    setPlayRange(toDay('2010'), toDay('2000')); // either order
    setLoop(true);
    setDay(toDay('2005'));
    play();
    expect(state().day).toBe(toDay('2005')); // inside: playing goes on from there
    const seen: number[] = [];
    for (let i = 0; i < 600; i++) {
      advancePlayback(1 / 60);
      seen.push(state().day);
    }
    expect(state().playing).toBe(true);
    expect(Math.min(...seen)).toBe(toDay('2000'));
    expect(Math.max(...seen)).toBeLessThan(toDay('2010'));
  });

  it('is cleared by the whole period or a reset, and clamped to the period', () => {
    setPlayRange(toDay('1800'), toDay('2050'));
    expect(state().playRange).toEqual({ from: toDay('1900'), to: toDay('2050') });
    setPlayRange(toDay('1900'), toDay('2100'));
    expect(state().playRange).toBeNull();
    setPlayRange(toDay('2000'), toDay('2001'));
    clearPlayRange();
    expect(state().playRange).toBeNull();
  });

  it('keeps only whole positive windows', () => {
    setTimeWindow(60);
    expect(state().timeWindow).toBe(60);
    setTimeWindow(-3);
    expect(state().timeWindow).toBe(0);
    setTimeWindow(2.5);
    expect(state().timeWindow).toBe(0);
  });
});
