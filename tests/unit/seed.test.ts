/**
 * The seed dataset: valid, rich enough to explore, and honest: every quote
 * appears verbatim in the article it cites.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/problems';
import { validateDataset } from '../../src/core/validate';

/** The article the seed quotes: the repository's copy is the reference. */
const COPY = 'graph-data/sources/000_ad93c0ebc40b9a3e.txt';
/** The original it was copied from, beside the repository in the project's workspace only. */
const ORIGINAL = '../shared/seeds/000_ad93c0ebc40b9a3e.txt';

const result = validateDataset(
  JSON.parse(readFileSync('graph-data/seed.json', 'utf8')),
  'seed.json',
);
const seed = result.dataset!;

describe('seed dataset', () => {
  it('validates without errors or warnings', () => {
    expect(result.errors.map(formatProblem)).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([]);
  });

  it('ships the article it quotes', () => {
    expect(readFileSync(COPY, 'utf8').length).toBeGreaterThan(5000);
  });

  // An extra check, skipped (and reported as skipped) in a clone without ../shared beside it.
  it.runIf(existsSync(ORIGINAL))(
    'extra, where ../shared/seeds exists: the copy is the original, byte for byte',
    () => {
      expect(readFileSync(COPY)).toEqual(readFileSync(ORIGINAL));
    },
  );

  it('quotes the article verbatim in every evidence item', () => {
    const article = readFileSync(COPY, 'utf8');
    const items = [
      ...seed.relations.map((r) => ['relation', r] as const),
      ...seed.events.map((e) => ['event', e] as const),
    ];
    const missing: string[] = [];
    for (const [what, item] of items) {
      if (item.evidence.length === 0) missing.push(`${what} ${item.id}: no evidence`);
      for (const ev of item.evidence)
        if (!article.includes(ev.quote))
          missing.push(`${what} ${item.id}: ${JSON.stringify(ev.quote)}`);
    }
    expect(missing).toEqual([]);
  });

  it('says where dates come from: the article gives almost none', () => {
    const undated = [...seed.relations, ...seed.events]
      .filter((x) => !x.note?.trim())
      .map((x) => x.id);
    expect(undated).toEqual([]);
  });

  it('is rich enough to explore', () => {
    expect(seed.actors.length).toBeGreaterThanOrEqual(15);
    expect(seed.relations.length).toBeGreaterThanOrEqual(30);
    expect(seed.events.length).toBeGreaterThanOrEqual(10);
    const ids = new Set(seed.actors.map((a) => a.id));
    for (const id of [
      'pakistan',
      'isi',
      'faiz-hameed',
      'mujahideen',
      'afghan-taliban',
      'haqqani-network',
      'ttp',
      'isis-k',
      'india',
      'usa',
      'ussr',
    ])
      expect(ids, id).toContain(id);
    expect(seed.actors.find((a) => a.id === 'isi')?.parent).toBe('pakistan');
  });
});
