/**
 * The graphology model: the union multigraph of every actor and relation
 * across all dates (for layout and analytics), and the signed graph at a day.
 *
 * Both wrap a graphology graph and speak actor ids: the graph itself only ever
 * sees node keys (`graphKey.ts`), so an actor id such as "constructor" or
 * "__proto__" cannot collide with a built-in, and no caller can forget that.
 */
import Graph, { MultiGraph } from 'graphology';
import { actorIdOf, nodeKey } from './graphKey';
import type { Actor, Dataset, Polarity, Relation } from './schema';
import { eachInSteps, runSteps, type Steps } from './steps';
import type { TemporalIndex } from './temporal';
import { resolveVocabulary, signOf, type Vocabulary } from './vocabulary';

export interface ActorNode {
  label: string;
  type: string;
  parent?: string;
  from?: string;
  until?: string;
}

export interface RelationEdge {
  kind: string;
  polarity: Polarity;
  /** +1, -1 or 0. Not called `weight`: graphology-metrics would read it as one. */
  sign: 1 | -1 | 0;
  directed: boolean;
  from?: string;
  until?: string;
}

/**
 * Every actor as a node and every relation as an edge keyed by its id;
 * directed kinds become directed edges, others undirected (a mixed multigraph).
 */
export class UnionGraph {
  private readonly graph = new MultiGraph<ActorNode, RelationEdge>({ type: 'mixed' });

  get actorCount(): number {
    return this.graph.order;
  }

  get relationCount(): number {
    return this.graph.size;
  }

  hasActor(id: string): boolean {
    return this.graph.hasNode(nodeKey(id));
  }

  /** Attributes of actor `id`. Throws on an unknown id. */
  actor(id: string): ActorNode {
    return this.graph.getNodeAttributes(nodeKey(id));
  }

  /** Attributes of relation `id`. Throws on an unknown id. */
  relation(id: string): RelationEdge {
    return this.graph.getEdgeAttributes(id);
  }

  /** Source and target actor ids of relation `id`. Throws on an unknown id. */
  endpoints(id: string): [source: string, target: string] {
    const [source, target] = this.graph.extremities(id);
    return [actorIdOf(source), actorIdOf(target)];
  }

  /** Calls `visit` for each relation of `actor`, in either direction; none for an unknown actor. */
  forEachRelationOf(
    actor: string,
    visit: (relation: string, attrs: RelationEdge, source: string, target: string) => void,
  ): void {
    if (!this.hasActor(actor)) return;
    this.graph.forEachEdge(nodeKey(actor), (relation, attrs, source, target) =>
      visit(relation, attrs, actorIdOf(source), actorIdOf(target)),
    );
  }

  /** Actors sharing at least one relation with `actor` at any time (itself only through a self-loop). */
  neighboursOf(actor: string): Set<string> {
    const out = new Set<string>();
    if (!this.hasActor(actor)) return out;
    this.graph.forEachNeighbor(nodeKey(actor), (other) => out.add(actorIdOf(other)));
    return out;
  }

  /** @internal for {@link unionGraphSteps} */
  addActor(id: string, attrs: ActorNode): void {
    this.graph.addNode(nodeKey(id), attrs);
  }

  /** @internal for {@link unionGraphSteps} */
  addRelation(id: string, source: string, target: string, attrs: RelationEdge): void {
    if (attrs.directed)
      this.graph.addDirectedEdgeWithKey(id, nodeKey(source), nodeKey(target), attrs);
    else this.graph.addUndirectedEdgeWithKey(id, nodeKey(source), nodeKey(target), attrs);
  }

  hasRelation(id: string): boolean {
    return this.graph.hasEdge(id);
  }

  /** @internal for edits (`edit/model.ts`): an actor's attributes replaced. */
  replaceActor(id: string, attrs: ActorNode): void {
    this.graph.replaceNodeAttributes(nodeKey(id), attrs);
  }

  /** @internal for edits (`edit/model.ts`): an actor and any relation it still has removed. */
  dropActor(id: string): void {
    this.graph.dropNode(nodeKey(id));
  }

  /** @internal for edits (`edit/model.ts`). */
  dropRelation(id: string): void {
    this.graph.dropEdge(id);
  }
}

/** An actor as a node of the union graph. */
export function actorNode(a: Actor): ActorNode {
  return { label: a.label, type: a.type, parent: a.parent, from: a.from, until: a.until };
}

