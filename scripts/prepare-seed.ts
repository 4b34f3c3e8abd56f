/**
 * The seed dataset, prepared at build time: `graph-data/seed.json` validated
 * exactly like a user's file (schema, defaults, cross-checks) and laid out
 * with the app's own `computeLayout`. `vite.config.ts` serves the result as
 * the virtual module `virtual:seed` (read by `src/store/seed.ts`; in a build,
 * the module reads a JSON data element that the build writes into
 * `index.html`), so the app's start does no validation and no layout, and
 * its first chunk carries no zod. An invalid seed fails the build, the dev server's module load and
 * the unit tests, with every problem listed.
 *
 * A seed story that refers to something the seed does not have (a renamed
 * relation, a quote no longer in the evidence) fails the build too: for a
 * user's file that is a warning and the story plays without it, but the
 * bundled story must be whole.
 */
import { computeLayout } from '../src/core/layout';
import { formatProblem } from '../src/core/problems';
import { jsonForScriptElement } from '../src/core/publish';
import type { Dataset } from '../src/core/schema';
import { parseDatasetJson } from '../src/core/validate';

export const SEED_FILE = 'graph-data/seed.json';

/** What `virtual:seed` carries: the validated dataset and its positions. */
export interface PreparedSeed {
  dataset: Dataset;
  /** `computeLayout(dataset)` as [actor id, x, y], in the layout's order. */
  positions: [string, number, number][];
}

/**
 * Validates and lays out the seed's text; throws with every problem if it is invalid or one of
 * its stories refers to what it lacks.
 */
export function prepareSeed(text: string, file = SEED_FILE): PreparedSeed {
  const result = parseDatasetJson(text, file);
  if (!result.dataset)
    throw new Error(`The seed dataset is invalid:\n${result.errors.map(formatProblem).join('\n')}`);
  const storyWarnings = result.warnings.filter((w) => w.path.startsWith('stories'));
  if (storyWarnings.length)
    throw new Error(
      `The seed's stories refer to what the seed does not have:\n${storyWarnings.map(formatProblem).join('\n')}`,
    );
  const positions = [...computeLayout(result.dataset)].map(([id, p]): [string, number, number] => [
    id,
    p.x,
    p.y,
  ]);
  return { dataset: result.dataset, positions };
}

/** The source of `virtual:seed` in the dev server and tests: the prepared seed as one JSON string. */
export function seedModuleSource(text: string, file = SEED_FILE): string {
  return `export const seedJson = ${JSON.stringify(JSON.stringify(prepareSeed(text, file)))};\n`;
}

/** The id of the data element that carries the prepared seed in the built `index.html`. */
export const SEED_DATA_ID = 'allegiance-seed';

/**
 * The prepared seed as the text of a `<script type="application/json">` element of the built
 * `index.html`: data the page parses with `JSON.parse`, never run, and not counted, parsed or
 * compiled as the app's JavaScript. Escaped for a script element, so a `</script>` in the seed's
 * text cannot end the element early.
 */
export function seedElementText(text: string, file = SEED_FILE): string {
  return jsonForScriptElement(prepareSeed(text, file));
}

/**
 * The source of `virtual:seed` in a build: the text of the seed's data element, which the
 * browser has parsed before a module script runs. A page without it is not this build's
 * `index.html`; saying so beats a JSON syntax error.
 */
export function seedFromPageModuleSource(): string {
  const id = JSON.stringify(SEED_DATA_ID);
  return [
    `const element = document.getElementById(${id});`,
    `if (!element) throw new Error('This page has no seed data element (#' + ${id} + '): it is not the index.html built with the app.');`,
    'export const seedJson = element.textContent;',
    '',
  ].join('\n');
}
