import { describe, expect, it } from 'vitest';
import { buildAnalysisModel, pairHistory } from '../../core/analysis';
import { toDay } from '../../core/dates';
import type { Dataset } from '../../core/schema';
import {
  labelPlace,
  precisionDays,
  stripBars,
  stripDomain,
  stripFraction,
  stripSegments,
} from './strip';

const dataset: Dataset = {
  title: 'strip',
  period: { from: '1990', until: '2020' },
  sources: [],
  actorTypes: [],
  relationKinds: [],
  events: [],
  actors: [
    { id: 'a', label: 'A', type: 'state' },
    { id: 'b', label: 'B', type: 'state' },
  ],
  relations: [
    {
      id: 'old',
      source: 'a',
      target: 'b',
      kind: 'alliance',
      from: '1980',
      until: '2000-06',
      evidence: [],
    },
    { id: 'now', source: 'b', target: 'a', kind: 'hostility', from: '2000-06-15', evidence: [] },
  ],
};
const model = buildAnalysisModel(dataset);
const history = pairHistory(model, 'a', 'b');
const { start, end } = model.index;

describe('pair strip geometry', () => {
  it('spans the whole period widened to the pair, or zooms to the pair', () => {
    expect(stripDomain(history, start, end, true)).toEqual({ start: toDay('1980'), end });
    const zoom = stripDomain(history, start, end, false);
    expect(zoom.start).toBeLessThan(toDay('1980'));
    expect(zoom.end).toBeGreaterThan(end); // open end: to the period's end, plus room
  });

  it('knows how long a written date is', () => {
    expect([precisionDays('2000'), precisionDays('2000-02'), precisionDays('2000-02-03')]).toEqual([
      366, 29, 0,
    ]);
    expect(precisionDays(undefined)).toBe(0);
  });

  it('places bars, coarse ends and open ends', () => {
    const dom = stripDomain(history, start, end, true);
    const [old, now] = stripBars(history, dom);
    expect(old!.relation.id).toBe('old');
    expect(old!.bar.left).toBe(0);
    expect(old!.fuzzyStart!.width).toBeCloseTo(366 / (dom.end - dom.start));
    expect(old!.fuzzyEnd!.left).toBeCloseTo(old!.bar.left + old!.bar.width);
    expect(now!.fuzzyStart).toBeNull(); // written to the day
    expect(now!.openEnd).toBe(true);
    expect(now!.bar.left + now!.bar.width).toBeCloseTo(1);
  });

  it('places segments of the net polarity', () => {
    const dom = stripDomain(history, start, end, true);
    const segs = stripSegments(history, dom);
    expect(segs.map((s) => s.segment.status)).toEqual(['positive', 'none', 'negative']);
    expect(segs.reduce((sum, s) => sum + s.span.width, 0)).toBeCloseTo(1);
    expect(stripFraction(dom.start - 1, dom)).toBeNull();
    expect(stripFraction(dom.end, dom)).toBe(1);
  });

  it('puts a label inside a bar when it fits, else beside it where there is room', () => {
    expect(labelPlace({ left: 0.1, width: 0.5 }, 60, 300)).toBe('inside');
    expect(labelPlace({ left: 0.1, width: 0.05 }, 60, 300)).toBe('after');
    expect(labelPlace({ left: 0.9, width: 0.05 }, 60, 300)).toBe('before');
  });
});
