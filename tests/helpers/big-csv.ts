/**
 * A large, realistic relations CSV for the big-import tests: `rows` relations
 * between `actors` actors (ids `a0`…), over 70 years, mostly short intervals
 * (1–6 months) so a few thousand relations are active at any date, and a few
 * open-ended ones so the last date is not empty. Deterministic (seeded).
 * One million rows make about 37 MB.
 */
import { seededRandom } from '../../src/core/layout';

const KINDS = ['alliance', 'hostility', 'support', 'rivalry', 'tension', 'trade'] as const;
const FIRST_YEAR = 1950;
const MONTHS = 70 * 12;

export function bigRelationsCsv(rows = 1_000_000, actors = 3000, seed = 11): string {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const month = (m: number) =>
    `${FIRST_YEAR + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  const lines = ['source,target,kind,from,until'];
  for (let i = 0; i < rows; i++) {
    const source = pick(actors);
    const target = (source + 1 + pick(actors - 1)) % actors; // never the source itself
    const start = pick(MONTHS - 6);
    // One relation in 500 is still going (no end): about 2,000 at the last date.
    const until = random() < 0.002 ? '' : month(start + 1 + pick(6));
    lines.push(`a${source},a${target},${KINDS[pick(KINDS.length)]},${month(start)},${until}`);
  }
  return lines.join('\n') + '\n';
}
