/**
 * Two camps for a signed graph, component by component: exact branch and
 * bound up to `exactLimit` nodes, local search with a cycle-packing lower
 * bound beyond. Components share no edge, so their optimal splits combine
 * into an optimal split of the whole, and each may be flipped freely; we
 * orient each so that its smallest node is in camp 0.
 */
import { components } from './components';
import { exactSplit } from './exactCamps';
import { frustrationLowerBound } from './frustrationBound';
import { heuristicSplit, type HeuristicOptions } from './heuristicCamps';
import { adjacency, type SignedEdgeList } from './signedEdges';

export interface SplitOptions extends HeuristicOptions {
  /** Largest component solved exactly (default 24). */
  exactLimit?: number;
  /** Node assignments the exact search may make per component before falling back (default 2e6). */
  exactBudget?: number;
}

/**
 * Why a component's frustration is minimal: 'zero' (nothing is frustrated),
 * 'search' (branch and bound ran to the end), 'bound' (local search met the
 * cycle-packing lower bound), or null (heuristic, not proven).
 */
export type SplitProof = 'zero' | 'search' | 'bound' | null;

export interface ComponentSplit {
  /** Node numbers of the component, ascending. */
  nodes: Int32Array;
  edges: number;
  frustration: number;
  /** No split of this component has lower frustration than this. */
  lowerBound: number;
  /** True when the frustration is proven minimal (`proof` is not null). */
  exact: boolean;
  proof: SplitProof;
}

export interface SplitResult {
  /** Camp 0 or 1 per node of the whole graph (0 for nodes outside every component). */
  camp: Uint8Array;
  frustration: number;
  lowerBound: number;
  exact: boolean;
  components: ComponentSplit[];
}

/** Splits `g` (restricted to `nodes`, default all) into two camps minimising frustration. */
export function splitCamps(
  g: SignedEdgeList,
  nodes?: Iterable<number>,
  options: SplitOptions = {},
): SplitResult {
  const exactLimit = options.exactLimit ?? 24;
  const camp = new Uint8Array(g.n);
  const parts: ComponentSplit[] = [];
  for (const comp of components(g, nodes)) {
    const sub = comp.graph;
    let split = heuristicSplit(sub, adjacency(sub), {
      ...options,
      seed: (options.seed ?? 1) + comp.nodes[0]!,
    });
    let searched = false;
    let lowerBound = 0; // a zero-frustration split needs no bound
    if (split.frustration > 0) {
      lowerBound = frustrationLowerBound(sub);
      // The bound both skips searches it already settles and stops a search early.
      if (lowerBound < split.frustration && sub.n <= exactLimit) {
        const found = exactSplit(sub, {
          incumbent: split,
          floor: lowerBound,
          budget: options.exactBudget ?? 2e6,
        });
        if (found) {
          split = found;
          searched = true;
          lowerBound = found.frustration;
        }
      }
    }
    const flip = split.camp[0] === 1 ? 1 : 0;
    comp.nodes.forEach((x, i) => (camp[x] = split.camp[i]! ^ flip));
    parts.push({
      nodes: comp.nodes,
      edges: sub.u.length,
      frustration: split.frustration,
      lowerBound,
      exact: lowerBound === split.frustration,
      proof:
        split.frustration === 0
          ? 'zero'
          : searched
            ? 'search'
            : lowerBound === split.frustration
              ? 'bound'
              : null,
    });
  }
  const sum = (f: (p: ComponentSplit) => number) => parts.reduce((s, p) => s + f(p), 0);
  return {
    camp,
    frustration: sum((p) => p.frustration),
    lowerBound: sum((p) => p.lowerBound),
    exact: parts.every((p) => p.exact),
    components: parts,
  };
}
