/**
 * CAMEO event codes (Conflict and Mediation Event Observations, the
 * taxonomy GDELT and ICEWS code events in): the 20 root codes, their names
 * as the CAMEO codebook gives them, and the QuadClass each root belongs to.
 * GDELT derives its QuadClass column from the root code the same way:
 * 01–05 verbal cooperation, 06–08 material cooperation, 09–13 verbal
 * conflict, 14–20 material conflict.
 */
import type { QuadClass } from './event-columns';

/** Root code → its name in the CAMEO codebook (version 1.1b3). */
export const CAMEO_ROOT_NAMES: ReadonlyMap<string, string> = new Map([
  ['01', 'make public statement'],
  ['02', 'appeal'],
  ['03', 'express intent to cooperate'],
  ['04', 'consult'],
  ['05', 'engage in diplomatic cooperation'],
  ['06', 'engage in material cooperation'],
  ['07', 'provide aid'],
  ['08', 'yield'],
  ['09', 'investigate'],
  ['10', 'demand'],
  ['11', 'disapprove'],
  ['12', 'reject'],
  ['13', 'threaten'],
  ['14', 'protest'],
  ['15', 'exhibit force posture'],
  ['16', 'reduce relations'],
  ['17', 'coerce'],
  ['18', 'assault'],
  ['19', 'fight'],
  ['20', 'use unconventional mass violence'],
]);

/** What a CAMEO code cell may hold, for messages. */
export const CAMEO_HELP =
  'a CAMEO event code: 2 to 4 digits whose first two are a root code from 01 to 20, written with its leading zero (040, not 40)';

/**
 * The root code and QuadClass of a CAMEO event code (`040`, `0231`, `19`),
 * or undefined when the text is not one. Codes are text: `40` (a `040`
 * whose zero a spreadsheet dropped) is not read as root 04.
 */
export function cameoRoot(code: string): { root: string; quadClass: QuadClass } | undefined {
  if (!/^\d{2,4}$/.test(code)) return undefined;
  const root = code.slice(0, 2);
  const n = Number(root);
  if (!CAMEO_ROOT_NAMES.has(root)) return undefined;
  const quadClass: QuadClass = n <= 5 ? 1 : n <= 8 ? 2 : n <= 13 ? 3 : 4;
  return { root, quadClass };
}
