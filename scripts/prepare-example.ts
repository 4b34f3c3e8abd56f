/**
 * A shipped example dataset, prepared at build time like the seed
 * (`prepare-seed.ts`): validated exactly like a user's file, with its
 * positions. `vite.config.ts` serves the result as a virtual module
 * (`virtual:example-ucdp-nonstate`) that the app imports only when the
 * example is chosen, so it is a chunk of its own and the first page does not
 * carry it. The positions come from the example's committed `layout.json`
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

/** The source of an example's virtual module: the prepared example as one JSON string, parsed on use. */
export function exampleModuleSource(datasetText: string, layoutText: string, file: string): string {
  const prepared = prepareExample(datasetText, layoutText, file);
  return `export const exampleJson = ${JSON.stringify(JSON.stringify(prepared))};\n`;
}
