/**
 * Seeded, synthetic GDELT-shaped event rows (SYNTHETIC: no row is real) for
 * the DuckDB import tests and the import benchmark. Rows have the shape of
 * GDELT's raw exports (tab-separated, no header, 61 columns for GDELT 2.0,
 * 58 or 57 for 1.0) and its habits: CAMEO actor codes (a country, often
 * with a role), about a third of the rows with one actor only, CAMEO event
 * codes whose QuadClass and Goldstein score agree, and a leaning per pair of
 * actors that changes every few years, so windows aggregate into
 * cooperation, hostility, tension and contact. About 300 bytes a row at 61
 * columns. Same seed and options, same bytes.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { seededRandom } from '../../src/core/layout';
import type { GdeltWidth } from '../../src/core/io/gdelt-columns';

export interface GdeltSyntheticOptions {
  /** Column count: 61 (GDELT 2.0), 58 (1.0 daily) or 57 (1.0 historical). */
  width?: GdeltWidth;
  seed?: number;
  /** How many distinct actors; rows favour the first ones, as the news does. */
  actors?: number;
  firstYear?: number;
  years?: number;
  /** Share of rows with no second actor. */
  singleActorShare?: number;
  /** GLOBALEVENTID of the first row; ids count up row by row, as GDELT numbers its exports. */
  firstId?: number;
}

const COUNTRIES: readonly [string, string][] = [
  ['USA', 'UNITED STATES'],
  ['RUS', 'RUSSIA'],
  ['CHN', 'CHINA'],
  ['UKR', 'UKRAINE'],
  ['IRN', 'IRAN'],
  ['ISR', 'ISRAEL'],
  ['PAK', 'PAKISTAN'],
  ['IND', 'INDIA'],
  ['AFG', 'AFGHANISTAN'],
  ['SYR', 'SYRIA'],
  ['TUR', 'TURKEY'],
  ['GBR', 'UNITED KINGDOM'],
  ['FRA', 'FRANCE'],
  ['DEU', 'GERMANY'],
  ['SAU', 'SAUDI ARABIA'],
  ['IRQ', 'IRAQ'],
  ['EGY', 'EGYPT'],
  ['NGA', 'NIGERIA'],
  ['ETH', 'ETHIOPIA'],
  ['SDN', 'SUDAN'],
  ['PRK', 'NORTH KOREA'],
  ['KOR', 'SOUTH KOREA'],
  ['JPN', 'JAPAN'],
  ['YEM', 'YEMEN'],
  ['LBY', 'LIBYA'],
  ['MLI', 'MALI'],
  ['COL', 'COLOMBIA'],
  ['VEN', 'VENEZUELA'],
  ['MEX', 'MEXICO'],
  ['BRA', 'BRAZIL'],
];

const ROLES: readonly [string, string][] = [
  ['', ''],
  ['GOV', 'GOVERNMENT'],
  ['MIL', 'MILITARY'],
  ['REB', 'REBEL'],
  ['OPP', 'OPPOSITION'],
  ['BUS', 'BUSINESS'],
  ['MED', 'MEDIA'],
];

/** CAMEO event codes with their root, QuadClass and Goldstein score, as in the CAMEO codebook. */
const EVENTS: readonly { code: string; quad: 1 | 2 | 3 | 4; goldstein: number }[] = [
  { code: '010', quad: 1, goldstein: 0 },
  { code: '020', quad: 1, goldstein: 3 },
  { code: '036', quad: 1, goldstein: 4 },
  { code: '042', quad: 1, goldstein: 1.9 },
  { code: '051', quad: 1, goldstein: 3.4 },
  { code: '061', quad: 2, goldstein: 6.4 },
  { code: '071', quad: 2, goldstein: 7.4 },
  { code: '081', quad: 2, goldstein: 5 },
  { code: '090', quad: 3, goldstein: -2 },
  { code: '100', quad: 3, goldstein: -5 },
  { code: '111', quad: 3, goldstein: -2 },
  { code: '120', quad: 3, goldstein: -4 },
  { code: '130', quad: 3, goldstein: -4.4 },
  { code: '140', quad: 3, goldstein: -6.5 },
  { code: '150', quad: 4, goldstein: -7.2 },
  { code: '172', quad: 4, goldstein: -5 },
  { code: '181', quad: 4, goldstein: -9 },
  { code: '190', quad: 4, goldstein: -10 },
  { code: '193', quad: 4, goldstein: -10 },
];
const COOPERATIVE = EVENTS.filter((e) => e.quad <= 2);
const VERBAL_CONFLICT = EVENTS.filter((e) => e.quad === 3);
const HOSTILE = EVENTS.filter((e) => e.quad >= 3);

interface Actor {
  code: string;
  name: string;
  country: string;
  role: string;
}

