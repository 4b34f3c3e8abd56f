/**
 * A seeded generator of synthetic temporal datasets, for benchmarks and
 * scale tests. Same seed and size, same dataset (byte for byte once
 * serialised); the output passes `validateDataset` with no errors and no
 * warnings.
 *
 * It imitates an event database aggregated into actors and dated relations:
 * - communities (of uneven size) around a core state or coalition; members
 *   are armed groups, parties, agencies, people…, some of them part of
 *   another member (parents, at most two levels deep, so never a cycle);
 * - actors born and dissolved during the period (relations stay within the
 *   lifetimes of both ends);
 * - prominence is heavy-tailed, so a few actors have many relations;
 * - pair histories: within a community alliances, cooperation and support;
 *   across communities hostility, tension, rivalry; a history may flip
 *   (an alliance ends and hostility between the same pair starts later, or
 *   on the same day) and flip back;
 * - events at flips, births and dissolutions, naming their actors.
 * Dates mix year, month and day precision, as real sources do.
 */
import { formatDay, toDay, type Precision } from './dates';
import { seededRandom } from './layout';
import type { Actor, Dataset, EventItem, Relation, Source } from './schema';

export interface SyntheticSpec {
  actors: number;
  relations: number;
}

/** The sizes the benchmarks and scale tests share. */
export const SYNTHETIC_SIZES = {
  S: { actors: 100, relations: 1_000 },
  M: { actors: 1_000, relations: 10_000 },
  L: { actors: 5_000, relations: 50_000 },
  XL: { actors: 10_000, relations: 100_000 },
} as const satisfies Record<string, SyntheticSpec>;

export type SyntheticSize = keyof typeof SYNTHETIC_SIZES;

export interface SyntheticOptions extends SyntheticSpec {
  seed?: number;
  /** Number of events; default one per 20 relations. */
  events?: number;
  /** First and last year of the period (the period ends as `untilYear` begins). */
  fromYear?: number;
  untilYear?: number;
}

type Rng = () => number;

const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
/** Log-normal with the given median (days) and spread. */
const logNormal = (rng: Rng, median: number, sigma: number) => {
  const u = Math.max(1e-12, rng());
  const v = rng();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(sigma * z);
};
/** Picks from weighted choices. */
function weighted<T>(rng: Rng, choices: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of choices) total += w;
  let x = rng() * total;
  for (const [v, w] of choices) {
    x -= w;
    if (x < 0) return v;
  }
  return choices[choices.length - 1]![0];
}

const SYLLABLES = [
  'ka',
  'ra',
  'ten',
  'vo',
  'mir',
  'sha',
  'lun',
  'dor',
  'ze',
  'bal',
  'nis',
  'tor',
  'ae',
  'ul',
  'gan',
  'hel',
  'qa',
  'sev',
  'ri',
  'mon',
  'das',
  'yu',
  'pel',
  'fa',
  'ost',
  'ir',
];
function placeName(rng: Rng): string {
  const n = int(rng, 2, 3);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rng, SYLLABLES);
  return s[0]!.toUpperCase() + s.slice(1);
}

const MEMBER_TYPES = [
  ['armed-group', 30],
  ['political-movement', 22],
  ['person', 22],
  ['intelligence-agency', 10],
  ['international-organisation', 4],
  ['population', 6],
  ['other', 6],
] as const;

function label(rng: Rng, type: string, place: string, n: number): string {
  switch (type) {
    case 'state':
      return `Republic of ${place}`;
    case 'coalition':
      return `${place} Alliance`;
    case 'armed-group':
      return `${place} ${pick(rng, ['Liberation Front', 'Brigades', 'Militia', 'Army'])} ${n}`;
    case 'political-movement':
      return `${place} ${pick(rng, ["People's Party", 'Movement', 'Congress', 'Union'])} ${n}`;
    case 'person':
      return `${placeName(rng)} ${place}i ${n}`;
    case 'intelligence-agency':
      return `${place} Directorate ${n}`;
    case 'international-organisation':
      return `${place} Mission ${n}`;
    case 'population':
      return `${place} civilians ${n}`;
    default:
      return `${place} group ${n}`;
  }
}

