import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetArb, probeDays } from '../../../tests/helpers/arbitraries';
import { toDay } from '../dates';
import { buildAnalysisModel } from './analysisModel';
import { pairHistory } from './pairHistory';
import { pairIndex } from './compiled';
import { snapshotAt } from './snapshot';
import { seedModel } from './testFixtures';
import type { Dataset } from '../schema';

const seed = seedModel();

describe('pairHistory on the seed', () => {
  it('shows Pakistan supporting the Taliban in three phases, then tension and hostility', () => {
    const h = pairHistory(seed, 'pakistan', 'afghan-taliban');
    expect(h.relations.map((r) => [r.kind, r.from, r.until, r.direction])).toEqual([
      ['support', '1994', '2001-09-19', 'a-to-b'],
      ['support', '2001-09-19', '2021-08-15', 'a-to-b'],
      ['support', '2021-08-15', '2022-04-16', 'a-to-b'],
      ['tension', '2022-04-16', undefined, 'undirected'],
      ['hostility', '2022-12-11', undefined, 'undirected'],
    ]);
    expect(h.relations[0]!.evidence.length).toBeGreaterThan(0);
    expect(h.relations[0]!.startDay).toBe(toDay('1994'));
    expect(h.relations[3]!.endDay).toBe(Infinity);
    expect(h.segments.map((s) => [s.status, s.from, s.until])).toEqual([
      ['positive', '1994', '2022-04-16'],
      ['negative', '2022-04-16', undefined],
    ]);
    expect(h.segments[1]!.relations).toEqual(['r-pak-taliban-tension', 'r-pak-taliban-hostility']);
  });

  it('reports direction relative to the pair as asked', () => {
    const h = pairHistory(seed, 'afghan-taliban', 'pakistan');
    expect(h.relations[0]!.direction).toBe('b-to-a');
  });

  it('is empty for actors never related, and throws on unknown actors', () => {
    expect(pairHistory(seed, 'ussr', 'ttp')).toMatchObject({ relations: [], segments: [] });
    expect(() => pairHistory(seed, 'pakistan', 'atlantis')).toThrow(/atlantis/);
  });
});

const pair = (relations: Dataset['relations']): Dataset => ({
  title: 't',
  sources: [],
  actorTypes: [],
  relationKinds: [],
  events: [],
  actors: [
    { id: 'a', label: 'A', type: 'state' },
    { id: 'b', label: 'B', type: 'state' },
  ],
  relations,
});
const rel = (id: string, kind: string, from?: string, until?: string) => ({
  id,
  source: 'a',
  target: 'b',
  kind,
  evidence: [],
  ...(from ? { from } : {}),
  ...(until ? { until } : {}),
});

describe('pair segments', () => {
  it('marks gaps, overlaps of both signs, and contact only', () => {
    const m = buildAnalysisModel(
      pair([
        rel('c', 'contact', '1990', '1992'),
        rel('s', 'alliance', '1992', '2000'),
        rel('h', 'hostility', '1998', '2001-06'),
        rel('t', 'tension', '2003'),
      ]),
    );
    expect(pairHistory(m, 'a', 'b').segments.map((s) => [s.status, s.from, s.until])).toEqual([
      ['neutral', '1990', '1992'],
      ['positive', '1992', '1998'],
      ['mixed', '1998', '2000'],
      ['negative', '2000', '2001-06'],
      ['none', '2001-06', '2003'],
      ['negative', '2003', undefined],
    ]);
  });

  it('agrees with the signed graph at every probe day (random datasets)', () => {
    fc.assert(
      fc.property(datasetArb, (d) => {
        const m = buildAnalysisModel(d);
        const [a, b] = [d.relations[0]?.source ?? 'a0', d.relations[0]?.target ?? 'a1'];
        const h = pairHistory(m, a, b);
        for (let i = 1; i < h.segments.length; i++) {
          expect(h.segments[i]!.startDay).toBe(h.segments[i - 1]!.endDay);
          expect(h.segments[i]!.status).not.toBe(h.segments[i - 1]!.status);
        }
        const p = pairIndex(snapshotAt(m, 0).compiled, a, b);
        const got: string[] = [];
        const want: string[] = [];
        for (const t of probeDays(d)) {
          const seg = h.segments.find((s) => s.startDay <= t && t < s.endDay);
          const st = snapshotAt(m, t).state;
          const active = p !== undefined && st.active(p);
          got.push(seg?.status ?? 'none');
          want.push(
            !active
              ? 'none'
              : st.mixed(p)
                ? 'mixed'
                : st.pos[p]! > 0
                  ? 'positive'
                  : st.neg[p]! > 0
                    ? 'negative'
                    : 'neutral',
          );
        }
        expect(got).toEqual(want);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
