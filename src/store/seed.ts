/**
 * The seed dataset bundled with the app. It is validated like any user file
 * and laid out at build time (`scripts/prepare-seed.ts`: an invalid seed fails
 * the build), so the start does neither and the first chunk carries no zod.
 * A build carries it in `index.html` as a JSON data element, not in the JavaScript.
 */
import { seedJson } from 'virtual:seed';
import type { Point } from '../core/layout';
import type { Dataset } from '../core/schema';

export interface Seed {
  dataset: Dataset;
  /** `computeLayout(dataset)`, computed at build time. */
  positions: Map<string, Point>;
}

/** A fresh copy of the seed and its positions (the store may change positions the user drags). */
export function loadSeed(): Seed {
  const { dataset, positions } = JSON.parse(seedJson) as {
    dataset: Dataset;
    positions: [string, number, number][];
  };
  return { dataset, positions: new Map(positions.map(([id, x, y]) => [id, { x, y }])) };
}
