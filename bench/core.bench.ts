/**
 * Core benchmarks (Node): for each synthetic size, the cost of loading
 * (validation, index, union graph, layout) and of the two questions time
 * travel asks: what is active at t (`stateAt`) and what changes from one
 * playback step to the next (`diff`), each against a naive full scan over
 * pre-parsed numeric intervals (the fastest scan there is, so the ratio is
 * not flattered by date parsing).
 *
 * Run alone: `npx tsx bench/core.bench.ts [S,M,L,XL]`.
 */
import { pathToFileURL } from 'node:url';
import { endDay, startDay } from '../src/core/dates';
import { computeLayout } from '../src/core/layout';
import { buildUnionGraph } from '../src/core/model';
import type { Dataset } from '../src/core/schema';
import { generateSynthetic, type SyntheticSize } from '../src/core/synthetic';
import { buildIndex, type TemporalIndex } from '../src/core/temporal';
import { validateDataset } from '../src/core/validate';
import { resolveVocabulary } from '../src/core/vocabulary';
import { benchDataset, DAYS_PER_STEP, SEED, SIZES } from './data';
import { median, percentile, round } from './stats';

export interface CoreResult {
  size: SyntheticSize;
  actors: number;
  relations: number;
  events: number;
  /** Share of relations active at a typical day (the middle of the period). */
  activeShare: number;
  generateMs: number;
  validateMs: number;
  /** Median of several builds. */
  indexBuildMs: number;
  unionGraphMs: number;
  /** `computeLayout` (ForceAtlas2 + noverlap), once. */
  layoutMs: number;
  stateAt: OpComparison;
  /** One playback step at the default speed (1 year / s, 60 fps: ~6 days). */
  diffStep: OpComparison & { days: number; meanChanges: number };
  /** One step at the fastest speed (5 years / s: ~30 days). */
  diffFastStep: OpComparison & { days: number; meanChanges: number };
}

export interface OpComparison {
  samples: number;
  medianMs: number;
  p95Ms: number;
  naiveMedianMs: number;
  /** naive median / indexed median. */
  ratio: number;
}

/** Times fn once per input, after one untimed warm-up pass over all inputs. */
function timeEach<T>(inputs: readonly T[], fn: (x: T) => unknown): number[] {
  let sink = 0;
  for (const x of inputs) sink += fn(x) ? 1 : 0;
  const out: number[] = [];
  for (const x of inputs) {
    const t = performance.now();
    sink += fn(x) ? 1 : 0;
    out.push(performance.now() - t);
  }
  if (sink < 0) console.log(sink); // keep the calls observable
  return out;
}

/** The naive answers, over numeric intervals parsed once (not per query). */
class NaiveScan {
  private readonly aStart: Float64Array;
  private readonly aEnd: Float64Array;
  private readonly rStart: Float64Array;
  private readonly rEnd: Float64Array;
  private readonly pair: string[];
  private readonly sign: Int8Array;

  constructor(private readonly d: Dataset) {
    const vocab = resolveVocabulary(d);
    this.aStart = Float64Array.from(d.actors, (a) => startDay(a.from));
    this.aEnd = Float64Array.from(d.actors, (a) => endDay(a.until));
    this.rStart = Float64Array.from(d.relations, (r) => startDay(r.from));
    this.rEnd = Float64Array.from(d.relations, (r) => endDay(r.until));
    this.pair = d.relations.map((r) =>
      r.source < r.target ? `${r.source}\u0000${r.target}` : `${r.target}\u0000${r.source}`,
    );
    const p = (k: string) => vocab.relationKinds.get(k)?.polarity;
    this.sign = Int8Array.from(d.relations, (r) =>
      p(r.kind) === 'positive' ? 1 : p(r.kind) === 'negative' ? -1 : 0,
    );
  }

  stateAt(t: number) {
    const actors: string[] = [];
    const relations: string[] = [];
    for (let i = 0; i < this.aStart.length; i++)
      if (this.aStart[i]! <= t && t < this.aEnd[i]!) actors.push(this.d.actors[i]!.id);
    for (let i = 0; i < this.rStart.length; i++)
      if (this.rStart[i]! <= t && t < this.rEnd[i]!) relations.push(this.d.relations[i]!.id);
    return { actors, relations };
  }

  /** Everything that differs between t1 and t2, flips included, by checking every item. */
  diff(t1: number, t2: number) {
    const scan = (start: Float64Array, end: Float64Array) => {
      const entered: number[] = [];
      const left: number[] = [];
      for (let i = 0; i < start.length; i++) {
        const a = start[i]! <= t1 && t1 < end[i]!;
        const b = start[i]! <= t2 && t2 < end[i]!;
        if (b && !a) entered.push(i);
        else if (a && !b) left.push(i);
      }
      return [entered, left] as const;
    };
    const [aIn, aOut] = scan(this.aStart, this.aEnd);
    const [rIn, rOut] = scan(this.rStart, this.rEnd);
    const leftSign = new Map<string, number>();
    for (const i of rOut) leftSign.set(this.pair[i]!, this.sign[i]!);
    const flips = rIn.filter((i) => {
      const s = leftSign.get(this.pair[i]!);
      return s !== undefined && s !== this.sign[i];
    });
    return {
      actorsEntered: aIn.map((i) => this.d.actors[i]!.id),
      actorsLeft: aOut.map((i) => this.d.actors[i]!.id),
      relationsEntered: rIn.map((i) => this.d.relations[i]!.id),
      relationsLeft: rOut.map((i) => this.d.relations[i]!.id),
      flips,
    };
  }
}

