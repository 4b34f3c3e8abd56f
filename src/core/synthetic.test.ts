import { describe, expect, it } from 'vitest';
import { toDay } from './dates';
import { formatProblem } from './problems';
import { generateSynthetic, generateSyntheticDataset, SYNTHETIC_SIZES } from './synthetic';
import { buildIndex } from './temporal';
import { validateDataset } from './validate';
import { resolveVocabulary } from './vocabulary';

describe('generateSyntheticDataset', () => {
  for (const size of ['S', 'M'] as const) {
    it(`${size}: valid (no errors, no warnings) at the requested size`, () => {
      const d = generateSyntheticDataset(size, 7);
      // Through JSON, as a file would arrive.
      const result = validateDataset(JSON.parse(JSON.stringify(d)));
      expect(result.errors.map(formatProblem)).toEqual([]);
      expect(result.warnings.map(formatProblem)).toEqual([]);
      expect(d.actors).toHaveLength(SYNTHETIC_SIZES[size].actors);
      expect(d.relations).toHaveLength(SYNTHETIC_SIZES[size].relations);
      expect(d.events).toHaveLength(SYNTHETIC_SIZES[size].relations / 20);
    }, 30_000);
  }

  it('handles any size, down to two actors', () => {
    for (const [actors, relations] of [
      [2, 5],
      [7, 30],
      [40, 0],
    ] as const) {
      const d = generateSyntheticDataset({ actors, relations, seed: 3 });
      const result = validateDataset(JSON.parse(JSON.stringify(d)));
      expect(result.errors.map(formatProblem)).toEqual([]);
      expect(d.actors).toHaveLength(actors);
      expect(d.relations.length).toBeLessThanOrEqual(relations);
    }
  });

  it('is deterministic for a seed, and the seed matters', () => {
    const a = JSON.stringify(generateSyntheticDataset('S', 42));
    const b = JSON.stringify(generateSyntheticDataset('S', 42));
    const c = JSON.stringify(generateSyntheticDataset('S', 43));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('is realistic: lifetimes, parents, both signs, flips within a pair', () => {
    const { dataset: d, community } = generateSynthetic('M', 1);
    const vocab = resolveVocabulary(d);
    expect(d.actors.filter((a) => a.from).length).toBeGreaterThan(100);
    expect(d.actors.filter((a) => a.until).length).toBeGreaterThan(100);
    expect(d.actors.filter((a) => a.parent).length).toBeGreaterThan(50);
    const polarity = (kind: string) => vocab.relationKinds.get(kind)!.polarity;
    const positive = d.relations.filter((r) => polarity(r.kind) === 'positive').length;
    const negative = d.relations.filter((r) => polarity(r.kind) === 'negative').length;
    expect(positive).toBeGreaterThan(d.relations.length / 4);
    expect(negative).toBeGreaterThan(d.relations.length / 4);

    // Communities: in-group relations are mostly positive, cross-group ones mostly negative.
    const share = (inGroup: boolean) => {
      const rs = d.relations.filter(
        (r) => (community.get(r.source) === community.get(r.target)) === inGroup,
      );
      return rs.filter((r) => polarity(r.kind) === 'positive').length / rs.length;
    };
    expect(share(true)).toBeGreaterThan(0.6);
    expect(share(false)).toBeLessThan(0.4);
    // Parents belong to the same community.
    for (const a of d.actors)
      if (a.parent) expect(community.get(a.parent)).toBe(community.get(a.id));

    // The index reports flips (alliance turning to hostility on the same pair).
    const index = buildIndex(d);
    let flips = 0;
    for (let y = 1981; y < 2025; y++)
      flips += index.diff(toDay(`${y - 1}`), toDay(`${y}`)).flips.length;
    expect(flips).toBeGreaterThan(10);
    // Some relations are open-ended, some start "since always".
    expect(d.relations.some((r) => r.until === undefined)).toBe(true);
    expect(d.relations.some((r) => r.from === undefined)).toBe(true);
    // Date precisions are mixed.
    const lengths = new Set(d.relations.flatMap((r) => (r.from ? [r.from.length] : [])));
    expect([...lengths].sort()).toEqual([10, 4, 7]);
  });
});