function actorList(count: number): Actor[] {
  const out: Actor[] = [];
  for (let i = 0; out.length < count; i++) {
    const [country, countryName] = COUNTRIES[i % COUNTRIES.length]!;
    const round = Math.floor(i / COUNTRIES.length);
    const [role, roleName] = ROLES[round % ROLES.length]!;
    const suffix = round >= ROLES.length ? String(Math.floor(round / ROLES.length)) : '';
    out.push({
      code: `${country}${role}${suffix}`,
      name: role ? `${countryName} ${roleName}${suffix ? ` ${suffix}` : ''}` : countryName,
      country,
      role,
    });
  }
  return out;
}

/** A pair's leaning in a period: 0 cooperative, 1 verbal conflict, 2 hostile, 3 mixed. */
function leaning(a: number, b: number, period: number, seed: number): number {
  let h = (Math.min(a, b) * 7919 + Math.max(a, b) * 104729 + period * 15485863 + seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return (h ^ (h >>> 16)) % 4;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Calls `emit` with each line (no line break) of a synthetic GDELT export.
 * Lines are made one at a time, so files of any size can be streamed out.
 */
export function forEachGdeltLine(
  rows: number,
  options: GdeltSyntheticOptions,
  emit: (line: string) => void,
): void {
  const width = options.width ?? 61;
  const random = seededRandom(options.seed ?? 15);
  const actors = actorList(options.actors ?? 120);
  const firstYear = options.firstYear ?? 2015;
  const years = options.years ?? 10;
  const single = options.singleActorShare ?? 0.3;
  const firstId = options.firstId ?? 400_000_000;
  // Cubing the draw favours the first actors, the way coverage favours a few states.
  const pickActor = () => Math.floor(actors.length * random() ** 3);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const geo = (a: Actor | undefined) => {
    if (!a) return width === 61 ? ['', '', '', '', '', '', '', ''] : ['', '', '', '', '', '', ''];
    const lat = (random() * 120 - 60).toFixed(4);
    const long = (random() * 340 - 170).toFixed(4);
    const adm1 = `${a.country.slice(0, 2)}${pad2(1 + Math.floor(random() * 20))}`;
    return width === 61
      ? ['1', a.name, a.country.slice(0, 2), adm1, '', lat, long, a.country]
      : ['1', a.name, a.country.slice(0, 2), adm1, lat, long, a.country];
  };
  const actorCells = (a: Actor | undefined) =>
    a ? [a.code, a.name, a.country, '', '', '', '', a.role, '', ''] : Array<string>(10).fill('');

  for (let i = 0; i < rows; i++) {
    const year = firstYear + Math.floor(random() * years);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const a = pickActor();
    let b: number | undefined = random() < single ? undefined : pickActor();
    if (b === a) b = (a + 1) % actors.length;
    const lean = b === undefined ? 3 : leaning(a, b, Math.floor((year - firstYear) / 3), 7);
    const pool =
      random() < 0.25 ? EVENTS : ([COOPERATIVE, VERBAL_CONFLICT, HOSTILE, EVENTS][lean] ?? EVENTS);
    const event = pick(pool);
    const actor1 = actors[a]!;
    const actor2 = b === undefined ? undefined : actors[b];
    const date = `${year}${pad2(month)}${pad2(day)}`;
    const id = String(firstId + i);
    const cells = [
      id,
      date,
      `${year}${pad2(month)}`,
      String(year),
      (year + (month - 1) / 12 + day / 365).toFixed(4),
      ...actorCells(actor1),
      ...actorCells(actor2),
      random() < 0.6 ? '1' : '0',
      event.code,
      event.code,
      event.code.slice(0, 2),
      String(event.quad),
      String(event.goldstein),
      String(1 + Math.floor(random() * 20)),
      String(1 + Math.floor(random() * 5)),
      String(1 + Math.floor(random() * 20)),
      (random() * 20 - 10).toFixed(6),
      ...geo(actor1),
      ...geo(actor2),
      ...geo(actor1),
      `${date}${width === 61 ? '141500' : ''}`,
    ];
    if (width !== 57)
      cells.push(
        `https://www.news${Math.floor(random() * 50)}.example/world/${year}/${pad2(month)}/${pad2(day)}/story-${id}.html`,
      );
    emit(cells.join('\t'));
  }
}

/** A synthetic GDELT export as one string (small files, for tests). */
export function gdeltText(rows: number, options: GdeltSyntheticOptions = {}): string {
  const lines: string[] = [];
  forEachGdeltLine(rows, options, (line) => lines.push(line));
  return lines.join('\n') + '\n';
}

/** Writes a synthetic GDELT export to `path` in 8 MB pieces; returns its size in bytes. */
export function writeGdeltFile(
  path: string,
  rows: number,
  options: GdeltSyntheticOptions = {},
): number {
  const fd = openSync(path, 'w');
  let buffer: string[] = [];
  let buffered = 0;
  let bytes = 0;
  const flush = () => {
    const chunk = buffer.join('');
    bytes += writeSync(fd, chunk);
    buffer = [];
    buffered = 0;
  };
  try {
    forEachGdeltLine(rows, options, (line) => {
      buffer.push(line, '\n');
      buffered += line.length + 1;
      if (buffered > 8_000_000) flush();
    });
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}
