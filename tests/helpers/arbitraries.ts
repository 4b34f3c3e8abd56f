/**
 * fast-check arbitraries for valid datasets: small, dense in coincident
 * dates (equal endpoints, shared boundaries) and open-ended intervals, which
 * is where interval logic goes wrong.
 */
import fc from 'fast-check';
import { formatDay, toDay } from '../../src/core/dates';
import type { Dataset } from '../../src/core/schema';

const KINDS = ['alliance', 'support', 'cooperation', 'hostility', 'tension', 'contact'] as const;
const BASE = toDay('2000-01-01');

/** An ISO date within ~3 years of 2000, at a random precision. */
export const isoDateArb = fc
  .tuple(fc.integer({ min: 0, max: 1100 }), fc.constantFrom('year', 'month', 'day' as const))
  .map(([offset, precision]) => formatDay(BASE + offset, precision as 'year' | 'month' | 'day'));

const intervalArb = fc
  .tuple(fc.option(isoDateArb, { nil: undefined }), fc.option(isoDateArb, { nil: undefined }))
  .map(([a, b]) => {
    if (a !== undefined && b !== undefined && toDay(a) > toDay(b)) return { from: b, until: a };
    return { from: a, until: b };
  });

export const datasetArb: fc.Arbitrary<Dataset> = fc
  .integer({ min: 2, max: 10 })
  .chain((nActors) => {
    const actorId = fc.integer({ min: 0, max: nActors - 1 }).map((i) => `a${i}`);
    return fc.record({
      actors: fc.tuple(...Array.from({ length: nActors }, () => intervalArb)),
      relations: fc.array(
        fc.record({
          s: actorId,
          t: actorId,
          kind: fc.constantFrom(...KINDS),
          interval: intervalArb,
        }),
        { maxLength: 40 },
      ),
      events: fc.array(isoDateArb, { maxLength: 8 }),
    });
  })
  .map(({ actors, relations, events }) => ({
    title: 'random',
    sources: [],
    actorTypes: [],
    relationKinds: [],
    actors: actors.map((iv, i) => ({ id: `a${i}`, label: `A${i}`, type: 'state', ...iv })),
    relations: relations
      .filter((r) => r.s !== r.t)
      .map((r, i) => ({
        id: `r${i}`,
        source: r.s,
        target: r.t,
        kind: r.kind,
        evidence: [],
        ...r.interval,
      })),
    events: events.map((date, i) => ({
      id: `e${i}`,
      date,
      title: `Event ${i}`,
      actors: [],
      evidence: [],
    })),
  }));

/** Every interesting day of a dataset: its boundaries, one day either side, and the far past/future. */
export function probeDays(d: Dataset): number[] {
  const days = new Set<number>([BASE - 5000, BASE + 5000]);
  const add = (s?: string) => {
    if (s === undefined) return;
    const x = toDay(s);
    days
      .add(x - 1)
      .add(x)
      .add(x + 1);
  };
  for (const x of [...d.actors, ...d.relations]) {
    add(x.from);
    add(x.until);
  }
  for (const e of d.events) add(e.date);
  return [...days];
}
