/**
 * ForceAtlas2 on matrices built from the dataset must give the positions the graphology union
 * graph gave (computeLayout's refined layout may not change): the same matrices, in the same
 * order, fed to the same iteration.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { describe, expect, it } from 'vitest';
import { nodeKey } from '../graphKey';
import { seededRandom } from '../layout';
import type { Dataset } from '../schema';
import { generateSyntheticDataset } from '../synthetic';
import { forceAtlas2Positions, unionMatrix } from './forceAtlas2';

/** The union graph as layout.ts built it before: a graphology graph, an edge per pair. */
function graphologyUnion(dataset: Dataset, ids: readonly string[]): Graph {
  const g = new Graph({ type: 'undirected' });
  ids.forEach((id) => g.addNode(nodeKey(id)));
  const link = (a: string, b: string, weight: number) => {
    if (a === b) return;
    const e = g.edge(nodeKey(a), nodeKey(b));
    if (e === undefined) g.addEdge(nodeKey(a), nodeKey(b), { weight });
    else g.updateEdgeAttribute(e, 'weight', (w: number) => Math.max(w, weight));
  };
  for (const r of dataset.relations) link(r.source, r.target, 1);
  for (const a of dataset.actors) if (a.parent) link(a.id, a.parent, 3);
  return g;
}

describe('ForceAtlas2 on matrices', () => {
  // Parents (weight 3), pairs related many times and in both directions: S has all of them.
  const dataset = generateSyntheticDataset('S', 3);
  const ids = dataset.actors.map((a) => a.id).sort();

  it('links each pair once, with the heavier weight of a "part of" link', () => {
    const matrix = unionMatrix(dataset, ids);
    const g = graphologyUnion(dataset, ids);
    expect(matrix.size).toBe(g.size);
    expect(matrix.weight.filter((w) => w === 3).length).toBeGreaterThan(0);
    const edges: [string, string, number][] = [];
    g.forEachEdge((_e, attr, s, t) => edges.push([s, t, attr.weight as number]));
    expect(
      Array.from(matrix.source, (s, e) => [
        nodeKey(ids[s]!),
        nodeKey(ids[matrix.target[e]!]!),
        matrix.weight[e],
      ]),
    ).toEqual(edges);
  });

  it('gives the positions graphology gave, bit for bit, at both sizes of settings', () => {
    for (const [data, iterations] of [
      [dataset, 50],
      [generateSyntheticDataset({ actors: 700, relations: 3000, seed: 4 }), 5],
    ] as const) {
      const order = data.actors.map((a) => a.id).sort();
      const random = seededRandom(11);
      const start = Float64Array.from({ length: 2 * order.length }, () => random() * 100);
      const ours = forceAtlas2Positions(unionMatrix(data, order), start, iterations);

      const g = graphologyUnion(data, order);
      order.forEach((id, i) =>
        g.mergeNodeAttributes(nodeKey(id), { x: start[2 * i], y: start[2 * i + 1] }),
      );
      const settings = {
        ...forceAtlas2.inferSettings(g),
        gravity: 1,
        scalingRatio: 10,
        barnesHutOptimize: g.order > 500,
      };
      forceAtlas2.assign(g, { iterations, settings });
      const theirs = order.flatMap((id) => [
        g.getNodeAttribute(nodeKey(id), 'x') as number,
        g.getNodeAttribute(nodeKey(id), 'y') as number,
      ]);
      expect(
        Array.from(ours),
        'graphology-layout-forceatlas2 (pinned at 0.10.1) changed its iterate.js, defaults.js or ' +
          'its matrices (10 numbers per node, 3 per edge): forceAtlas2.ts builds them itself',
      ).toEqual(theirs);
    }
  });

  it('refuses a relation to an actor it was not given, naming it', () => {
    expect(() => unionMatrix(dataset, ids.slice(1))).toThrow(`unknown actor "${ids[0]}"`);
  });
});
