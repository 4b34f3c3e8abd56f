import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetArb, probeDays } from '../../tests/helpers/arbitraries';
import { endDay, startDay, toDay } from './dates';
import type { Dataset } from './schema';
import { buildIndex, shownSpan, type TimeSpan } from './temporal';
import { resolveVocabulary } from './vocabulary';

/** The obvious, slow answers the index must agree with. */
const naive = {
  active: (from: string | undefined, until: string | undefined, t: number) =>
    startDay(from) <= t && t < endDay(until),
  state(d: Dataset, t: number) {
    return {
      actors: d.actors
        .filter((a) => this.active(a.from, a.until, t))
        .map((a) => a.id)
        .sort(),
      relations: d.relations
        .filter((r) => this.active(r.from, r.until, t))
        .map((r) => r.id)
        .sort(),
    };
  },
};

const sorted = (xs: string[]) => [...xs].sort();

/** Items active at some time in [from, until), by a full scan. */
const naiveDuring = (d: Dataset, span: TimeSpan) => {
  const meets = (x: { from?: string; until?: string }) => {
    const [s, e] = [startDay(x.from), endDay(x.until)];
    return s < e && s < span.until && e > span.from;
  };
  return {
    actors: d.actors
      .filter(meets)
      .map((a) => a.id)
      .sort(),
    relations: d.relations
      .filter(meets)
      .map((r) => r.id)
      .sort(),
  };
};

/** A window ending at a probe day: `width` days before it (0: the day alone). */
const spanArb = fc.record({ at: fc.nat(), width: fc.constantFrom(0, 1, 30, 365, 1826, 5000) });

