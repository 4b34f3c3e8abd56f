/**
 * The big-import path: a dataset cut into parts and put back, the layout and
 * index packed (as the worker sends them and the library stores them) and
 * unpacked, and the model built in steps, all equal to the direct build.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datasetArb, probeDays } from '../../tests/helpers/arbitraries';
import { DatasetAssembler, partCount, splitDataset } from './datasetParts';
import {
  buildExplorerModel,
  deriveData,
  derivedFits,
  explorerModelSteps,
  knownParts,
  needsQuickLayout,
  packPositions,
  QUICK_LAYOUT_ACTORS,
  unpackPositions,
} from './explorer-model';
import { computeLayout, quickLayout } from './layout';
import { eachInSteps, ITEMS_PER_STEP, runSteps } from './steps';
import { generateSyntheticDataset } from './synthetic';
import { buildIndex, packIndex } from './temporal';

const medium = generateSyntheticDataset({ actors: 120, relations: 25_000, seed: 3 });

describe('dataset parts', () => {
  it('split into parts of at most the given size and assembled, give the same dataset', () => {
    const { head, parts } = splitDataset(medium, 1000);
    expect(parts.length).toBe(partCount(head, 1000));
    expect(parts.every((p) => p.items.length <= 1000)).toBe(true);
    // As they travel: each part copied on its own.
    const assembler = new DatasetAssembler(structuredClone(head));
    for (const part of parts) assembler.add(structuredClone(part));
    // Strictly: sharing repeated values must add no property (an absent `from` stays absent).
    expect(assembler.dataset()).toStrictEqual(medium);
  });

  it('empty evidence lists arrive as one frozen list, so none can be filled in place', () => {
    const { head, parts } = splitDataset(medium, 1000);
    const assembler = new DatasetAssembler(structuredClone(head));
    for (const part of parts) assembler.add(structuredClone(part));
    const unevidenced = assembler.dataset().relations.filter((r) => r.evidence.length === 0);
    expect(unevidenced.length).toBeGreaterThan(1);
    expect(new Set(unevidenced.map((r) => r.evidence)).size).toBe(1);
    expect(() => unevidenced[0]!.evidence.push({ source: 's', quote: 'q' })).toThrow(TypeError);
  });

  it('an empty list and a list of exactly one part round-trip', () => {
    const d = { ...medium, events: [], relations: medium.relations.slice(0, 1000) };
    const { head, parts } = splitDataset(d, 1000);
    const assembler = new DatasetAssembler(head);
    parts.forEach((p) => assembler.add(p));
    expect(assembler.dataset()).toEqual(d);
  });

  it('a missing part is an error, never a dataset with rows missing', () => {
    const { head, parts } = splitDataset(medium, 1000);
    const assembler = new DatasetAssembler(head);
    parts.filter((_, i) => i !== 3).forEach((p) => assembler.add(p));
    expect(() => assembler.dataset()).toThrow(/incomplete/);
  });
});

describe('derived data', () => {
  it('an index built from its packed, copied structures answers like one built directly', () => {
    fc.assert(
      fc.property(datasetArb, (d) => {
        const direct = buildIndex(d);
        const copied = buildIndex(d, structuredClone(packIndex(d)));
        expect([copied.start, copied.end]).toEqual([direct.start, direct.end]);
        expect(copied.events).toEqual(direct.events);
        expect(copied.changeDays()).toEqual(direct.changeDays());
        const days = probeDays(d);
        for (const [i, t] of days.entries()) {
          expect(copied.stateAt(t)).toEqual(direct.stateAt(t));
          const t2 = days[(i * 7 + 3) % days.length]!;
          expect(copied.diff(t, t2)).toEqual(direct.diff(t, t2));
        }
        expect(copied.activity(days)).toEqual(direct.activity(days));
      }),
      { numRuns: 200 },
    );
  });

  it('positions packed and unpacked are the layout', () => {
    const layout = computeLayout(medium);
    const packed = structuredClone(packPositions(medium, layout));
    expect(unpackPositions(medium, packed)).toEqual(layout);
  });

  it('derived data is used only for a dataset of its shape', () => {
    const derived = deriveData(medium);
    expect(derivedFits(medium, derived)).toBe(true);
    const fewer = { ...medium, relations: medium.relations.slice(1) };
    expect(derivedFits(fewer, derived)).toBe(false);
    expect(knownParts(fewer, derived)).toEqual({});
    expect(knownParts(medium, undefined)).toEqual({});
  });
});

describe('the quick first layout of a big dataset', () => {
  const big = generateSyntheticDataset({
    actors: QUICK_LAYOUT_ACTORS + 1,
    relations: 4000,
    seed: 5,
  });

  it('is chosen above the thresholds only', () => {
    expect(needsQuickLayout(big)).toBe(true);
    expect(needsQuickLayout(medium)).toBe(false);
  });

  it('is marked as quick in derived data, with the index of the full derivation', () => {
    const quick = deriveData(big, { quick: true });
    expect(quick.quickLayout).toBe(true);
    expect(unpackPositions(big, quick.positions)).toEqual(quickLayout(big));
    expect(quick.index).toEqual(packIndex(big));
    expect(derivedFits(big, quick)).toBe(true);
    expect(deriveData(medium).quickLayout).toBeUndefined();
  });

  it('places every actor, deterministically, at the scale of the refined layout', () => {
    const some = generateSyntheticDataset({ actors: 600, relations: 3000, seed: 5 });
    const first = quickLayout(some);
    expect(quickLayout(some)).toEqual(first);
    const refined = computeLayout(some);
    expect([...first.keys()].sort()).toEqual([...refined.keys()].sort());
    const extent = (pos: Map<string, { x: number; y: number }>) => {
      const xs = [...pos.values()].map((p) => p.x);
      return Math.max(...xs) - Math.min(...xs);
    };
    // Both are spread to the same area per actor, so the picture does not jump in scale when
    // the refined layout replaces the quick one.
    expect(extent(first) / extent(refined)).toBeGreaterThan(0.5);
    expect(extent(first) / extent(refined)).toBeLessThan(2);
  });
});

describe('the model in steps', () => {
  it('with the derived data known, equals the direct build and computes neither layout nor index', () => {
    const derived = structuredClone(deriveData(medium));
    const progress: number[] = [];
    const steps = explorerModelSteps(medium, knownParts(medium, derived));
    let next = steps.next();
    for (; !next.done; next = steps.next()) progress.push(next.value);
    const model = next.value;
    const direct = buildExplorerModel(medium);

    expect(model.computed).toEqual({ layout: false, index: false });
    expect(direct.computed).toEqual({ layout: true, index: true });
    expect(model.positions).toEqual(direct.positions);
    expect(model.index.stateAt(model.index.end)).toEqual(direct.index.stateAt(direct.index.end));
    expect(model.union.relationCount).toBe(direct.union.relationCount);
    expect(model.union.actorCount).toBe(direct.union.actorCount);
    expect([...model.relationIndex]).toEqual([...direct.relationIndex]);
    expect([...model.actorsById.keys()]).toEqual([...direct.actorsById.keys()]);

    // Many small steps, with progress that only grows, up to at most 1.
    expect(progress.length).toBeGreaterThanOrEqual(
      Math.floor((2 * medium.relations.length) / ITEMS_PER_STEP),
    );
    expect(progress.every((p, i) => p >= (progress[i - 1] ?? 0) && p <= 1)).toBe(true);
  });

  it('eachInSteps visits every item once, yielding every ITEMS_PER_STEP', () => {
    const items = Array.from({ length: 2 * ITEMS_PER_STEP + 5 }, (_, i) => i);
    const seen: number[] = [];
    const yields = [...eachInSteps(items, (x) => seen.push(x), 0.5, 1)];
    expect(seen).toEqual(items);
    expect(yields).toHaveLength(2);
    expect(yields[1]).toBeCloseTo(0.5 + (0.5 * 2 * ITEMS_PER_STEP) / items.length);
    expect(runSteps(eachInSteps([], () => {}))).toBeUndefined();
  });
});
