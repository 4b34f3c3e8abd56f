/**
 * The columns of the UCDP conflict-year tables (docs/FORMATS.md, "UCDP"):
 * the UCDP/PRIO Armed Conflict Dataset (ACD) and the UCDP Non-State Conflict
 * Dataset (NSC), and how a header is recognised as one of them.
 */
import { normaliseName } from './names';

/** The two conflict-year tables this importer reads. */
export type UcdpKind = 'ucdp-acd' | 'ucdp-nonstate';

/** The columns read, by field. ACD names a side `side_a`, NSC `side_a_name`. */
const READ = {
  conflictId: ['conflict_id'],
  dyadId: ['dyad_id'],
  org: ['org'],
  location: ['location'],
  sideA: ['side_a', 'side_a_name'],
  sideAId: ['side_a_id'],
  sideAComponents: ['side_a_components'],
  sideA2nd: ['side_a_2nd'],
  sideB: ['side_b', 'side_b_name'],
  sideBId: ['side_b_id'],
  sideBComponents: ['side_b_components'],
  sideB2nd: ['side_b_2nd'],
  gwnoB: ['gwno_b'],
  incompatibility: ['incompatibility'],
  territory: ['territory_name'],
  year: ['year'],
  intensity: ['intensity_level'],
  typeOfConflict: ['type_of_conflict'],
  startDate: ['start_date'],
  startPrec: ['start_prec'],
  epEnd: ['ep_end'],
  epEndDate: ['ep_end_date'],
  epEndPrec: ['ep_end_prec'],
  best: ['best_fatality_estimate'],
  low: ['low_fatality_estimate'],
  high: ['high_fatality_estimate'],
  version: ['version'],
} as const satisfies Record<string, readonly string[]>;

/** Columns of the codebooks the import does not need, known so they are not reported as unknown. */
const UNUSED = [
  'side_a_name_fulltext',
  'side_a_name_mothertongue',
  'side_b_name_fulltext',
  'side_b_name_mothertongue',
  'gwno_a',
  'gwno_a_2nd',
  'gwno_b_2nd',
  'gwno_loc',
  'gwno_location',
  'cumulative_intensity',
  'start_date2',
  'start_prec2',
  'ext_troop_supp',
  'region',
];

export type UcdpField = keyof typeof READ;

/** The header spec: the fields read, and each unused column as a field of its own (never read). */
export const UCDP_COLUMNS: Readonly<Record<UcdpField, readonly string[]>> = {
  ...READ,
  ...Object.fromEntries(UNUSED.map((name) => [`unused:${name}`, [name]])),
};

/** The columns each table must have. */
export const UCDP_REQUIRED: readonly UcdpField[] = [
  'conflictId',
  'sideA',
  'sideAId',
  'sideB',
  'sideBId',
  'year',
];

/**
 * Which UCDP conflict-year table a header belongs to, or undefined. Both have
 * `conflict_id`, `year` and `side_a_id`/`side_b_id`; the Non-State table names
 * its sides `side_a_name`/`side_b_name` (with a `dyad_id`), the Armed Conflict
 * Dataset `side_a`/`side_b`. Case, spaces and extra columns (a spreadsheet's
 * row number) do not matter.
 */
export function recogniseUcdp(header: readonly string[]): UcdpKind | undefined {
  const names = new Set(header.map(normaliseName));
  const has = (...wanted: string[]) => wanted.every((n) => names.has(n));
  if (!has('conflict_id', 'year', 'side_a_id', 'side_b_id')) return undefined;
  if (has('side_a_name', 'side_b_name', 'dyad_id')) return 'ucdp-nonstate';
  if (has('side_a', 'side_b')) return 'ucdp-acd';
  return undefined;
}