const POSITIVE = [
  ['alliance', 40],
  ['cooperation', 35],
  ['support', 25],
] as const;
const NEGATIVE = [
  ['hostility', 40],
  ['tension', 45],
  ['rivalry', 15],
] as const;
const SIGN: Record<string, 1 | -1 | 0> = {
  alliance: 1,
  cooperation: 1,
  support: 1,
  hostility: -1,
  tension: -1,
  rivalry: -1,
  contact: 0,
};

interface Life {
  from: number; // -Infinity when open
  until: number; // +Infinity when open
}

/**
 * A date at a random precision whose first day is exactly representable:
 * returns the text and the day it stands for. `minDay` (exclusive) keeps
 * an end after its start when rounding down to a year or month.
 */
function dateAt(rng: Rng, day: number, weights: readonly number[], minDay = -Infinity) {
  const precision = weighted<Precision>(rng, [
    ['year', weights[0]!],
    ['month', weights[1]!],
    ['day', weights[2]!],
  ]);
  for (const p of [precision, 'month', 'day'] as const) {
    const text = formatDay(day, p);
    const d = toDay(text);
    if (d > minDay) return { text, day: d };
  }
  const text = formatDay(minDay + 1, 'day');
  return { text, day: minDay + 1 };
}

const ACTOR_PRECISION = [3, 3, 4];
const RELATION_PRECISION = [15, 35, 50];

/** A synthetic dataset and the community of each actor (for checks and cheap layouts). */
export interface SyntheticResult {
  dataset: Dataset;
  /** Actor id → community number (0-based). */
  community: Map<string, number>;
}

/** A synthetic dataset of one of the shared sizes, or of any size. */
export function generateSyntheticDataset(
  size: SyntheticSize | SyntheticOptions,
  seed = 1,
): Dataset {
  return generateSynthetic(size, seed).dataset;
}

