/**
 * ACLED event data (docs/FORMATS.md, "ACLED"): one row per event, with a
 * main actor on each side (`actor1`, `actor2`), their associated actors
 * (`assoc_actor_1`, `assoc_actor_2`: `;`-separated lists), the event type
 * and the actor types (`inter1`, `inter2`, `interaction`). ACLED has no
 * Goldstein score: each event type is given the Goldstein value of the
 * CAMEO event it corresponds to (`ACLED_SCORES`), and events then take the
 * common event-table path.
 */
import type { Row } from './csv-table';
import type { EventField, QuadClass } from './event-columns';
import type { EventImportOptions } from './event-options';
import { parseEventDate, reportSingleActorRows, type EventRow } from './event-rows';
import { importEventTables, type EventTableFormat } from './event-tables';
import { readEventTable } from './events-import';
import {
  listSome,
  plural,
  type ImportResult,
  type Location,
  type ProblemLog,
} from './import-result';
import { normaliseName } from './names';

const NONE: readonly string[] = [];

/** ACLED's columns: event fields where they mean the same, and its own. */
export const ACLED_COLUMNS = {
  id: ['event_id_cnty'],
  date: ['event_date'],
  actor1: ['actor1'],
  actor2: ['actor2'],
  quote: ['notes'],
  actor1Name: NONE,
  actor2Name: NONE,
  goldstein: NONE,
  quadClass: NONE,
  cameoCode: NONE,
  evidenceSource: NONE,
  assoc1: ['assoc_actor_1'],
  assoc2: ['assoc_actor_2'],
  inter1: ['inter1'],
  inter2: ['inter2'],
  interaction: ['interaction'],
  eventType: ['event_type'],
  subEventType: ['sub_event_type'],
  fatalities: ['fatalities'],
  publications: ['source'],
} as const;

export type AcledField = keyof typeof ACLED_COLUMNS;

/** Whether a header (its cells) is ACLED's. */
export function isAcledHeader(cells: readonly string[]): boolean {
  const names = new Set(cells.map(normaliseName));
  return ['event_date', 'actor1', 'actor2', 'event_type'].every((n) => names.has(n));
}

export interface Score {
  score: number;
  quadClass?: QuadClass;
}

/**
 * The score of an event between the two sides, by event type (and, where
 * the type holds both violent and peaceful sub-events, by sub-event type):
 * the Goldstein value of the matching CAMEO event. Basis in docs/FORMATS.md.
 */
export const ACLED_SCORES = new Map<string, Score>([
  ['battles', { score: -10, quadClass: 4 }], // CAMEO 190, use conventional military force
  ['explosions/remote violence', { score: -10, quadClass: 4 }], // CAMEO 195, employ aerial weapons
  ['violence against civilians', { score: -9, quadClass: 4 }], // CAMEO 180, unconventional violence
  ['riots', { score: -7.5, quadClass: 4 }], // CAMEO 145, protest violently, riot
  ['protests', { score: -6.5, quadClass: 3 }], // CAMEO 141, demonstrate; non-violent by definition
  ['strategic developments', { score: 0 }], // by sub-event type below; else contact
]);

export const SUB_EVENT_SCORES = new Map<string, Score>([
  ['excessive force against protesters', { score: -9, quadClass: 4 }], // CAMEO 180
  ['agreement', { score: 8, quadClass: 1 }], // CAMEO 057, sign formal agreement
  ['arrests', { score: -5, quadClass: 4 }], // CAMEO 173, arrest, detain
  ['looting/property destruction', { score: -9.2, quadClass: 4 }], // CAMEO 171, seize or damage property
  ['disrupted weapons use', { score: -10, quadClass: 4 }], // CAMEO 190: an attack stopped by force
]);

/** Associated actors acted with their main actor: CAMEO 06, engage in material cooperation. */
export const TOGETHER: Score = { score: 6, quadClass: 2 };