describe('TemporalIndex', () => {
  it('stateAt equals a full scan, at every boundary and around it', () => {
    fc.assert(
      fc.property(datasetArb, (d) => {
        const index = buildIndex(d);
        for (const t of probeDays(d)) {
          const s = index.stateAt(t);
          expect({ actors: sorted(s.actors), relations: sorted(s.relations) }).toEqual(
            naive.state(d, t),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('diff(t1, t2) turns the state at t1 into the state at t2, in either direction', () => {
    fc.assert(
      fc.property(datasetArb, fc.nat(), fc.nat(), (d, i, j) => {
        const days = probeDays(d);
        const t1 = days[i % days.length]!;
        const t2 = days[j % days.length]!;
        const a = naive.state(d, t1);
        const b = naive.state(d, t2);
        const diff = buildIndex(d).diff(t1, t2);
        expect(sorted(diff.relationsEntered)).toEqual(
          b.relations.filter((r) => !a.relations.includes(r)),
        );
        expect(sorted(diff.relationsLeft)).toEqual(
          a.relations.filter((r) => !b.relations.includes(r)),
        );
        expect(sorted(diff.actorsEntered)).toEqual(b.actors.filter((x) => !a.actors.includes(x)));
        expect(sorted(diff.actorsLeft)).toEqual(a.actors.filter((x) => !b.actors.includes(x)));
      }),
      { numRuns: 500 },
    );
  });

  it('diff reports polarity flips between the same pair', () => {
    fc.assert(
      fc.property(datasetArb, fc.nat(), fc.nat(), (d, i, j) => {
        const days = probeDays(d);
        const [t1, t2] = [days[i % days.length]!, days[j % days.length]!];
        const pol = resolveVocabulary(d).relationKinds;
        const byId = new Map(d.relations.map((r) => [r.id, r]));
        const pair = (id: string) => [byId.get(id)!.source, byId.get(id)!.target].sort().join('|');
        const sign = (id: string) => pol.get(byId.get(id)!.kind)!.polarity;
        const diff = buildIndex(d).diff(t1, t2);
        const expected = new Set<string>();
        for (const e of diff.relationsEntered)
          for (const l of diff.relationsLeft)
            if (pair(e) === pair(l) && sign(e) !== sign(l)) expected.add(pair(e));
        expect(new Set(diff.flips.map((f) => [f.source, f.target].sort().join('|')))).toEqual(
          expected,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('treats intervals as half-open and empty intervals as never active', () => {
    const d: Dataset = {
      title: 't',
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
          id: 'r',
          source: 'a',
          target: 'b',
          kind: 'alliance',
          from: '2000',
          until: '2001',
          evidence: [],
        },
        {
          id: 'empty',
          source: 'a',
          target: 'b',
          kind: 'alliance',
          from: '2000-06',
          until: '2000-06',
          evidence: [],
        },
        { id: 'open', source: 'a', target: 'b', kind: 'hostility', from: '2001', evidence: [] },
      ],
    };
    const index = buildIndex(d);
    expect(index.stateAt(toDay('1999-12-31')).relations).toEqual([]);
    expect(index.stateAt(toDay('2000')).relations).toEqual(['r']);
    expect(index.stateAt(toDay('2000-06')).relations).toEqual(['r']);
    expect(index.stateAt(toDay('2000-12-31')).relations).toEqual(['r']);
    expect(index.stateAt(toDay('2001')).relations).toEqual(['open']);
    expect(index.stateAt(toDay('2999')).relations).toEqual(['open']);
    expect(index.diff(toDay('2000-03'), toDay('2002')).flips).toEqual([
      { source: 'a', target: 'b', left: ['r'], entered: ['open'] },
    ]);
    expect(index.start).toBe(toDay('2000'));
    expect(index.end).toBe(toDay('2001'));
    // Relations that all end: the span ends on their last day, where they are still drawn.
    const ending = buildIndex({ ...d, relations: d.relations.slice(0, 1) });
    expect([ending.start, ending.end]).toEqual([toDay('2000'), toDay('2000-12-31')]);
    expect(ending.stateAt(ending.end).relations).toEqual(['r']);
    const framed = buildIndex({ ...d, period: { from: '1990', until: '2030-06' } });
    expect([framed.start, framed.end]).toEqual([toDay('1990'), toDay('2030-06')]);
  });

  it('steps to the next and previous event strictly after/before t', () => {
    fc.assert(
      fc.property(datasetArb, fc.nat(), (d, i) => {
        const days = probeDays(d);
        const t = days[i % days.length]!;
        const index = buildIndex(d);
        const evDays = d.events.map((e) => toDay(e.date));
        const after = evDays.filter((x) => x > t);
        const before = evDays.filter((x) => x < t);
        expect(index.nextEvent(t)?.day).toBe(after.length ? Math.min(...after) : undefined);
        expect(index.previousEvent(t)?.day).toBe(before.length ? Math.max(...before) : undefined);
        expect(index.eventsOn(t).length).toBe(evDays.filter((x) => x === t).length);
      }),
      { numRuns: 300 },
    );
  });

  it('stateDuring(span) equals a full scan of the intervals that meet the span', () => {
    fc.assert(
      fc.property(datasetArb, spanArb, (d, { at, width }) => {
        const days = probeDays(d);
        const t = days[at % days.length]!;
        const span = shownSpan(t, t - width);
        const index = buildIndex(d);
        const s = index.stateDuring(span);
        expect({ actors: sorted(s.actors), relations: sorted(s.relations) }).toEqual(
          naiveDuring(d, span),
        );
        // The same relations by index, in the dataset's order.
        const byIndex = [...index.relationIndicesDuring(span)];
        expect(byIndex.map((i) => d.relations[i]!.id)).toEqual(
          d.relations.map((r) => r.id).filter((id) => s.relations.includes(id)),
        );
        expect(sorted(index.actorsDuring(span))).toEqual(sorted(s.actors));
      }),
      { numRuns: 500 },
    );
  });

  it('a span of one day holds exactly what is active at that day', () => {
    fc.assert(
      fc.property(datasetArb, fc.nat(), (d, i) => {
        const days = probeDays(d);
        const t = days[i % days.length]!;
        const index = buildIndex(d);
        const day = index.stateAt(t);
        const span = index.stateDuring(shownSpan(t));
        expect(sorted(span.relations)).toEqual(sorted(day.relations));
        expect(sorted(span.actors)).toEqual(sorted(day.actors));
      }),
      { numRuns: 300 },
    );
  });

  it('diffSpans turns one span into another, windows and days alike, in either direction', () => {
    fc.assert(
      fc.property(datasetArb, spanArb, spanArb, (d, p, q) => {
        const days = probeDays(d);
        const at = (x: { at: number; width: number }) => {
          const t = days[x.at % days.length]!;
          return shownSpan(t, t - x.width);
        };
        const [prev, next] = [at(p), at(q)];
        const a = naiveDuring(d, prev);
        const b = naiveDuring(d, next);
        const index = buildIndex(d);
        // Twice: the index reuses its marks between calls.
        for (const diff of [index.diffSpans(prev, next), index.diffSpans(prev, next)]) {
          expect(sorted(diff.relationsEntered)).toEqual(
            b.relations.filter((r) => !a.relations.includes(r)),
          );
          expect(sorted(diff.relationsLeft)).toEqual(
            a.relations.filter((r) => !b.relations.includes(r)),
          );
          expect(sorted(diff.actorsEntered)).toEqual(b.actors.filter((x) => !a.actors.includes(x)));
          expect(sorted(diff.actorsLeft)).toEqual(a.actors.filter((x) => !b.actors.includes(x)));
        }
        const byIndex = d.relations.filter((_, i) => index.relationActiveDuring(i, next));
        expect(byIndex.map((r) => r.id).sort()).toEqual(b.relations);
      }),
      { numRuns: 500 },
    );
  });

  it('knows a dataset without any date as timeless', () => {
    const d: Dataset = {
      title: 't',
      sources: [],
      actorTypes: [],
      relationKinds: [],
      events: [],
      actors: [
        { id: 'a', label: 'A', type: 'state' },
        { id: 'b', label: 'B', type: 'state' },
      ],
      relations: [{ id: 'r', source: 'a', target: 'b', kind: 'alliance', evidence: [] }],
    };
    expect(buildIndex(d).timeless).toBe(true);
    expect(buildIndex({ ...d, period: { from: '2000', until: '2001' } }).timeless).toBe(false);
    const dated = { ...d, relations: [{ ...d.relations[0]!, from: '2000' }] };
    expect(buildIndex(dated).timeless).toBe(false);
  });

  it('counts activity per bin and polarity like a full scan', () => {
    fc.assert(
      fc.property(
        datasetArb,
        fc.array(fc.integer({ min: -2000, max: 2000 }), { minLength: 2, maxLength: 12 }),
        (d, raw) => {
          const edges = [...new Set(raw.map((x) => toDay('2001') + x))].sort((a, b) => a - b);
          const pol = resolveVocabulary(d).relationKinds;
          const bins = buildIndex(d).activity(edges);
          bins.forEach((bin, i) => {
            const [lo, hi] = [edges[i]!, edges[i + 1]!];
            for (const p of ['positive', 'negative', 'neutral'] as const) {
              const expected = d.relations.filter((r) => {
                const [s, e] = [startDay(r.from), endDay(r.until)];
                return pol.get(r.kind)!.polarity === p && s < e && s < hi && e > lo;
              }).length;
              expect(bin[p]).toBe(expected);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
