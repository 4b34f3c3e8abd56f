import { beforeEach, describe, expect, it } from 'vitest';
import { formatDay, toDay } from '../core/dates';
import type { Dataset } from '../core/schema';
import {
  addMonths,
  advancePlayback,
  jumpToStart,
  loadDataset,
  play,
  selectEvent,
  setDay,
  setLoop,
  setSpeed,
  stepEvent,
  stepMonths,
  toggleKind,
  useStore,
} from './store';

const dataset: Dataset = {
  title: 'store test',
  period: { from: '2000', until: '2010' },
  sources: [],
  actorTypes: [],
  relationKinds: [],
  actors: [
    { id: 'a', label: 'A', type: 'state' },
    { id: 'b', label: 'B', type: 'state' },
  ],
  relations: [{ id: 'r', source: 'a', target: 'b', kind: 'alliance', from: '2003', evidence: [] }],
  events: [
    { id: 'e2', date: '2005-06-15', title: 'Two', actors: [], evidence: [] },
    { id: 'e1', date: '2002', title: 'One', actors: [], evidence: [] },
  ],
};

const date = () => formatDay(useStore.getState().day);

describe('store actions', () => {
  beforeEach(() => loadDataset(dataset));

  it('opens at the end of the period, and clamps days to it', () => {
    expect(date()).toBe('2010-01-01');
    setDay(toDay('1990'));
    expect(date()).toBe('2000-01-01');
  });

  it('adds calendar months, keeping the day where the month has it', () => {
    expect(formatDay(addMonths(toDay('2021-01-31'), 1))).toBe('2021-02-28');
    expect(formatDay(addMonths(toDay('2024-01-31'), 1))).toBe('2024-02-29');
    expect(formatDay(addMonths(toDay('2021-03-15'), -3))).toBe('2020-12-15');
    expect(formatDay(addMonths(toDay('2021-03-15'), 12))).toBe('2022-03-15');
    setDay(toDay('2004-05-20'));
    stepMonths(1);
    expect(date()).toBe('2004-06-20');
  });

  it('steps exactly onto event dates, in both directions', () => {
    jumpToStart();
    stepEvent(1);
    expect(date()).toBe('2002-01-01');
    stepEvent(1);
    expect(date()).toBe('2005-06-15');
    stepEvent(1);
    expect(date()).toBe('2005-06-15'); // no later event
    stepEvent(-1);
    expect(date()).toBe('2002-01-01');
  });

  it('plays by wall time, stops at the end, or loops', () => {
    jumpToStart();
    setSpeed(365.25);
    play();
    advancePlayback(1);
    expect(date()).toBe('2000-12-31');
    advancePlayback(100);
    expect(useStore.getState()).toMatchObject({ playing: false });
    expect(date()).toBe('2010-01-01');
    setLoop(true);
    play(); // from the end: starts over
    expect(date()).toBe('2000-01-01');
    advancePlayback(100);
    expect(date()).toBe('2000-01-01');
    expect(useStore.getState().playing).toBe(true);
  });

  it('selecting an event moves time to it and pauses', () => {
    play();
    selectEvent('e2');
    expect(useStore.getState()).toMatchObject({
      selection: { kind: 'event', id: 'e2' },
      playing: false,
    });
    expect(date()).toBe('2005-06-15');
  });

  it('toggles filters as sorted id lists', () => {
    toggleKind('tension');
    toggleKind('alliance');
    expect(useStore.getState().hiddenKinds).toEqual(['alliance', 'tension']);
    toggleKind('tension');
    expect(useStore.getState().hiddenKinds).toEqual(['alliance']);
  });
});