/** A relation as an edge of the union graph: sign and direction from its kind in `vocab`. */
export function relationEdge(r: Relation, vocab: Vocabulary): RelationEdge {
  const kind = vocab.relationKinds.get(r.kind);
  const polarity = kind?.polarity ?? 'neutral';
  return {
    kind: r.kind,
    polarity,
    sign: signOf(polarity),
    directed: r.directed ?? kind?.directed ?? false,
    from: r.from,
    until: r.until,
  };
}

/** The union graph of a (validated) dataset. */
export function buildUnionGraph(dataset: Dataset): UnionGraph {
  return runSteps(unionGraphSteps(dataset));
}

/**
 * {@link buildUnionGraph} in steps of a few thousand actors or relations, for a
 * big dataset loaded on the page's main thread (`steps.ts`).
 */
export function* unionGraphSteps(dataset: Dataset): Steps<UnionGraph> {
  const vocab = resolveVocabulary(dataset);
  const g = new UnionGraph();
  const share =
    dataset.actors.length / Math.max(1, dataset.actors.length + dataset.relations.length);
  yield* eachInSteps(dataset.actors, (a) => g.addActor(a.id, actorNode(a)), 0, share);
  yield* eachInSteps(
    dataset.relations,
    (r) => g.addRelation(r.id, r.source, r.target, relationEdge(r, vocab)),
    share,
    1,
  );
  return g;
}

export interface SignedEdge {
  /** Sign of the sum of the active relations' signs: +1, -1, or 0 when they cancel. */
  sign: 1 | -1 | 0;
  /** True when both positive and negative relations are active between the pair. */
  mixed: boolean;
  relations: string[];
}

/** A simple undirected graph of actors whose edges are signed pairs. */
export class SignedGraph {
  private readonly graph = new Graph<ActorNode, SignedEdge>({ type: 'undirected' });

  /** Number of related pairs. */
  get pairCount(): number {
    return this.graph.size;
  }

  actors(): string[] {
    return this.graph.nodes().map(actorIdOf);
  }

  /** The edge between actors `a` and `b` (either order), if they are related. */
  pair(a: string, b: string): SignedEdge | undefined {
    const [ka, kb] = [nodeKey(a), nodeKey(b)];
    if (!this.graph.hasNode(ka) || !this.graph.hasNode(kb)) return undefined;
    const edge = this.graph.edge(ka, kb);
    return edge === undefined ? undefined : this.graph.getEdgeAttributes(edge);
  }

  forEachPair(visit: (attrs: SignedEdge, a: string, b: string) => void): void {
    this.graph.forEachEdge((_edge, attrs, a, b) => visit(attrs, actorIdOf(a), actorIdOf(b)));
  }

  /** @internal for {@link signedGraphAt} */
  addActor(id: string, attrs: ActorNode): void {
    if (!this.graph.hasNode(nodeKey(id))) this.graph.addNode(nodeKey(id), attrs);
  }

  /** @internal for {@link signedGraphAt}: adds `relation` to the pair's edge, netting the signs. */
  addRelation(relation: string, a: string, b: string, union: UnionGraph): void {
    const existing = this.graph.edge(nodeKey(a), nodeKey(b));
    if (existing === undefined) {
      const sign = union.relation(relation).sign;
      this.graph.addEdge(nodeKey(a), nodeKey(b), { sign, mixed: false, relations: [relation] });
      return;
    }
    const relations = [...this.graph.getEdgeAttribute(existing, 'relations'), relation];
    const signs = relations.map((r) => union.relation(r).sign);
    const total = signs.reduce<number>((x, y) => x + y, 0);
    this.graph.replaceEdgeAttributes(existing, {
      sign: total > 0 ? 1 : total < 0 ? -1 : 0,
      mixed: signs.includes(1) && signs.includes(-1),
      relations,
    });
  }
}

/**
 * The signed simple graph at day t: active actors, and one undirected edge per
 * pair that has active relations, carrying their net sign. Endpoints of an
 * active relation are included even outside their own lifetime, so that no
 * relation is lost.
 */
export function signedGraphAt(union: UnionGraph, index: TemporalIndex, t: number): SignedGraph {
  const state = index.stateAt(t);
  const g = new SignedGraph();
  for (const id of state.actors) g.addActor(id, union.actor(id));
  for (const id of state.relations) {
    const [source, target] = union.endpoints(id);
    g.addActor(source, union.actor(source));
    g.addActor(target, union.actor(target));
    g.addRelation(id, source, target, union);
  }
  return g;
}
