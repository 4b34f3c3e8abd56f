/**
 * Import of UCDP conflict-year tables (docs/FORMATS.md, "UCDP"): the
 * UCDP/PRIO Armed Conflict Dataset and the UCDP Non-State Conflict Dataset.
 * Each row is a conflict (NSC: a dyad) in one year; its sides become actors
 * with their UCDP ids, and its years become hostility between the sides and
 * support from the states listed as fighting beside a side, each relation
 * quoting the rows it rests on and citing the dataset.
 */
import type { Dataset, Source } from '../schema';
import { validateDataset } from '../validate';
import { readFieldTable } from './csv-table';
import { plural, ProblemLog, relocate, type ImportResult } from './import-result';
import { UcdpActors } from './ucdp-actors';
import { UCDP_COLUMNS, UCDP_REQUIRED, type UcdpKind } from './ucdp-columns';
import { collectPairs, pairRelations } from './ucdp-relations';
import { readConflictYears, type ConflictYear } from './ucdp-rows';

export { recogniseUcdp, type UcdpKind } from './ucdp-columns';

/** What UCDP asks users of each dataset to cite, and where it is published. */
const DATASETS: Record<UcdpKind, { title: string; publisher: string; cite: string }> = {
  'ucdp-acd': {
    title: 'UCDP/PRIO Armed Conflict Dataset',
    publisher:
      'Uppsala Conflict Data Program (UCDP), Uppsala University, and Peace Research Institute Oslo (PRIO)',
    cite: 'Gleditsch, Nils Petter, Peter Wallensteen, Mikael Eriksson, Margareta Sollenberg & Håvard Strand (2002). Armed Conflict 1946-2001: A New Dataset. Journal of Peace Research 39(5): 615-637.',
  },
  'ucdp-nonstate': {
    title: 'UCDP Non-State Conflict Dataset',
    publisher: 'Uppsala Conflict Data Program (UCDP), Uppsala University',
    cite: 'Sundberg, Ralph, Kristine Eck & Joakim Kreutz (2012). Introducing the UCDP Non-State Conflict Dataset. Journal of Peace Research 49(2): 351-362.',
  },
};

/** UCDP's yearly article to cite beside the dataset's own, for the release it describes. */
const YEARLY_ARTICLE = new Map([
  [
    '22.1',
    'Davies, Shawn, Therese Pettersson & Magnus Öberg (2022). Organized violence 1989-2021 and drone warfare. Journal of Peace Research 59(4).',
  ],
]);

export const UCDP_LICENCE = 'Creative Commons Attribution 4.0 International (CC BY 4.0)';
export const UCDP_LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';
const UCDP_DOWNLOADS = 'https://ucdp.uu.se/downloads/';

/**
 * Imports a UCDP conflict-year table of the given kind (`recogniseUcdp`
 * tells which a header is). Every problem is reported with its file, row
 * and column; the dataset comes only when there is no error.
 */
export function importUcdpConflicts(
  file: { name: string; text: string },
  kind: UcdpKind,
): ImportResult {
  const log = new ProblemLog();
  const whole = { file: file.name, path: '' };
  const table = readFieldTable(file, UCDP_COLUMNS, UCDP_REQUIRED, false, log);
  if (!table || log.errors.length > 0) return log.result(undefined);
  const years = readConflictYears(table, kind, file.text, log);
  if (log.errors.length > 0) return log.result(undefined);
  if (years.length === 0) {
    log.error(
      whole,
      'the table has no conflict-years: there are no rows with both sides below the header',
    );
    return log.result(undefined);
  }

  const actors = new UcdpActors(years, kind);
  const { pairs, selfPairs } = collectPairs(years, actors);
  if (selfPairs.length > 0)
    log.warn(
      selfPairs[0]!.row.whole(),
      `lists an actor on both sides, or supporting itself: that pair is left out (${plural(selfPairs.length, 'row')})`,
    );
  const source = datasetSource(kind, versionOf(years), file.name);
  const { relations, origins } = pairRelations(pairs, kind, source.id);
  const listed = actors.list();

  const raw: Dataset = {
    title: source.title,
    description: describe(kind, years, source),
    sources: [source],
    actorTypes: [],
    relationKinds: [],
    actors: listed.actors,
    relations,
    events: [],
  };
  const validation = validateDataset(raw, file.name);
  relocate(
    [...validation.errors, ...validation.warnings],
    { whole, actors: listed.origins, relations: origins },
    log,
  );
  return log.result(validation.dataset);
}

/** The release named in the `version` column ("22.1"; a spreadsheet may have written "22,1"). */
function versionOf(years: readonly ConflictYear[]): string | undefined {
  return years[0]!.row.word('version')?.replace(',', '.');
}

/** The dataset as a source: title, publisher, release year, where to get it, its licence and what to cite. */
export function datasetSource(kind: UcdpKind, version: string | undefined, file: string): Source {
  const { title, publisher, cite } = DATASETS[kind];
  const releaseYear =
    version && /^\d{2}\.\d+$/.test(version) ? `20${version.slice(0, 2)}` : undefined;
  const yearly =
    (version && YEARLY_ARTICLE.get(version)) ??
    `UCDP's yearly article in the Journal of Peace Research for version ${version ?? 'used'}.`;
  return {
    id: kind,
    title: version ? `${title}, version ${version}` : title,
    publisher,
    ...(releaseYear ? { date: releaseYear } : {}),
    url: UCDP_DOWNLOADS,
    file,
    note: `Licence: ${UCDP_LICENCE} (${UCDP_LICENCE_URL}). Please cite: ${cite} ${yearly}`,
  };
}

function describe(kind: UcdpKind, years: readonly ConflictYear[], source: Source): string {
  const conflicts = new Set(years.map((y) => y.conflictId)).size;
  const span = years.map((y) => y.year);
  const first = span.reduce((a, b) => Math.min(a, b));
  const last = span.reduce((a, b) => Math.max(a, b));
  const supporters =
    kind === 'ucdp-acd'
      ? 'states fighting beside a side (side_a_2nd, side_b_2nd)'
      : 'states sending troops to support a side (side_a_2nd, side_b_2nd)';
  return (
    `${plural(conflicts, 'conflict')} in ${plural(years.length, 'conflict-year')}, ${first}–${last}, ` +
    `from ${source.title} (${source.publisher}). Each year a conflict is listed, the actors of its ` +
    `side A are hostile to those of its side B, and ${supporters} support that side's actors; ` +
    `consecutive years make one relation. ${source.note}`
  );
}
