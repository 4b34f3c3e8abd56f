/**
 * What a file is, from its content (docs/FORMATS.md, "Detection"): the first
 * character (JSON, XML), the shape of the first line (GDELT's headerless
 * rows: tab-separated, 57, 58 or 61 columns) and the names in a header
 * (ICEWS, ACLED, UCDP, event tables, our CSV tables). The extension only
 * settles what the content leaves open (a `.json` that does not parse is
 * still JSON, so its error is a JSON error). Every answer says why, so the
 * app and the CLI can show it; a table nobody recognises comes back with
 * the header it has, for the column mapping.
 */
import { parseCsv, type Delimiter } from './csv';
import { ACTOR_COLUMNS, RELATION_COLUMNS } from './csv-columns';
import { isEventTable } from './event-columns';
import { gdeltShapeOf } from './gdelt';
import { isAcledHeader } from './acled';
import { isIcewsHeader } from './icews';
import { normaliseName } from './names';
import { isGedHeader } from './ucdp-ged';
import { recogniseUcdp } from './ucdp';

/** Every format the import reads, by the name `--format` takes. */
export const FORMATS = {
  json: 'an Allegiance JSON dataset',
  gexf: 'a GEXF graph',
  csv: 'a CSV relations (or actors) table',
  events: 'an event table (CSV with actors and a Goldstein, QuadClass or CAMEO column)',
  gdelt: 'a GDELT 1.0/2.0 raw event export',
  icews: 'an ICEWS coded event file',
  acled: 'an ACLED event file',
  'ucdp-ged': 'a UCDP Georeferenced Event Dataset (GED) file',
  'ucdp-acd': 'a UCDP/PRIO Armed Conflict Dataset table',
  'ucdp-nonstate': 'a UCDP Non-State Conflict Dataset table',
} as const;

export type FormatName = keyof typeof FORMATS;

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export const isFormatName = (name: string): name is FormatName =>
  Object.prototype.hasOwnProperty.call(FORMATS, name);

/** A recognised file: its format and why (`GDELT 2.0 export: tab-separated, no header, 61 columns`). */
export interface Detected {
  format: FormatName;
  reason: string;
}

/** A file that is no format we read, with what it looked like. */
export interface NotRecognised {
  format: null;
  reason: string;
  /** The header cells of a table (for the column mapping), when it has one. */
  header?: string[];
  delimiter?: Delimiter;
}

export type Detection = Detected | NotRecognised;

const DELIMITER_NAMES: Record<Delimiter, string> = {
  ',': 'comma-separated',
  ';': 'semicolon-separated',
  '\t': 'tab-separated',
};

/** The format of a file, from its content (and its name's extension where the content is silent). */
export function detectFormat(name: string, text: string): Detection {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.trimStart()[0];
  if (first === '{' || first === '[')
    return { format: 'json', reason: `JSON: the file starts with "${first}"` };
  if (first === '<')
    return { format: 'gexf', reason: 'XML: the file starts with "<" (read as GEXF)' };
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'json') return { format: 'json', reason: 'the file name ends in .json' };
  if (ext === 'gexf') return { format: 'gexf', reason: 'the file name ends in .gexf' };
  if (body.trim() === '')
    return ext === 'csv' || ext === 'tsv' || ext === 'txt'
      ? { format: 'csv', reason: `the file name ends in .${ext}` }
      : { format: null, reason: 'the file is empty' };

  const gdelt = gdeltShapeOf(body);
  if (gdelt)
    return {
      format: 'gdelt',
      reason: `GDELT ${gdelt === 61 ? '2.0' : '1.0'} export: tab-separated, no header, ${gdelt} columns`,
    };
  return detectTable(body);
}

/** A delimited table, by the names in its header. */
function detectTable(body: string): Detection {
  const firstLine = /^[^\r\n]*/.exec(body)?.[0] ?? '';
  const table = parseCsv(firstLine).table;
  const delimiter = table?.delimiter ?? ',';
  const header = table?.header.cells.map((c) => c.text.trim()) ?? [];
  const how = `${DELIMITER_NAMES[delimiter]}, header of ${header.length} columns`;
  const ucdp = recogniseUcdp(header);
  if (isGedHeader(header))
    return {
      format: 'ucdp-ged',
      reason: `UCDP GED events: ${how} with side_a, side_b, date_start, date_end, best`,
    };
  if (ucdp === 'ucdp-acd')
    return {
      format: ucdp,
      reason: `UCDP/PRIO Armed Conflict Dataset: ${how} with conflict_id, year, side_a, side_b`,
    };
  if (ucdp === 'ucdp-nonstate')
    return {
      format: ucdp,
      reason: `UCDP Non-State Conflict Dataset: ${how} with conflict_id, dyad_id, side_a_name, side_b_name`,
    };
  if (isIcewsHeader(header))
    return {
      format: 'icews',
      reason: `ICEWS events: ${how} with Event ID, Event Date, Source Name, Target Name, CAMEO Code`,
    };
  if (isAcledHeader(header))
    return {
      format: 'acled',
      reason: `ACLED events: ${how} with event_date, actor1, actor2, event_type`,
    };
  if (isEventTable(firstLine))
    return {
      format: 'events',
      reason: `event table: ${how} with two actor columns and a score column`,
    };
  const names = new Set(header.map(normaliseName));
  const names1 = (list: readonly string[]) => list.some((n) => names.has(n));
  if (names1(RELATION_COLUMNS.source) && names1(RELATION_COLUMNS.target))
    return { format: 'csv', reason: `relations table: ${how} with source and target columns` };
  if (names1(ACTOR_COLUMNS.id) && header.length > 1)
    return { format: 'csv', reason: `actors table: ${how} with an id column` };
  if (header.length > 1)
    return {
      format: null,
      reason: `a ${DELIMITER_NAMES[delimiter]} table whose header (${header.map((h) => JSON.stringify(h)).join(', ')}) names no format Allegiance reads: no source/target columns, no event columns (date, two actors, a score), and not GDELT, ICEWS, ACLED or UCDP`,
      header,
      delimiter,
    };
  return {
    format: null,
    reason:
      'not a format Allegiance reads: not JSON, GEXF, a delimited table with a header, or a GDELT export',
  };
}