function compare(indexed: number[], naive: number[]): OpComparison {
  const m = median(indexed);
  const n = median(naive);
  return {
    samples: indexed.length,
    medianMs: round(m, 5),
    p95Ms: round(percentile(indexed, 95), 5),
    naiveMedianMs: round(n, 4),
    ratio: round(n / m, 1),
  };
}

/** Consecutive playback steps of `days` (as advancePlayback floors them) over the whole period. */
function playbackPairs(index: TemporalIndex, days: number, max: number): [number, number][] {
  const pairs: [number, number][] = [];
  const total = Math.floor((index.end - index.start) / days);
  const every = Math.max(1, Math.floor(total / max));
  for (let k = 0; k < total; k += every) {
    const a = Math.floor(index.start + k * days);
    const b = Math.floor(index.start + (k + 1) * days);
    pairs.push([a, b]);
  }
  return pairs;
}

function diffComparison(index: TemporalIndex, naive: NaiveScan, days: number, size: string) {
  // Fewer naive samples at the big sizes: each is a full scan.
  const pairs = playbackPairs(index, days, 2000);
  const naivePairs = pairs.filter((_, i) => i % (size === 'XL' || size === 'L' ? 8 : 2) === 0);
  const changes = pairs.map(([a, b]) => {
    const d = index.diff(a, b);
    return (
      d.actorsEntered.length +
      d.actorsLeft.length +
      d.relationsEntered.length +
      d.relationsLeft.length
    );
  });
  return {
    ...compare(
      timeEach(pairs, ([a, b]) => index.diff(a, b)),
      timeEach(naivePairs, ([a, b]) => naive.diff(a, b)),
    ),
    days: round(days, 2),
    meanChanges: round(changes.reduce((s, x) => s + x, 0) / changes.length, 1),
  };
}

export function runCoreBench(
  sizes: readonly SyntheticSize[] = SIZES,
  log: (s: string) => void = console.log,
): CoreResult[] {
  const results: CoreResult[] = [];
  for (const size of sizes) {
    let t = performance.now();
    const { dataset } = generateSynthetic(size, SEED);
    const generateMs = performance.now() - t;

    const json = JSON.parse(JSON.stringify(dataset)) as unknown;
    t = performance.now();
    const valid = validateDataset(json);
    const validateMs = performance.now() - t;
    if (valid.errors.length > 0) throw new Error(`synthetic ${size} is invalid`);

    const builds: number[] = [];
    let index = buildIndex(dataset);
    for (let i = 0; i < (size === 'XL' ? 3 : 5); i++) {
      t = performance.now();
      index = buildIndex(dataset);
      builds.push(performance.now() - t);
    }

    t = performance.now();
    buildUnionGraph(dataset);
    const unionGraphMs = performance.now() - t;

    // The render benchmark's data may already hold the layout; time it here either way.
    const cached = benchDataset(size);
    let layoutMs = cached.layoutMs;
    if (cached.positionsBy !== 'computeLayout') {
      t = performance.now();
      computeLayout(dataset);
      layoutMs = performance.now() - t;
    }

    const naive = new NaiveScan(dataset);
    const days = Array.from(
      { length: 200 },
      (_, i) => index.start + Math.floor(((i + 0.5) * (index.end - index.start)) / 200),
    );
    const stateAt = compare(
      timeEach(days, (d) => index.stateAt(d)),
      timeEach(days, (d) => naive.stateAt(d)),
    );
    const mid = index.stateAt(Math.floor((index.start + index.end) / 2));

    const r: CoreResult = {
      size,
      actors: dataset.actors.length,
      relations: dataset.relations.length,
      events: dataset.events.length,
      activeShare: round(mid.relations.length / dataset.relations.length, 3),
      generateMs: round(generateMs, 1),
      validateMs: round(validateMs, 1),
      indexBuildMs: round(median(builds), 1),
      unionGraphMs: round(unionGraphMs, 1),
      layoutMs: round(layoutMs, 0),
      stateAt,
      diffStep: diffComparison(index, naive, DAYS_PER_STEP, size),
      diffFastStep: diffComparison(index, naive, 1826.25 / 60, size),
    };
    log(
      `core ${size}: index ${r.indexBuildMs} ms, layout ${r.layoutMs} ms, stateAt ${r.stateAt.medianMs} ms (x${r.stateAt.ratio}), ` +
        `diff/step ${r.diffStep.medianMs} ms (x${r.diffStep.ratio}, ${r.diffStep.meanChanges} changes)`,
    );
    results.push(r);
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = (process.argv[2]?.split(',') as SyntheticSize[] | undefined) ?? SIZES;
  console.log(JSON.stringify(runCoreBench(sizes), null, 2));
}
