/**
 * The data every benchmark shares: a synthetic dataset per size (same seed),
 * its positions and the sequence of playback steps. Generated once per
 * process and cached, so `run.ts` pays for it once.
 */
import { computeLayout, type Point } from '../src/core/layout';
import type { Dataset } from '../src/core/schema';
import { generateSynthetic, SYNTHETIC_SIZES, type SyntheticSize } from '../src/core/synthetic';
import { buildIndex } from '../src/core/temporal';

export const SEED = 20250601;
export const SIZES = Object.keys(SYNTHETIC_SIZES) as SyntheticSize[];

/** Default playback speed (1 year / s) at 60 frames per second: one step per frame. */
export const DAYS_PER_STEP = 365.25 / 60;
/** The render benchmark's steps: warm-up steps (not counted), then measured ones. */
export const WARMUP_STEPS = 10;
/** Fewer at L and XL, where naive renderers take seconds per step (p95 of 40 is the 2nd worst). */
export const measuredSteps = (size: SyntheticSize) =>
  size === 'S' || size === 'M' ? 120 : size === 'L' ? 40 : 30;

export interface BenchDataset {
  size: SyntheticSize;
  dataset: Dataset;
  community: Map<string, number>;
  /** Actor positions, and how they were computed. */
  positions: Map<string, Point>;
  positionsBy: 'computeLayout' | 'communities';
  layoutMs: number;
  /** Days of the render benchmark's playback: the first is the start, one step per frame after. */
  steps: number[];
}

const cache = new Map<SyntheticSize, BenchDataset>();

/**
 * Sizes whose positions come from the app's own layout; above, a cheap
 * deterministic placement by community (see `communityLayout`), because the
 * app's layout would dominate the benchmark's run time. The core benchmark
 * times `computeLayout` at every size separately.
 */
export const LAYOUT_SIZES: ReadonlySet<SyntheticSize> = new Set(['S', 'M', 'L']);

export function benchDataset(size: SyntheticSize): BenchDataset {
  const hit = cache.get(size);
  if (hit) return hit;
  const { dataset, community } = generateSynthetic(size, SEED);
  const t = performance.now();
  const byLayout = LAYOUT_SIZES.has(size);
  const positions = byLayout ? computeLayout(dataset) : communityLayout(dataset, community);
  const layoutMs = performance.now() - t;
  const index = buildIndex(dataset);
  // Playback from 40% into the period, as `advancePlayback` steps: floor(day + speed / fps).
  let day = Math.floor(index.start + 0.4 * (index.end - index.start));
  let exact = day;
  const steps = [day];
  for (let i = 0; i < WARMUP_STEPS + measuredSteps(size); i++) {
    exact += DAYS_PER_STEP;
    day = Math.floor(exact);
    steps.push(day);
  }
  const out: BenchDataset = {
    size,
    dataset,
    community,
    positions,
    positionsBy: byLayout ? 'computeLayout' : 'communities',
    layoutMs,
    steps,
  };
  cache.set(size, out);
  return out;
}

/**
 * Communities on a sunflower (phyllotaxis) spiral, members on a small
 * sunflower around their community's centre: O(n), deterministic, and it
 * keeps in-group edges short like a force layout would. Spacing as
 * `computeLayout`'s (about 160 px between neighbours).
 */
export function communityLayout(
  dataset: Dataset,
  community: Map<string, number>,
  spacing = 160,
): Map<string, Point> {
  const golden = Math.PI * (3 - Math.sqrt(5));
  const groups = new Map<number, string[]>();
  for (const a of dataset.actors) {
    const c = community.get(a.id) ?? 0;
    groups.set(c, [...(groups.get(c) ?? []), a.id]);
  }
  const biggest = Math.max(...[...groups.values()].map((g) => g.length));
  const ring = spacing * 0.5 * Math.sqrt(biggest) * 2.2;
  const out = new Map<string, Point>();
  [...groups.keys()]
    .sort((a, b) => a - b)
    .forEach((c, k) => {
      const cr = ring * Math.sqrt(k);
      const cx = cr * Math.cos(k * golden);
      const cy = cr * Math.sin(k * golden);
      groups.get(c)!.forEach((id, j) => {
        const r = spacing * 0.5 * Math.sqrt(j);
        out.set(id, {
          x: Math.round(cx + r * Math.cos(j * golden)),
          y: Math.round(cy + r * Math.sin(j * golden)),
        });
      });
    });
  return out;
}

/** What the browser pages load: the dataset, positions as [x, y] and the steps. */
export function pagePayload(d: BenchDataset): string {
  return JSON.stringify({
    size: d.size,
    dataset: d.dataset,
    positions: Object.fromEntries([...d.positions].map(([id, p]) => [id, [p.x, p.y]])),
    steps: d.steps,
    warmup: WARMUP_STEPS,
  });
}
