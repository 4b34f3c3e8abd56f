/**
 * GEXF time-varying values: the indexed timeline answers exactly as the
 * plain scans it replaced (kept here as the reference), and an edge with
 * thousands of values imports in near-linear work.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { endDay, formatDay, startDay } from '../dates';
import type { Span, TimedValue } from './gexf-read';
import { importGexf } from './gexf-import';
import { overlaps, Timeline } from './gexf-timeline';

// Counts day parsing, the work each comparison of dates costs (see the guard below).
const parsed = vi.hoisted(() => ({ count: 0 }));
vi.mock('../dates', async (original) => {
  const dates = await original<typeof import('../dates')>();
  return {
    ...dates,
    toDay: (text: string) => {
      parsed.count++;
      return dates.toDay(text);
    },
  };
});

// The reference: the scans the timeline replaced.
const lo = (s: Span) => startDay(s.from);
const hi = (s: Span) => endDay(s.until);
const within = (inner: Span, outer: Span) => lo(outer) <= lo(inner) && hi(inner) <= hi(outer);
function naiveCut(span: Span, values: readonly Span[]): Span[] {
  const cuts = new Map<number, string>();
  for (const v of values)
    for (const iso of [v.from, v.until])
      if (iso !== undefined) {
        const day = startDay(iso);
        if (day > lo(span) && day < hi(span) && !cuts.has(day)) cuts.set(day, iso);
      }
  const bounds = [
    span.from,
    ...[...cuts].sort((a, b) => a[0] - b[0]).map(([, iso]) => iso),
    span.until,
  ];
  return bounds.slice(0, -1).map((from, i) => ({
    ...(from !== undefined ? { from } : {}),
    ...(bounds[i + 1] !== undefined ? { until: bounds[i + 1] } : {}),
  }));
}
const naiveValueOver = (values: readonly TimedValue[], piece: Span) =>
  values.find((v) => within(piece, v) || (lo(piece) === hi(piece) && overlaps(piece, v)))?.value;

/** Spans over a few years with many coincident, open and empty bounds. */
const day = fc.integer({ min: 0, max: 12 }).map((d) => formatDay(10957 + d * 31, 'day'));
const span = fc
  .record({ a: fc.option(day, { nil: undefined }), b: fc.option(day, { nil: undefined }) })
  .map(({ a, b }): Span => {
    const [from, until] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
    return { ...(from !== undefined ? { from } : {}), ...(until !== undefined ? { until } : {}) };
  });
const values = fc.array(
  fc.tuple(span, fc.constantFrom('x', 'y', 'z')).map(([s, value]) => ({ ...s, value })),
  { maxLength: 12 },
);

describe('Timeline', () => {
  it('cuts, resolves and lists overlaps exactly as the plain scans', () => {
    fc.assert(
      fc.property(values, span, (vs, s) => {
        const t = new Timeline(vs);
        const pieces = t.cut(s);
        expect(pieces).toEqual(naiveCut(s, vs));
        expect(t.firstPiece(s)).toEqual(pieces[0]);
        for (const piece of [...pieces, s])
          expect(t.valueOver(piece)).toBe(naiveValueOver(vs, piece));
        expect(t.overlapping(s)).toEqual(vs.filter((v) => overlaps(s, v)));
      }),
      { numRuns: 2000 },
    );
  });
});

/** A GEXF edge whose kind changes every day, n times, with a score value each day. */
function edgeWithValues(n: number): string {
  const iso = (i: number) => formatDay(10957 + i, 'day');
  const values: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 2 === 0 ? 'alliance' : 'hostility';
    values.push(
      `<attvalue for="k" value="${kind}" start="${iso(i)}" end="${iso(i + 1)}"/>`,
      `<attvalue for="s" value="${i}" start="${iso(i)}" end="${iso(i + 1)}"/>`,
    );
  }
  // Listed newest first: the importer must put them in time order itself.
  values.reverse();
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph mode="dynamic" timeformat="date">
<attributes class="edge"><attribute id="k" title="kind" type="string"/><attribute id="s" title="score" type="string"/></attributes>
<nodes><node id="a" label="A"/><node id="b" label="B"/></nodes>
<edges><edge id="e" source="a" target="b"><attvalues>${values.join('')}</attvalues>
<spells><spell start="${iso(0)}" end="${iso(n)}"/></spells></edge></edges></graph></gexf>`;
}

describe('GEXF time-varying values', () => {
  it('imports 5,000 values on one edge, each day its own relation in time order', () => {
    const n = 5000;
    const result = importGexf(edgeWithValues(n), 'many-values.gexf');
    expect(result.errors).toEqual([]);
    const relations = result.dataset!.relations;
    expect(relations).toHaveLength(n);
    relations.forEach((r, i) => {
      const [from, until] = [formatDay(10957 + i, 'day'), formatDay(10957 + i + 1, 'day')];
      expect([r.from, r.until]).toEqual([from, until]);
      expect(r.kind).toBe(i % 2 === 0 ? 'alliance' : 'hostility');
      // The one score of the day, with its interval (a value that does not span all time).
      expect(r.note).toBe(`score: ${i} (${from}–${until})`);
    });
    expect(relations.map((r) => r.id).slice(0, 3)).toEqual(['e', 'e~2', 'e~3']);
  });

  it('does work that grows near-linearly with the number of values (not quadratically)', () => {
    const work = (n: number) => {
      const text = edgeWithValues(n);
      parsed.count = 0;
      expect(importGexf(text, 'x.gexf').errors).toEqual([]);
      return parsed.count;
    };
    const small = work(500);
    const large = work(2000);
    // Four times the values: about four times the date parsing (it was sixteen).
    expect(large / small).toBeLessThan(5);
  });
});
