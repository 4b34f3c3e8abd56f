/**
 * Camps at a day: the actors of the signed graph split into two camps that
 * explain the signs as well as possible (minimum frustration). See
 * `splitCamps.ts` for the method and `docs/ANALYSIS.md` for the bounds.
 */
import type { AnalysisModel } from './analysisModel';
import { activeRelationsByPair } from './balance';
import { isFrustrated } from './frustration';
import { strictSignedGraph } from './signedEdges';
import { snapshotAt, type Snapshot } from './snapshot';
import { splitCamps, type SplitOptions, type SplitProof, type SplitResult } from './splitCamps';

export interface FrustratedPair {
  actors: [string, string];
  sign: 1 | -1;
  /** Allies split across camps, or enemies inside one. */
  reason: 'positive-across' | 'negative-within';
  relations: string[];
}

export interface CampComponent {
  actors: string[];
  frustration: number;
  lowerBound: number;
  exact: boolean;
  /** How minimality was established: see `SplitProof`. */
  proof: SplitProof;
  /**
   * Pairs of actors in the same camp with no relation at the day: the split puts them together
   * because of their relations with others, so whether they are friends is unknown.
   */
  unrelated: number;
  /** Those pairs (ids in dataset order), listed for components of at most UNRELATED_LISTED_UP_TO actors. */
  unrelatedPairs: [string, string][];
}

/**
 * Components above this size only count their unrelated same-camp pairs: listing them means
 * looking at every pair of members, and a list of thousands would not be read anyway.
 */
export const UNRELATED_LISTED_UP_TO = 60;

export interface CampsReport {
  day: number;
  /** Camp 0 or 1 for every actor of the signed graph at the day. */
  camp: Map<string, 0 | 1>;
  /** Independent groups: flipping one group's camps keeps the frustration. */
  components: CampComponent[];
  frustration: number;
  /** No split does better than this (equal to `frustration` when exact). */
  lowerBound: number;
  /** Whether `frustration` is proven minimal for every component. */
  exact: boolean;
  frustrated: FrustratedPair[];
  /** Active pairs with no definite sign (neutral only, cancelling, mixed): not constraints. */
  neutralPairs: number;
  mixedPairs: number;
}

/**
 * Splits the actors of the signed graph at day t into two camps minimising
 * frustration (positive pairs across camps + negative pairs within one).
 * Exact for components up to `exactLimit` actors (default 24), heuristic
 * with a lower bound beyond. Actors linked only by neutral or mixed pairs
 * form their own one-actor components, in camp 0.
 */
export function campsAt(model: AnalysisModel, t: number, options: SplitOptions = {}): CampsReport {
  const snap = snapshotAt(model, t);
  const c = snap.compiled;
  const g = strictSignedGraph(snap.state, snap.pairs);
  const result = splitCamps(g, snap.actors, options);
  const ids = c.actorIds;
  const camp = new Map<string, 0 | 1>();
  for (const comp of result.components)
    for (const x of comp.nodes) camp.set(ids[x]!, result.camp[x] === 1 ? 1 : 0);

  const relationsOf = activeRelationsByPair(snap.relations, c.relPair, c.relationIds);
  const frustrated: FrustratedPair[] = [];
  for (let e = 0; e < g.u.length; e++) {
    const a = g.u[e]!;
    const b = g.v[e]!;
    const sign = g.sign[e]! > 0 ? 1 : -1;
    if (!isFrustrated(sign, result.camp[a]!, result.camp[b]!)) continue;
    frustrated.push({
      actors: [ids[a]!, ids[b]!],
      sign,
      reason: sign > 0 ? 'positive-across' : 'negative-within',
      relations: relationsOf.get(g.pair[e]!) ?? [],
    });
  }
  const unrelated = unrelatedInCamps(snap, result);
  return {
    day: t,
    camp,
    components: result.components.map((p, k) => ({
      actors: Array.from(p.nodes, (x) => ids[x]!),
      frustration: p.frustration,
      lowerBound: p.lowerBound,
      exact: p.exact,
      proof: p.proof,
      unrelated: unrelated.counts[k]!,
      unrelatedPairs: unrelated.pairs[k]!.map(([a, b]) => [ids[a]!, ids[b]!]),
    })),
    frustration: result.frustration,
    lowerBound: result.lowerBound,
    exact: result.exact,
    frustrated,
    neutralPairs: g.neutralPairs,
    mixedPairs: g.mixedPairs,
  };
}

const pairsAmong = (n: number) => (n * (n - 1)) / 2;

/**
 * Per component, the pairs of same-camp actors with no active relation: counted as all
 * same-camp pairs minus the related ones (one pass over the active pairs), and listed for small
 * components by checking each same-camp pair.
 */
function unrelatedInCamps(
  snap: Snapshot,
  result: SplitResult,
): { counts: number[]; pairs: [number, number][][] } {
  const c = snap.compiled;
  const n = c.actorIds.length;
  const componentOf = new Int32Array(n).fill(-1);
  result.components.forEach((comp, k) => comp.nodes.forEach((x) => (componentOf[x] = k)));
  const relatedSameCamp = new Array<number>(result.components.length).fill(0);
  for (const p of snap.pairs) {
    const a = c.pairA[p]!;
    const b = c.pairB[p]!;
    const k = componentOf[a]!;
    if (k >= 0 && k === componentOf[b] && result.camp[a] === result.camp[b]) relatedSameCamp[k]!++;
  }
  const counts = result.components.map((comp, k) => {
    const inCampB = comp.nodes.reduce((sum, x) => sum + result.camp[x]!, 0);
    return pairsAmong(inCampB) + pairsAmong(comp.nodes.length - inCampB) - relatedSameCamp[k]!;
  });
  const pairs = result.components.map((comp, k) => {
    const listed: [number, number][] = [];
    if (counts[k] === 0 || comp.nodes.length > UNRELATED_LISTED_UP_TO) return listed;
    const members = Array.from(comp.nodes).sort((x, y) => x - y);
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!;
        const b = members[j]!;
        if (result.camp[a] !== result.camp[b]) continue;
        const p = c.pairOf.get(a * n + b);
        if (p === undefined || !snap.state.active(p)) listed.push([a, b]);
      }
    return listed;
  });
  return { counts, pairs };
}
