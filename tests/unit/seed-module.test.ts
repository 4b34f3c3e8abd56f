/**
 * The seed the app ships (`virtual:seed`, prepared at build time by
 * scripts/prepare-seed.ts) is exactly what validating graph-data/seed.json
 * and laying it out at start-up would give: it cannot go stale.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../src/core/layout';
import { validateDataset } from '../../src/core/validate';
import { loadSeed } from '../../src/store/seed';
import { prepareSeed, seedElementText } from '../../scripts/prepare-seed';

const text = readFileSync('graph-data/seed.json', 'utf8');
const validated = validateDataset(JSON.parse(text), 'graph-data/seed.json').dataset!;

describe('the bundled seed', () => {
  it('is the validated seed.json, its story included (defaults filled in)', () => {
    expect(loadSeed().dataset).toEqual(validated);
    expect(loadSeed().dataset.stories?.map((s) => s.id)).toContain('taliban-policy-backfired');
  });

  it('comes with computeLayout(seed) as its positions', () => {
    expect(loadSeed().positions).toEqual(computeLayout(validated));
  });

  it('gives a fresh copy on each load (the store changes positions the user drags)', () => {
    const a = loadSeed();
    const b = loadSeed();
    expect(a.dataset).not.toBe(b.dataset);
    expect(a.positions).not.toBe(b.positions);
  });

  it('is written into the built page as a data element that parses back to the prepared seed', () => {
    expect(JSON.parse(seedElementText(text))).toEqual(prepareSeed(text));
  });

  it('cannot end its data element early, whatever its text holds', () => {
    const seed = JSON.parse(text) as { description: string };
    seed.description = 'Quoted: </script><script>alert(1)</script> <!-- & -->';
    const element = seedElementText(JSON.stringify(seed));
    expect(element).not.toMatch(/<\/script|<!--/i);
    expect((JSON.parse(element) as { dataset: { description: string } }).dataset.description).toBe(
      seed.description,
    );
  });

  it('fails the build with every problem when the seed is invalid', () => {
    const bad = JSON.parse(text) as { relations: { until?: string }[] };
    bad.relations[0]!.until = '1994-02-30';
    bad.relations[1]!.until = 'soon';
    expect(() => prepareSeed(JSON.stringify(bad))).toThrowError(
      /seed dataset is invalid:\n.*relations\[0\]\.until.*\n.*relations\[1\]\.until/,
    );
  });

  it('fails the build, naming story and step, when a seed story refers to what the seed lacks', () => {
    const seed = JSON.parse(text) as {
      stories: { steps: { selection?: { kind: string; id: string } }[] }[];
    };
    seed.stories[0]!.steps[2]!.selection = { kind: 'relation', id: 'r-renamed' };
    expect(() => prepareSeed(JSON.stringify(seed))).toThrowError(
      /seed's stories .*\n.*stories\[0\]\.steps\[2\]\.selection\.id: story "taliban-policy-backfired", step 3: selects relation "r-renamed", which does not exist/,
    );
  });
});
