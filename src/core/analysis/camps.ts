/**
 * Camps at a day: the actors of the signed graph split into two camps that
 * explain the signs as well as possible (minimum frustration). See
 * `splitCamps.ts` for the method and `docs/ANALYSIS.md` for the bounds.
 */
import type { AnalysisModel } from './analysisModel';
import { activeRelationsByPair } from './balance';
import { isFrustrated } from './frustration';
import { strictSignedGraph } from './signedEdges';
import { snapshotAt } from './snapshot';
import { splitCamps, type SplitOptions, type SplitProof } from './splitCamps';

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
}

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
  return {
    day: t,
    camp,
    components: result.components.map((p) => ({
      actors: Array.from(p.nodes, (x) => ids[x]!),
      frustration: p.frustration,
      lowerBound: p.lowerBound,
      exact: p.exact,
      proof: p.proof,
    })),
    frustration: result.frustration,
    lowerBound: result.lowerBound,
    exact: result.exact,
    frustrated,
    neutralPairs: g.neutralPairs,
    mixedPairs: g.mixedPairs,
  };
}
