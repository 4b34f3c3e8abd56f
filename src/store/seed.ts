/** The seed dataset bundled with the app, validated like any user file. */
import seedJson from '../../graph-data/seed.json';
import { formatProblem } from '../core/problems';
import type { Dataset } from '../core/schema';
import { validateDataset } from '../core/validate';

export function loadSeedDataset(): Dataset {
  const result = validateDataset(seedJson, 'graph-data/seed.json');
  if (!result.dataset)
    throw new Error(`The seed dataset is invalid:\n${result.errors.map(formatProblem).join('\n')}`);
  return result.dataset;
}
