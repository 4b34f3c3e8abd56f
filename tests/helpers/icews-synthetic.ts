/**
 * Seeded, synthetic ICEWS-shaped event rows (SYNTHETIC: no row is real) for
 * the DuckDB import tests and the import benchmark. Rows have the shape of
 * ICEWS's yearly files (tab-separated, a header, `NA` for a missing value)
 * and its habits: source and target named as sectors of a country ("Police
 * (Kenya)") or as the country itself (a state), CAMEO codes whose Intensity
 * (Goldstein) agrees with them, stories with several sentences, a few
 * publishers, and a leaning per pair of actors that changes every few years,
 * so windows aggregate into cooperation, hostility, tension and contact.
 * About 200 bytes a row. Same seed and options, same bytes.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { seededRandom } from '../../src/core/layout';

export interface IcewsSyntheticOptions {
  seed?: number;
  /** How many distinct actors; rows favour the first ones, as the news does. */
  actors?: number;
  firstYear?: number;
  years?: number;
  /** Share of rows whose target is `NA`, which the import reports as an error: 0 by default. */
  missingTargetShare?: number;
}

export const ICEWS_HEADER = [
  'Event ID',
  'Event Date',
  'Source Name',
  'Source Sectors',
  'Source Country',
  'Event Text',
  'CAMEO Code',
  'Intensity',
  'Target Name',
  'Target Sectors',
  'Target Country',
  'Story ID',
  'Sentence Number',
  'Publisher',
  'City',
  'District',
  'Province',
  'Country',
  'Latitude',
  'Longitude',
].join('\t');

const COUNTRIES = [
  'Kenya',
  'Nigeria',
  'India',
  'Pakistan',
  'Russian Federation',
  'Ukraine',
  'China',
  'Japan',
  'United States',
  'Iran',
  'Israel',
  'Syria',
  'Turkey',
  'Brazil',
  'Mexico',
  'Colombia',
];

/** Sectors an actor may be named by; '' is the country itself (ICEWS then codes a state). */
const SECTORS: readonly [string, string][] = [
  ['', 'Government'],
  ['Police', 'Police,Government'],
  ['Military Personnel', 'Military,Government'],
  ['Foreign Affairs', 'Executive,Foreign Ministry,Government'],
  ['Citizen', 'General Population / Civilian / Social'],
  ['Protester', 'Protestors / Popular Opposition / Mobs'],
  ['Business', 'Business'],
  ['Insurgent', 'Rebels,Insurgents'],
];

/** CAMEO codes with the ICEWS event text and the Intensity (Goldstein) ICEWS gives them. */
const EVENTS: readonly { code: string; text: string; intensity: number }[] = [
  { code: '010', text: 'Make statement', intensity: 0 },
  { code: '020', text: 'Make an appeal or request', intensity: 3 },
  { code: '036', text: 'Express intent to meet or negotiate', intensity: 4 },
  { code: '040', text: 'Consult', intensity: 1 },
  { code: '042', text: 'Make a visit', intensity: 1.9 },
  { code: '051', text: 'Praise or endorse', intensity: 3.4 },
  { code: '061', text: 'Cooperate economically', intensity: 6.4 },
  { code: '071', text: 'Provide economic aid', intensity: 7.4 },
  { code: '090', text: 'Investigate', intensity: -2 },
  { code: '111', text: 'Criticize or denounce', intensity: -2 },
  { code: '120', text: 'Reject', intensity: -4 },
  { code: '130', text: 'Threaten', intensity: -4.4 },
  { code: '173', text: 'Arrest, detain, or charge with legal action', intensity: -5 },
  { code: '181', text: 'Abduct, hijack, or take hostage', intensity: -9 },
  { code: '190', text: 'Use conventional military force', intensity: -10 },
];
const COOPERATIVE = EVENTS.filter((e) => e.intensity > 0);
const VERBAL_CONFLICT = EVENTS.filter((e) => e.intensity < 0 && e.code < '140');
const HOSTILE = EVENTS.filter((e) => e.intensity < 0);