/** ACLED's actor type codes (numeric before 2024, words after) → our actor types. */
export const INTER_TYPES = new Map<string, string>([
  ['1', 'state'],
  ['state forces', 'state'],
  ['2', 'armed-group'],
  ['rebel group', 'armed-group'],
  ['3', 'armed-group'],
  ['political militia', 'armed-group'],
  ['4', 'armed-group'],
  ['identity militia', 'armed-group'],
  ['5', 'population'],
  ['rioters', 'population'],
  ['6', 'political-movement'],
  ['protesters', 'political-movement'],
  ['7', 'population'],
  ['civilians', 'population'],
  ['8', 'other'],
  ['external/other forces', 'other'],
]);

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * ACLED's dates: `2023-01-31` (the API and current exports) or
 * `31 January 2023` / `31-January-2023` / `31 Jan 2023` (older exports).
 */
export function parseAcledDate(text: string): { iso: string; month: number } | { problem: string } {
  const m = /^(\d{1,2})[\s-]+([A-Za-z]+)[\s-]+(\d{4})$/.exec(text);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return parseEventDate(text);
    return {
      problem: 'is not an ACLED date (expected 2023-01-31 or 31 January 2023)',
    };
  }
  const name = m[2]!.toLowerCase();
  const month = MONTHS.findIndex((n) => n === name || (name.length === 3 && n.startsWith(name)));
  if (month < 0) return { problem: `has no month called "${m[2]}"` };
  const iso = `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return parseEventDate(iso);
}

const FILE_SOURCE = 'acled';

/**
 * ACLED files: each row's events (every pair of opponents, each side's
 * allies); rows without a second actor are counted in one warning per file.
 */
export const ACLED: EventTableFormat = {
  read(file, log) {
    const table = readEventTable<AcledField>(file, log, ACLED_COLUMNS, false);
    if (!table) return undefined;
    if (!table.columns.has('eventType')) {
      log.error({ file: file.name, line: 1, path: 'row 1' }, 'missing column "event_type"');
      return undefined;
    }
    const rows = table.rows(log);
    const single: Row<AcledField>[] = [];
    const events = rows.flatMap((row) => acledEvents(row, log, () => single.push(row)));
    reportSingleActorRows(
      single.map((r) => r.narrow<EventField>()),
      'an event with no second actor, such as most protests, tells no relation',
      log,
    );
    return { events, has: (f) => table.columns.has(f), rows: rows.length };
  },
  describe: (files, rows) => ({
    about:
      `ACLED events (${plural(rows, 'row')}). The main actors of an event are opponents, ` +
      `and so is every associated actor of one side with every actor of the other; associated ` +
      `actors acted with their main actor (cooperation), except on a civilian side. ACLED has ` +
      `no Goldstein score: each event type counts as the Goldstein value of the matching CAMEO ` +
      `event (battles and remote violence −10, violence against civilians −9, riots −7.5, ` +
      `protests −6.5 as verbal conflict, agreements +8; see docs/FORMATS.md). Each quote is ` +
      `ACLED's note on the event, verbatim. Data: ACLED, acleddata.com (terms of use apply).`,
    sources: { declared: [{ id: FILE_SOURCE, title: `ACLED event data ${files.join(', ')}` }] },
  }),
};

/** Imports one ACLED file (several: `importEventFiles` in `event-files.ts`). */
export function importAcled(
  file: { name: string; text: string },
  options: EventImportOptions = {},
): ImportResult {
  return importEventTables(ACLED, [file], options);
}

