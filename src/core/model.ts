/**
 * The graph model: the union multigraph of every actor and relation across
 * all dates (for analytics and the details panel), and the signed graph at a
 * day.
 *
 * Both speak actor ids. The signed graph wraps a graphology graph that only
 * ever sees node keys (`graphKey.ts`), so an actor id such as "constructor"
 * or "__proto__" cannot collide with a built-in, and no caller can forget that.
 */
import Graph from 'graphology';
import { actorIdOf, nodeKey } from './graphKey';
import { IdMap } from './idMap';
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
 * Every actor and every relation across all dates: for each actor, the ids of
 * its relations (either direction). Directed kinds are directed relations,
 * others undirected (a mixed multigraph).
 *
 * Plain maps and arrays rather than a graphology graph: a million-relation
 * import builds this on the page's main thread, where a graph library's
 * per-edge records (several objects and index entries per relation) cost
 * seconds and hundreds of megabytes. Here a relation costs one map entry and a
 * slot in each endpoint's list; its attributes are read from the relation and
 * the vocabulary when asked for, so an edit of the vocabulary needs no rebuild.
 * Keys are the ids themselves in `Map`s (an `IdMap` for the relations, see
 * `idMap.ts`), so an id such as "__proto__" is an ordinary key.
 */
export class UnionGraph {
  private readonly actors = new Map<string, Actor>();
  private readonly relations = new IdMap<Relation>();
  /** Per actor, the ids of its relations; a self-loop is listed once. */
  private readonly incident = new Map<string, string[]>();

  constructor(private vocabulary: Vocabulary) {}

  get actorCount(): number {
    return this.actors.size;
  }

  get relationCount(): number {
    return this.relations.size;
  }

  hasActor(id: string): boolean {
    return this.actors.has(id);
  }

  /** Attributes of actor `id`. Throws on an unknown id. */
  actor(id: string): ActorNode {
    return actorNode(this.known(this.actors, id, 'actor'));
  }

  /** Attributes of relation `id`. Throws on an unknown id. */
  relation(id: string): RelationEdge {
    return relationEdge(this.known(this.relations, id, 'relation'), this.vocabulary);
  }

  /** Source and target actor ids of relation `id`. Throws on an unknown id. */
  endpoints(id: string): [source: string, target: string] {
    const r = this.known(this.relations, id, 'relation');
    return [r.source, r.target];
  }

  /** Calls `visit` for each relation of `actor`, in either direction; none for an unknown actor. */
  forEachRelationOf(
    actor: string,
    visit: (relation: string, attrs: RelationEdge, source: string, target: string) => void,
  ): void {
    for (const id of this.incident.get(actor) ?? []) {
      const r = this.relations.get(id)!;
      visit(id, relationEdge(r, this.vocabulary), r.source, r.target);
    }
  }

  /** Actors sharing at least one relation with `actor` at any time (itself only through a self-loop). */
  neighboursOf(actor: string): Set<string> {
    const out = new Set<string>();
    for (const id of this.incident.get(actor) ?? []) {
      const r = this.relations.get(id)!;
      out.add(r.source === actor ? r.target : r.source);
    }
    return out;
  }

  hasRelation(id: string): boolean {
    return this.relations.has(id);
  }

  /** @internal for {@link unionGraphSteps} and edits (`edit/model.ts`): added, or replaced. */
  putActor(actor: Actor): void {
    this.actors.set(actor.id, actor);
    if (!this.incident.has(actor.id)) this.incident.set(actor.id, []);
  }

  /** @internal for {@link unionGraphSteps} and edits. Throws on a known id or an unknown end. */
  addRelation(r: Relation): void {
    if (this.relations.has(r.id)) throw new Error(`relation "${r.id}" is already in the graph`);
    const fromSource = this.known(this.incident, r.source, 'actor');
    const fromTarget = this.known(this.incident, r.target, 'actor');
    this.relations.set(r.id, r);
    fromSource.push(r.id);
    if (r.target !== r.source) fromTarget.push(r.id);
  }

  /** @internal for edits: attributes are read with this vocabulary from now on. */
  useVocabulary(vocabulary: Vocabulary): void {
    this.vocabulary = vocabulary;
  }

  /** @internal for edits: an actor and any relation it still has removed. */
  dropActor(id: string): void {
    for (const relation of [...(this.incident.get(id) ?? [])]) this.dropRelation(relation);
    this.actors.delete(id);
    this.incident.delete(id);
  }

  /** @internal for edits. */
  dropRelation(id: string): void {
    const r = this.relations.get(id);
    if (!r) return;
    this.relations.delete(id);
    for (const end of new Set([r.source, r.target])) {
      const list = this.incident.get(end);
      const at = list?.indexOf(id) ?? -1;
      if (at >= 0) list!.splice(at, 1);
    }
  }

  private known<T>(map: ReadonlyMap<string, T>, id: string, what: string): T {
    const found = map.get(id);
    if (found === undefined) throw new Error(`the union graph has no ${what} "${id}"`);
    return found;
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
  const g = new UnionGraph(resolveVocabulary(dataset));
  const share =
    dataset.actors.length / Math.max(1, dataset.actors.length + dataset.relations.length);
  yield* eachInSteps(dataset.actors, (a) => g.putActor(a), 0, share);
  yield* eachInSteps(dataset.relations, (r) => g.addRelation(r), share, 1);
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