const PUBLISHERS = [
  'Xinhua',
  'BBC Monitoring',
  'Agence France-Presse',
  'The Hindu',
  'Daily Nation',
];

interface Actor {
  name: string;
  sectors: string;
  country: string;
}

function actorList(count: number): Actor[] {
  const out: Actor[] = [];
  for (let i = 0; out.length < count; i++) {
    const country = COUNTRIES[i % COUNTRIES.length]!;
    const round = Math.floor(i / COUNTRIES.length);
    const [sector, sectors] = SECTORS[round % SECTORS.length]!;
    const suffix = round >= SECTORS.length ? ` ${Math.floor(round / SECTORS.length)}` : '';
    out.push({
      name: sector ? `${sector}${suffix} (${country})` : `${country}${suffix}`,
      sectors,
      country,
    });
  }
  return out;
}

/** A pair's leaning in a period: 0 cooperative, 1 verbal conflict, 2 hostile, 3 mixed. */
function leaning(a: number, b: number, period: number): number {
  let h = (Math.min(a, b) * 7919 + Math.max(a, b) * 104729 + period * 15485863) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return (h ^ (h >>> 16)) % 4;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Calls `emit` with each line (no line break) of a synthetic ICEWS file, the header first. */
export function forEachIcewsLine(
  rows: number,
  options: IcewsSyntheticOptions,
  emit: (line: string) => void,
): void {
  const random = seededRandom(options.seed ?? 21);
  const actors = actorList(options.actors ?? 150);
  const firstYear = options.firstYear ?? 2010;
  const years = options.years ?? 8;
  const missingTarget = options.missingTargetShare ?? 0;
  const pickActor = () => Math.floor(actors.length * random() ** 3);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  emit(ICEWS_HEADER);
  let story = 40_000_000;
  let sentence = 1;
  for (let i = 0; i < rows; i++) {
    if (random() < 0.4) {
      story += 1 + Math.floor(random() * 3);
      sentence = 1;
    } else sentence++;
    const year = firstYear + Math.floor(random() * years);
    const date = `${year}-${pad2(1 + Math.floor(random() * 12))}-${pad2(1 + Math.floor(random() * 28))}`;
    const a = pickActor();
    let b = pickActor();
    if (b === a) b = (a + 1) % actors.length;
    const lean = leaning(a, b, Math.floor((year - firstYear) / 3));
    const pool =
      random() < 0.25 ? EVENTS : ([COOPERATIVE, VERBAL_CONFLICT, HOSTILE, EVENTS][lean] ?? EVENTS);
    const event = pick(pool);
    const source = actors[a]!;
    const target = random() < missingTarget ? undefined : actors[b]!;
    emit(
      [
        String(30_000_000 + i),
        date,
        source.name,
        source.sectors,
        source.country,
        event.text,
        event.code,
        String(event.intensity),
        target?.name ?? 'NA',
        target?.sectors ?? 'NA',
        target?.country ?? 'NA',
        String(story),
        String(sentence),
        pick(PUBLISHERS),
        'NA',
        'NA',
        'NA',
        source.country,
        (random() * 120 - 60).toFixed(4),
        (random() * 340 - 170).toFixed(4),
      ].join('\t'),
    );
  }
}

/** A synthetic ICEWS file's text (for small files; see writeIcewsFile for large ones). */
export function icewsText(rows: number, options: IcewsSyntheticOptions = {}): string {
  const lines: string[] = [];
  forEachIcewsLine(rows, options, (line) => lines.push(line));
  return lines.join('\n') + '\n';
}

/** Writes a synthetic ICEWS file to `path` a few thousand lines at a time; returns its size in bytes. */
export function writeIcewsFile(
  path: string,
  rows: number,
  options: IcewsSyntheticOptions = {},
): number {
  const fd = openSync(path, 'w');
  let pending: string[] = [];
  let bytes = 0;
  const flush = () => {
    const chunk = pending.join('\n') + '\n';
    bytes += writeSync(fd, chunk);
    pending = [];
  };
  try {
    forEachIcewsLine(rows, options, (line) => {
      pending.push(line);
      if (pending.length === 5000) flush();
    });
    if (pending.length > 0) flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}