/** The events one ACLED row tells: every pair of opponents, and each side's allies. */
function acledEvents(row: Row<AcledField>, log: ProblemLog, single: () => void): EventRow[] {
  const errorsBefore = log.errors.length;
  const dateText = row.word('date');
  const date = dateText === undefined ? undefined : parseAcledDate(dateText);
  if (date === undefined) log.error(row.at('date'), 'the row has no date (the cell is empty)');
  else if ('problem' in date)
    log.error(row.at('date'), `${JSON.stringify(dateText)} ${date.problem}`, dateText);
  const score = eventScore(row, log);
  const deaths = fatalitiesOf(row, log);
  const actor1 = row.word('actor1');
  if (actor1 === undefined)
    log.error(row.at('actor1'), 'the row has no actor 1 (the cell is empty)');
  const bad = log.errors.length > errorsBefore || deaths === null;
  if (bad || !date || 'problem' in date || !score || !actor1) return [];
  const actor2 = row.word('actor2');
  if (actor2 === undefined) {
    single();
    return [];
  }

  const eventType = row.word('eventType')!;
  const sub = row.word('subEventType');
  const publications = row.text('publications')?.trim();
  const detail = [
    `${eventType}${sub ? `: ${sub}` : ''}`,
    ...(deaths !== undefined ? [deaths === 1 ? '1 fatality' : `${deaths} fatalities`] : []),
    ...(publications ? [`ACLED's sources: ${publications}`] : []),
  ].join('; ');
  const base = {
    row: row.narrow<EventField>(),
    date: date.iso,
    month: date.month,
    scoredFromQuadClass: false,
    quote: row.text('quote'),
    source: FILE_SOURCE,
    id: row.word('id'),
    scoreBasis: 'from ACLED event types',
  };
  const events: EventRow[] = [];
  const add = (a: Member, b: Member, s: Score, how: string) => {
    if (a.name === b.name) return;
    events.push({
      ...base,
      actor1: a.name,
      actor2: b.name,
      score: s.score,
      quadClass: s.quadClass,
      detail: `${how}${detail}`,
      where1: a.at,
      where2: b.at,
      type1: a.type,
      type2: b.type,
    });
  };
  const [side1, side2] = [sideOf(row, 1, actor1), sideOf(row, 2, actor2)];
  for (const a of [side1.main, ...side1.assoc])
    for (const b of [side2.main, ...side2.assoc]) add(a, b, score, '');
  for (const side of [side1, side2])
    if (!side.civilian)
      for (const ally of side.assoc)
        add(side.main, ally, TOGETHER, 'associated actors in one event; ');
  return events;
}

/** An actor named in a row, where it is named, and its type when ACLED gives it. */
interface Member {
  name: string;
  at: Location;
  type?: string;
}

/**
 * One side of an event: its main actor (typed by `inter1`/`inter2`), its
 * associated actors, and whether it is civilians (whose associated actors
 * are fellow victims, not allies).
 */
function sideOf(row: Row<AcledField>, n: 1 | 2, main: string) {
  const inter = row.word(`inter${n}`)?.toLowerCase();
  const assoc = [
    ...new Set(
      (row.text(`assoc${n}`) ?? '')
        .split(';')
        .map((a) => a.trim())
        .filter((a) => a !== '' && a !== main),
    ),
  ];
  return {
    main: { name: main, at: row.at(`actor${n}`), type: inter && INTER_TYPES.get(inter) } as Member,
    assoc: assoc.map((name): Member => ({ name, at: row.at(`assoc${n}`) })),
    civilian: inter === '7' || inter === 'civilians',
  };
}

/** Fatalities: a whole number of at least 0, or no value. */
function fatalitiesOf(row: Row<AcledField>, log: ProblemLog): number | undefined | null {
  const text = row.word('fatalities');
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  log.error(
    row.at('fatalities'),
    `${JSON.stringify(text)} is not a number of fatalities (a whole number of 0 or more)`,
    text,
  );
  return null;
}

function eventScore(row: Row<AcledField>, log: ProblemLog): Score | undefined {
  const type = row.word('eventType');
  if (type === undefined) {
    log.error(row.at('eventType'), 'the row has no event type (the cell is empty)');
    return undefined;
  }
  const score = ACLED_SCORES.get(type.toLowerCase());
  if (!score) {
    log.error(
      row.at('eventType'),
      `${JSON.stringify(type)} is not an ACLED event type (expected ${listSome(
        [...ACLED_SCORES.keys()].map((k) => `"${k}"`),
        10,
      )}, in any case)`,
      type,
    );
    return undefined;
  }
  return SUB_EVENT_SCORES.get(row.word('subEventType')?.toLowerCase() ?? '') ?? score;
}
