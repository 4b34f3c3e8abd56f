import { beforeEach, describe, expect, it } from 'vitest';
import { formatDay, toDay } from '../../core/dates';
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../core/schema';
import {
  closeAnalysis,
  compareWith,
  loadDataset,
  openAnalysis,
  select,
  setCompareDays,
  setDay,
  useStore,
} from '../../store/store';

const seedDataset = () => JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as Dataset;
const analysis = () => useStore.getState().analysis;

describe('analysis state in the store', () => {
  beforeEach(() => loadDataset(seedDataset()));

  it('opens compare dates on the five years up to the shown day', () => {
    setDay(toDay('2021-09-04'));
    openAnalysis('compare');
    const { t1, t2 } = analysis().compare!;
    expect([formatDay(t1), formatDay(t2)]).toEqual(['2016-09-04', '2021-09-04']);
    setCompareDays(toDay('1900'), toDay('2020'));
    expect(formatDay(analysis().compare!.t1)).toBe(
      formatDay(useStore.getState().model!.index.start),
    );
  });

  it('looks forward from near the start', () => {
    setDay(useStore.getState().model!.index.start);
    openAnalysis('compare');
    const { t1, t2 } = analysis().compare!;
    expect(t2).toBeGreaterThan(t1);
  });

  it('starts pair history from the selected actor; "compare with" waits for the second', () => {
    select({ kind: 'actor', id: 'pakistan' });
    openAnalysis('pair');
    expect(analysis()).toMatchObject({ open: true, tab: 'pair', pairA: 'pakistan', pairB: null });
    compareWith('india');
    expect(analysis()).toMatchObject({ pairA: 'india', pairB: null });
    closeAnalysis();
    expect(analysis().open).toBe(false);
  });

  it('resets when a dataset loads', () => {
    openAnalysis('balance');
    loadDataset(seedDataset());
    expect(analysis().open).toBe(false);
  });
});
