/**
 * Helpers for the analysis tests (imported by *.test.ts only): small signed
 * graphs written as edge lists, random signed graphs, and the seed.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import type { Dataset } from '../schema';
import { validateDataset } from '../validate';
import { buildAnalysisModel, type AnalysisModel } from './analysisModel';
import type { SignedEdgeList } from './signedEdges';

/** '+': alliance, '-': hostility, '0': contact, '+-': alliance and hostility (a mixed pair). */
export type EdgeSpec = [string, string, '+' | '-' | '0' | '+-'];

const KIND = {
  '+': ['alliance'],
  '-': ['hostility'],
  '0': ['contact'],
  '+-': ['alliance', 'hostility'],
};

/** A dataset whose relations are all open-ended (active at every day), plus optional extra actors. */
export function signedDataset(edges: EdgeSpec[], extraActors: string[] = []): Dataset {
  const ids = [...new Set([...edges.flatMap(([a, b]) => [a, b]), ...extraActors])];
  return {
    title: 'hand-made',
    sources: [],
    actorTypes: [],
    relationKinds: [],
    events: [],
    actors: ids.map((id) => ({ id, label: id.toUpperCase(), type: 'state' })),
    relations: edges.flatMap(([a, b, s], i) =>
      KIND[s].map((kind, j) => ({
        id: `${a}-${b}-${i}-${j}`,
        source: a,
        target: b,
        kind,
        evidence: [],
      })),
    ),
  };
}

export function signedModel(edges: EdgeSpec[], extraActors: string[] = []): AnalysisModel {
  return buildAnalysisModel(signedDataset(edges, extraActors));
}

/** The bundled seed, validated. */
export function seedModel(): AnalysisModel {
  const result = validateDataset(JSON.parse(readFileSync('graph-data/seed.json', 'utf8')), 'seed');
  if (!result.dataset) throw new Error('seed.json does not validate');
  return buildAnalysisModel(result.dataset);
}

function edgeList(n: number, edges: [number, number, number][]): SignedEdgeList {
  return {
    n,
    u: Int32Array.from(edges, (e) => e[0]),
    v: Int32Array.from(edges, (e) => e[1]),
    sign: Int8Array.from(edges, (e) => e[2]),
  };
}

/** Random simple signed graphs on 1..maxN nodes, any density. */
export const signedGraphArb = (maxN: number, minN = 1): fc.Arbitrary<SignedEdgeList> =>
  fc.integer({ min: minN, max: maxN }).chain((n) => {
    const pairs: [number, number][] = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pairs.push([a, b]);
    return fc
      .array(fc.constantFrom(0, 1, -1), { minLength: pairs.length, maxLength: pairs.length })
      .map((signs) =>
        edgeList(
          n,
          pairs.flatMap(([a, b], i) =>
            signs[i] ? [[a, b, signs[i]] as [number, number, number]] : [],
          ),
        ),
      );
  });

/** Random perfectly balanced graphs: hidden camps, + inside, − across. */
export const balancedGraphArb = (maxN: number, minN = 1): fc.Arbitrary<SignedEdgeList> =>
  fc.integer({ min: minN, max: maxN }).chain((n) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 4 * n }),
      )
      .map(([camp, raw]) => {
        const seen = new Set<number>();
        const edges: [number, number, number][] = [];
        for (const [x, y] of raw) {
          const a = Math.min(x, y);
          const b = Math.max(x, y);
          if (a === b || seen.has(a * n + b)) continue;
          seen.add(a * n + b);
          edges.push([a, b, camp[a] === camp[b] ? 1 : -1]);
        }
        return edgeList(n, edges);
      }),
  );
