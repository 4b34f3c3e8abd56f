/**
 * Writes the shipped UCDP example (graph-data/examples/ucdp-nonstate/) from
 * the real UCDP Non-State Conflict Dataset 22.1 kept unchanged in
 * tests/fixtures/ucdp/:
 *
 *   npm run example:ucdp
 *
 * `dataset.json` is the file imported exactly as the app's import would;
 * `layout.json` its positions (`computeLayout`, about ten seconds for its
 * thousand actors, so it is computed here once rather than in every build).
 * The build checks that the layout still fits the dataset
 * (`scripts/prepare-example.ts`), and a unit test that the dataset is what
 * the importer makes of the CSV today, so neither goes stale silently.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { computeLayout } from '../src/core/layout';
import { formatProblem } from '../src/core/problems';
import { importUcdpConflicts } from '../src/core/io/ucdp';

const UCDP_CSV = 'tests/fixtures/ucdp/ucdp-nonstate-221.csv';
const UCDP_EXAMPLE_DIR = 'graph-data/examples/ucdp-nonstate';

const name = UCDP_CSV.split('/').pop()!;
const result = importUcdpConflicts({ name, text: readFileSync(UCDP_CSV, 'utf8') }, 'ucdp-nonstate');
for (const p of [...result.errors, ...result.warnings]) console.error(formatProblem(p));
if (!result.dataset) process.exit(1);

const positions = [...computeLayout(result.dataset)].map(([id, p]) => [id, p.x, p.y]);
mkdirSync(UCDP_EXAMPLE_DIR, { recursive: true });
writeFileSync(`${UCDP_EXAMPLE_DIR}/dataset.json`, `${JSON.stringify(result.dataset, null, 1)}\n`);
writeFileSync(`${UCDP_EXAMPLE_DIR}/layout.json`, `${JSON.stringify(positions)}\n`);
console.log(
  `${UCDP_EXAMPLE_DIR}: ${result.dataset.actors.length} actors, ${result.dataset.relations.length} relations`,
);