export function generateSynthetic(
  size: SyntheticSize | SyntheticOptions,
  seed = 1,
): SyntheticResult {
  const opts: SyntheticOptions =
    typeof size === 'string' ? { ...SYNTHETIC_SIZES[size], seed } : size;
  const rng = seededRandom(opts.seed ?? seed);
  const nActors = Math.max(2, Math.floor(opts.actors));
  const nRelations = Math.max(0, Math.floor(opts.relations));
  const nEvents = opts.events ?? Math.round(nRelations / 20);
  const fromYear = opts.fromYear ?? 1980;
  const untilYear = opts.untilYear ?? 2025;
  const D0 = toDay(String(fromYear));
  const D1 = toDay(String(untilYear));
  const span = D1 - D0;

  // --- communities: uneven sizes (exponential weights), at least 2 members each.
  const nComm = Math.max(
    1,
    Math.min(Math.floor(nActors / 2), Math.max(2, Math.round(Math.sqrt(nActors) / 1.5))),
  );
  const weights = Array.from({ length: nComm }, () => -Math.log(Math.max(1e-9, rng())) + 0.3);
  const wSum = weights.reduce((s, w) => s + w, 0);
  const sizes = weights.map((w) => 2 + Math.floor(((nActors - 2 * nComm) * w) / wSum));
  for (let left = nActors - sizes.reduce((s, x) => s + x, 0), i = 0; left > 0; left--, i++)
    sizes[i % nComm]!++;

  const actors: Actor[] = [];
  const lives: Life[] = [];
  const community: number[] = [];
  const prominence: number[] = [];
  const members: number[][] = sizes.map(() => []);
  const places = new Set<string>();
  for (let c = 0; c < nComm; c++) {
    let place = placeName(rng);
    while (places.has(place)) place = placeName(rng) + pick(rng, SYLLABLES);
    places.add(place);
    for (let k = 0; k < sizes[c]!; k++) {
      const i = actors.length;
      const core = k === 0;
      const type = core ? (rng() < 0.8 ? 'state' : 'coalition') : weighted(rng, MEMBER_TYPES);
      const actor: Actor = { id: `a${i}`, label: label(rng, type, place, k), type };
      const life: Life = { from: -Infinity, until: Infinity };
      // Cores mostly exist throughout; members are often born and dissolved within the period.
      if (rng() < (core ? 0.15 : 0.6)) {
        const d = dateAt(rng, D0 + Math.floor(rng() * span * 0.85), ACTOR_PRECISION);
        actor.from = d.text;
        life.from = d.day;
      }
      if (rng() < (core ? 0.08 : 0.35)) {
        const start = Number.isFinite(life.from) ? life.from : D0;
        const end = start + Math.floor(logNormal(rng, 12 * 365, 0.7));
        if (end < D1) {
          const d = dateAt(rng, end, ACTOR_PRECISION, life.from + 180);
          actor.until = d.text;
          life.until = d.day;
        }
      }
      // Parents: the core, or a first-level member; never deeper, so never a cycle.
      if (!core && rng() < 0.18) {
        const firstLevel = members[c]!.filter((j) => j !== members[c]![0] && !actors[j]!.parent);
        const parent =
          type === 'person' && firstLevel.length > 0 && rng() < 0.7
            ? pick(rng, firstLevel)
            : members[c]![0]!;
        actor.parent = `a${parent}`;
      }
      actors.push(actor);
      lives.push(life);
      community.push(c);
      // Pareto prominence: a few hubs; cores weigh the most.
      prominence.push((core ? 8 : 1) / Math.pow(Math.max(1e-6, rng()), 0.6));
      members[c]!.push(i);
    }
  }

  // Cumulative prominence per community and overall, for weighted pair picking.
  const cumulative = (ids: number[]) => {
    const acc = new Float64Array(ids.length);
    let s = 0;
    ids.forEach((j, k) => (acc[k] = s += prominence[j]!));
    return acc;
  };
  const commCum = members.map(cumulative);
  const all = actors.map((_, i) => i);
  const allCum = cumulative(all);
  const draw = (ids: number[], acc: Float64Array) => {
    const x = rng() * acc[acc.length - 1]!;
    let lo = 0;
    let hi = acc.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (acc[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return ids[lo]!;
  };

  // --- relations: pair histories until the count is reached.
  const relations: Relation[] = [];
  const flips: { day: number; a: number; b: number; kind: string }[] = [];
  const sources: Source[] = Array.from({ length: 12 }, (_, i) => ({
    id: `s${i}`,
    title: `Synthetic event digest ${i + 1}`,
    publisher: 'Allegiance benchmark generator',
  }));
  let attempts = 0;
  while (relations.length < nRelations && attempts < nRelations * 50) {
    attempts++;
    const intra = rng() < 0.65;
    const a = draw(all, allCum);
    const c = community[a]!;
    let b: number;
    if (intra && members[c]!.length > 1) b = draw(members[c]!, commCum[c]!);
    else b = draw(all, allCum);
    if (a === b) continue;
    const same = community[b] === c;
    const lo = Math.max(lives[a]!.from, lives[b]!.from);
    const hi = Math.min(lives[a]!.until, lives[b]!.until);
    if (hi - lo < 90) continue;

    // Where the history starts: "since always" for some pairs that both predate the period.
    let t: number;
    if (lo === -Infinity && rng() < 0.12) {
      t = -Infinity;
    } else {
      const first = Number.isFinite(lo) ? lo : D0 - 365 * 5;
      const last = Math.min(Number.isFinite(hi) ? hi : D1, D1) - 60;
      if (last <= first) continue;
      t = first + Math.floor(rng() * (last - first));
    }
    let positive = same ? rng() < 0.85 : rng() < 0.12;
    let segments = 1 + (rng() < (same ? 0.35 : 0.25) ? int(rng, 1, 3) : 0);
    let previousKind = '';
    let previousUntil = -Infinity;
    while (segments-- > 0 && relations.length < nRelations) {
      const neutral = !same && rng() < 0.08;
      const kind = neutral
        ? 'contact'
        : positive
          ? weighted(rng, POSITIVE)
          : weighted(rng, NEGATIVE);
      const rel: Relation = {
        id: `r${relations.length}`,
        source: `a${a}`,
        target: `a${b}`,
        kind,
        evidence: [],
      };
      // Support runs from patron to client: the more prominent actor backs the other.
      if (kind === 'support' && prominence[b]! > prominence[a]!) {
        rel.source = `a${b}`;
        rel.target = `a${a}`;
      }
      let fromDay: number;
      if (t === -Infinity) fromDay = -Infinity;
      else {
        // Not before either actor exists, nor before the previous segment of this pair ended.
        const d = dateAt(rng, t, RELATION_PRECISION, Math.max(lo, previousUntil) - 1);
        if (d.day >= hi) break;
        rel.from = d.text;
        fromDay = d.day;
      }
      const start = Number.isFinite(fromDay) ? fromDay : D0 - 365 * 5;
      const end =
        start + Math.max(30, Math.floor(logNormal(rng, positive ? 10 * 365 : 5 * 365, 0.9)));
      const lastSegment = segments === 0;
      let untilDay = Infinity;
      if (Number.isFinite(hi) && end >= hi) {
        // Ends with the first of its actors to be dissolved.
        rel.until = formatDay(hi, 'day');
        untilDay = hi;
      } else if (end >= D1 && (lastSegment || rng() < 0.5)) {
        // Both actors still exist and the relation outlasts the period: ongoing.
      } else {
        const d = dateAt(rng, end, RELATION_PRECISION, fromDay);
        rel.until = d.text;
        untilDay = d.day;
      }
      if (rng() < 0.7) rel.strength = Math.round((0.2 + 0.8 * rng()) * 100) / 100;
      if (rng() < 0.05) {
        rel.evidence = [
          {
            source: pick(rng, sources).id,
            quote: `${actors[a]!.label} and ${actors[b]!.label}: ${kind}.`,
          },
        ];
      }
      relations.push(rel);
      if (previousKind && SIGN[previousKind] !== SIGN[kind] && Number.isFinite(fromDay))
        flips.push({ day: fromDay, a, b, kind });
      previousKind = kind;
      previousUntil = untilDay;
      if (!Number.isFinite(untilDay) || untilDay >= hi) break;
      // Next segment: usually a flip of sign, after a gap (sometimes none: a same-day flip).
      const flip = rng() < 0.8;
      if (flip) positive = !positive;
      const gap = rng() < 0.3 ? 0 : Math.floor(logNormal(rng, 200, 1));
      t = untilDay + gap;
      if (t >= Math.min(hi, D1)) break;
    }
  }

  // --- events: flips first (the story), then births and dissolutions, shuffled by the seed.
  type Candidate = { day: number; title: string; actors: string[] };
  const candidates: Candidate[] = [];
  for (const f of flips) {
    const verb = SIGN[f.kind]! > 0 ? 'reconcile' : SIGN[f.kind]! < 0 ? 'break ties' : 'open talks';
    candidates.push({
      day: f.day,
      title: `${actors[f.a]!.label} and ${actors[f.b]!.label} ${verb}`,
      actors: [`a${f.a}`, `a${f.b}`],
    });
  }
  actors.forEach((actor, i) => {
    const life = lives[i]!;
    if (Number.isFinite(life.from) && life.from >= D0)
      candidates.push({ day: life.from, title: `${actor.label} founded`, actors: [actor.id] });
    // `until` is exclusive: an actor is dissolved on the last day of its lifetime, which an
    // event naming it must fall inside (validation warns otherwise).
    if (Number.isFinite(life.until) && life.until <= D1)
      candidates.push({
        day: life.until - 1,
        title: `${actor.label} dissolved`,
        actors: [actor.id],
      });
  });
  while (candidates.length < nEvents) {
    const a = draw(all, allCum);
    // Inside the period and the actor's lifetime (every actor lives part of the period).
    const lo = Math.max(D0, lives[a]!.from);
    const hi = Math.min(D0 + span, lives[a]!.until);
    candidates.push({
      day: lo + Math.floor(rng() * Math.max(1, hi - lo)),
      title: `Incident involving ${actors[a]!.label}`,
      actors: [`a${a}`],
    });
  }
  // Fisher–Yates, then keep the first nEvents, in date order.
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  const events: EventItem[] = candidates
    .slice(0, nEvents)
    .sort((x, y) => x.day - y.day || (x.title < y.title ? -1 : 1))
    .map((c, i) => ({
      id: `e${i}`,
      date: formatDay(c.day, 'day'),
      title: c.title,
      actors: c.actors,
      evidence: [],
    }));

  const dataset: Dataset = {
    title: `Synthetic conflict ${nActors} actors / ${relations.length} relations (seed ${opts.seed ?? seed})`,
    description:
      'Generated by src/core/synthetic.ts for benchmarks: communities, alliances that flip to hostility, actors born and dissolved.',
    period: { from: String(fromYear), until: String(untilYear) },
    sources,
    actorTypes: [],
    relationKinds: [],
    actors,
    relations,
    events,
  };
  return { dataset, community: new Map(actors.map((a, i) => [a.id, community[i]!])) };
}
