/**
 * A shipped example dataset, prepared at build time like the seed
 * (`prepare-seed.ts`): validated exactly like a user's file, with its
 * positions. `vite.config.ts` writes the result as a static JSON file beside
 * the app's assets (and gives the app its URL through
 * `virtual:example-ucdp-nonstate`), which the app fetches only when the
 * example is chosen: data, not JavaScript to parse and compile. The positions come from the example's committed `layout.json`
 * (written by its generator script: laying out a thousand actors takes
 * seconds) when they fit the dataset's actors exactly, and are computed
 * otherwise, so a stale layout costs time, never a wrong picture.
 */
import { computeLayout } from '../src/core/layout';
import { formatProblem } from '../src/core/problems';
import { parseDatasetJson } from '../src/core/validate';
import type { PreparedSeed } from './prepare-seed';

/** Validates the example and attaches its positions; throws with every problem if it is invalid. */
export function prepareExample(
  datasetText: string,
  layoutText: string,
  file: string,
): PreparedSeed {
  const result = parseDatasetJson(datasetText, file);
  if (!result.dataset)
    throw new Error(
      `The example ${file} is invalid:\n${result.errors.map(formatProblem).join('\n')}`,
    );
  const { dataset } = result;
  const stored = JSON.parse(layoutText) as [string, number, number][];
  const ids = new Set(dataset.actors.map((a) => a.id));
  const fits = stored.length === ids.size && stored.every(([id]) => ids.has(id));
  if (!fits)
    console.warn(`${file}: its layout.json does not fit its actors; laying it out now (slow).`);
  const positions = fits
    ? stored
    : [...computeLayout(dataset)].map(([id, p]): [string, number, number] => [id, p.x, p.y]);
  return { dataset, positions };
}

/**
 * The file the app fetches when the example is chosen (`src/store/examples.ts`): the prepared
 * example as JSON, `{ dataset, positions: [id, x, y][] }`.
 */
export function exampleFileText(datasetText: string, layoutText: string, file: string): string {
  return JSON.stringify(prepareExample(datasetText, layoutText, file));
}
