/**
 * Structural balance of the signed graph at a day (Heider; Cartwright and
 * Harary): a triangle is balanced when it has an even number of negative
 * sides (+++, +−−). Weak balance (Davis) also accepts −−− (three mutual
 * enemies: a world of more than two camps) and forbids only ++−, where a
 * friend of a friend is an enemy.
 */
import type { AnalysisModel } from './analysisModel';
import { snapshotAt } from './snapshot';
import { strictSignedGraph, type PairSignedGraph } from './signedEdges';
import { forEachTriangle, type TriangleCounts } from './triangles';

export interface TriangleSide {
  actors: [string, string];
  sign: 1 | -1;
  /** The active relations between the two actors at the day. */
  relations: string[];
}

export interface UnbalancedTriangle {
  actors: [string, string, string];
  pattern: '++-' | '---';
  sides: [TriangleSide, TriangleSide, TriangleSide];
}

/** Shares computed from triangle counts; null when there is no triangle. */
export interface BalanceShares {
  counts: TriangleCounts;
  /** Triangles with an even number of negative sides. */
  balanced: number;
  unbalanced: number;
  /** balanced / total, or null without triangles. */
  balancedShare: number | null;
  /** (total − ++−) / total, or null without triangles. */
  weaklyBalancedShare: number | null;
}

export interface BalanceReport extends BalanceShares {
  day: number;
  /** Edges of the signed graph that took part (pairs with a definite sign). */
  signedPairs: number;
  /** Active pairs left out: neutral-only or cancelling, and mixed (both signs active). */
  neutralPairs: number;
  mixedPairs: number;
  /** Every unbalanced triangle, for highlighting (++− first). */
  unbalancedTriangles: UnbalancedTriangle[];
}

/** Balanced and weakly balanced shares from triangle counts. */
export function balanceShares(counts: TriangleCounts): BalanceShares {
  const balanced = counts.ppp + counts.pnn;
  const { total } = counts;
  return {
    counts,
    balanced,
    unbalanced: total - balanced,
    balancedShare: total === 0 ? null : balanced / total,
    weaklyBalancedShare: total === 0 ? null : (total - counts.ppn) / total,
  };
}

/**
 * Structural balance of the signed graph at day t: triangle counts by sign
 * pattern, balanced and weakly balanced shares, and the unbalanced triangles
 * with the relations on each side. Pairs with no definite sign (neutral
 * only, cancelling, or mixed) are not edges here, so they close no triangle.
 * O(m^1.5) for m signed pairs.
 */
export function balanceAt(model: AnalysisModel, t: number): BalanceReport {
  const snap = snapshotAt(model, t);
  const g = strictSignedGraph(snap.state, snap.pairs);
  const c = snap.compiled;
  const relationsOf = activeRelationsByPair(snap.relations, c.relPair, c.relationIds);
  const side = (x: number, y: number, e: number): TriangleSide => ({
    actors: [c.actorIds[x]!, c.actorIds[y]!],
    sign: g.sign[e]! > 0 ? 1 : -1,
    relations: relationsOf.get(g.pair[e]!) ?? [],
  });
  const byNeg = [0, 0, 0, 0];
  const unbalanced: UnbalancedTriangle[] = [];
  forEachTriangle(g, (a, b, x, ab, bx, ax) => {
    const neg = (g.sign[ab]! < 0 ? 1 : 0) + (g.sign[bx]! < 0 ? 1 : 0) + (g.sign[ax]! < 0 ? 1 : 0);
    byNeg[neg]!++;
    if (neg % 2 === 0) return;
    unbalanced.push({
      actors: [c.actorIds[a]!, c.actorIds[b]!, c.actorIds[x]!],
      pattern: neg === 1 ? '++-' : '---',
      sides: [side(a, b, ab), side(b, x, bx), side(a, x, ax)],
    });
  });
  const [ppp, ppn, pnn, nnn] = byNeg as [number, number, number, number];
  unbalanced.sort(
    (p, q) =>
      (p.pattern === q.pattern ? 0 : p.pattern === '++-' ? -1 : 1) ||
      p.actors.join('\n').localeCompare(q.actors.join('\n')),
  );
  return {
    ...balanceShares({ ppp, ppn, pnn, nnn, total: ppp + ppn + pnn + nnn }),
    day: t,
    ...pairCounts(g),
    unbalancedTriangles: unbalanced,
  };
}

function pairCounts(g: PairSignedGraph) {
  return { signedPairs: g.u.length, neutralPairs: g.neutralPairs, mixedPairs: g.mixedPairs };
}

/** Active relation ids grouped by pair number. */
export function activeRelationsByPair(
  relations: readonly number[],
  relPair: Int32Array,
  relationIds: readonly string[],
): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const r of relations) {
    const p = relPair[r]!;
    if (p < 0) continue;
    const list = out.get(p);
    if (list) list.push(relationIds[r]!);
    else out.set(p, [relationIds[r]!]);
  }
  return out;
}
