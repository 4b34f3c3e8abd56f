/**
 * Centrality at a day and through time: degree split by polarity (counting
 * active relations, so two relations between a pair count twice) and
 * betweenness on the unsigned simple graph of active relations (every
 * active pair is one edge, whatever its sign: a hostile link is still a
 * channel between camps).
 */
import Graph from 'graphology';
// The .js suffix: the package has no `exports` map, so Node's own ESM loader needs the file name.
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { actorIdOf, nodeKey } from '../graphKey';
import type { AnalysisModel } from './analysisModel';
import { snapshotAt, type Snapshot } from './snapshot';

export interface PolarityDegree {
  positive: number;
  negative: number;
  neutral: number;
  total: number;
}

const emptyDegree = (): PolarityDegree => ({ positive: 0, negative: 0, neutral: 0, total: 0 });

/** Active relations of `actor` at day t, by polarity (either direction). O(degree in the union graph). */
export function degreeAt(model: AnalysisModel, actor: string, t: number): PolarityDegree {
  const out = emptyDegree();
  model.union.forEachRelationOf(actor, (id, attrs) => {
    if (!model.index.relationActive(model.relationIndex.get(id)!, t)) return;
    out[attrs.polarity]++;
    out.total++;
  });
  return out;
}

/** Degrees of every actor of the signed graph at a snapshot (actors with none get zeros). */
function degreesOf(snap: Snapshot): Map<string, PolarityDegree> {
  const c = snap.compiled;
  const out = new Map<string, PolarityDegree>();
  for (const x of snap.actors) out.set(c.actorIds[x]!, emptyDegree());
  for (const r of snap.relations) {
    const s = c.relSign[r]!;
    const key = s > 0 ? 'positive' : s < 0 ? 'negative' : 'neutral';
    for (const x of [c.relSource[r]!, c.relTarget[r]!]) {
      const d = out.get(c.actorIds[x]!)!;
      d[key]++;
      d.total++;
    }
  }
  return out;
}

/** Betweenness of the actors of a snapshot on its unsigned simple graph. */
function betweennessOf(snap: Snapshot, normalized: boolean): Map<string, number> {
  const c = snap.compiled;
  // Keyed by nodeKey (graphKey.ts): the scores come back as a plain object keyed by node.
  const key = (x: number) => nodeKey(c.actorIds[x]!);
  const g = new Graph({ type: 'undirected' });
  for (const x of snap.actors) g.addNode(key(x));
  for (const p of snap.pairs) g.addEdge(key(c.pairA[p]!), key(c.pairB[p]!));
  // getEdgeWeight: null, or graphology-metrics would look for a `weight` attribute.
  const scores = betweennessCentrality(g, { getEdgeWeight: null, normalized });
  return new Map(Object.entries(scores).map(([k, score]) => [actorIdOf(k), score]));
}

export interface BetweennessOptions {
  /** Divide by (n − 1)(n − 2), so days with different numbers of actors compare (default true). */
  normalized?: boolean;
}

/**
 * Betweenness centrality (Brandes, via graphology-metrics) of every actor
 * of the graph at day t, on the unsigned simple graph of active relations.
 * O(n·m) for n actors and m active pairs.
 */
export function betweennessAt(
  model: AnalysisModel,
  t: number,
  options: BetweennessOptions = {},
): Map<string, number> {
  return betweennessOf(snapshotAt(model, t), options.normalized ?? true);
}

export interface CentralityPoint extends PolarityDegree {
  day: number;
  /** 0 when the actor is not in the graph that day. */
  betweenness: number;
}

/** Degree by polarity and betweenness of one actor at each day, in the order given. */
export function centralitySeries(
  model: AnalysisModel,
  actor: string,
  days: readonly number[],
  options: BetweennessOptions = {},
): CentralityPoint[] {
  return days.map((day) => {
    const snap = snapshotAt(model, day);
    const inGraph = snap.actors.includes(snap.compiled.actorIndex.get(actor) ?? -1);
    return {
      day,
      ...degreeAt(model, actor, day),
      betweenness: inGraph ? (betweennessOf(snap, options.normalized ?? true).get(actor) ?? 0) : 0,
    };
  });
}

export type RankBy = 'degree' | 'positive' | 'negative' | 'neutral' | 'betweenness';

export interface Ranked {
  actor: string;
  label: string;
  value: number;
}

/**
 * The actors of the graph at day t, highest first by the chosen measure
 * ('degree' counts all active relations); ties by label, then id.
 */
export function rankingAt(
  model: AnalysisModel,
  t: number,
  by: RankBy,
  options: BetweennessOptions = {},
): Ranked[] {
  const snap = snapshotAt(model, t);
  const values =
    by === 'betweenness'
      ? betweennessOf(snap, options.normalized ?? true)
      : new Map(
          [...degreesOf(snap)].map(([id, d]) => [id, by === 'degree' ? d.total : d[by]] as const),
        );
  return [...values]
    .map(([actor, value]) => ({ actor, label: model.actorsById.get(actor)?.label ?? actor, value }))
    .sort(
      (x, y) => y.value - x.value || x.label.localeCompare(y.label) || (x.actor < y.actor ? -1 : 1),
    );
}
