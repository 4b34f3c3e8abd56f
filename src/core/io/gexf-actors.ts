/**
 * GEXF nodes as actors (docs/FORMATS.md, "GEXF import"): label (else the
 * id), lifetime from start/end or spells, parent from nesting, `pid` or a
 * `parent` attribute, type from a `type` attribute, and every other
 * attribute value kept in the description.
 */
import { dateProblem, startDay, endDay } from '../dates';
import type { Actor, ActorType } from '../schema';
import { BUILTIN_ACTOR_TYPES } from '../vocabulary';
import type { AttrDecl, AttrValues, GexfGraph, GexfNode, Span } from './gexf-read';
import { hull, showSpan } from './gexf-timeline';
import { clip, ItemValues, lines } from './gexf-values';
import { listSome, plural, type Origin, type ProblemLog } from './import-result';
import { splitPipeList } from './pipe-list';

const BUILTIN_TYPES = new Set(BUILTIN_ACTOR_TYPES.map((t) => t.id));

export interface GexfActors {
  actors: Actor[];
  origins: Origin[];
  actorTypes: ActorType[];
  typeOrigins: Origin[];
}

/**
 * The `from`/`until` attribute (our export writes the original ISO date
 * there) when it denotes the same day as the GEXF bound: it restores the
 * precision (`1994` rather than `1994-01-01`). Otherwise the bound wins.
 */
export function preciseBound(
  precise: string | undefined,
  bound: string | undefined,
  which: 'from' | 'until',
): string | undefined {
  if (precise === undefined || bound === undefined) return undefined;
  if (dateProblem(precise.trim()) !== null) return undefined;
  const day = which === 'from' ? startDay : endDay;
  return day(precise.trim()) === day(bound) ? precise.trim() : undefined;
}

/**
 * Actors from the nodes (repeated ids merged), the actor types declared
 * through the `type` attribute's options, and where each came from.
 */
export function actorsFromNodes(graph: GexfGraph, log: ProblemLog): GexfActors {
  const decls = graph.nodeAttrs;
  const typeDecl = ItemValues.find(decls, 'type', 'actor_type');
  const declaredTypes = new Set(
    (typeDecl?.options ?? []).filter((t) => !BUILTIN_TYPES.has(t) && t.trim() !== ''),
  );
  const usedTypes = new Map<string, Origin>();
  const unknownTypes = new Map<string, Origin>();
  const multiSpell: GexfNode[] = [];

  const actors: Actor[] = [];
  const origins: Origin[] = [];
  for (const node of mergeRepeated(graph.nodes, log)) {
    if (node.id === undefined || node.id.trim() === '') {
      log.error(node.at, 'a node needs an id');
      continue;
    }
    const id = node.id;
    const origin: Origin = (rest) => ({ ...node.at, path: `${node.at.path}${rest}` });
    const life: Span = node.spans.length === 0 ? {} : hull(node.spans);
    if (node.spans.length > 1) multiSpell.push(node);
    const values = new ItemValues(decls, node.attrs, life);

    let type = values.take(typeDecl)?.trim();
    if (type !== undefined && !BUILTIN_TYPES.has(type)) {
      if (declaredTypes.has(type)) {
        if (!usedTypes.has(type)) usedTypes.set(type, (rest) => origin(rest || '.type'));
      } else {
        if (!unknownTypes.has(type)) unknownTypes.set(type, origin);
        values.untake(typeDecl);
        type = undefined;
      }
    }

    const attrParent = values.take(ItemValues.find(decls, 'parent'))?.trim();
    if (node.parent !== undefined && attrParent !== undefined && attrParent !== node.parent)
      log.warn(
        origin('.parent'),
        `is nested in (or has pid) "${node.parent}" but its parent attribute says "${attrParent}"; the nesting is used`,
        attrParent,
      );
    const parent = node.parent ?? attrParent;

    const fromDecl = ItemValues.find(decls, 'from');
    const untilDecl = ItemValues.find(decls, 'until');
    const from = preciseBound(values.peek(fromDecl), life.from, 'from');
    const until = preciseBound(values.peek(untilDecl), life.until, 'until');
    if (from !== undefined) values.take(fromDecl);
    if (until !== undefined) values.take(untilDecl);

    const aliases = splitPipeList(values.take(ItemValues.find(decls, 'aliases')) ?? '')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    const ownDescription = values.take(ItemValues.find(decls, 'description'));
    const note = values.take(ItemValues.find(decls, 'note'));
    const description = lines(
      ownDescription,
      ...values.noteLines(),
      node.spans.length > 1 ? `spells: ${node.spans.map(showSpan).join('; ')}` : undefined,
      node.otherParents.length > 0 ? `other parents: ${node.otherParents.join(', ')}` : undefined,
    );

    const label = node.label !== undefined && node.label !== '' ? node.label : id;
    const actor: Actor = {
      id,
      label: clip(label, 500, 'label', node.at, log)!,
      type: type ?? 'other',
    };
    if (aliases.length > 0) actor.aliases = aliases;
    if (description !== undefined)
      actor.description = clip(description, 20000, 'description', node.at, log);
    if (parent !== undefined) actor.parent = parent;
    const lifeFrom = from ?? life.from;
    const lifeUntil = until ?? life.until;
    if (lifeFrom !== undefined) actor.from = lifeFrom;
    if (lifeUntil !== undefined) actor.until = lifeUntil;
    if (note !== undefined) actor.note = clip(note, 5000, 'note', node.at, log);
    actors.push(actor);
    origins.push(origin);
  }

  if (unknownTypes.size > 0)
    log.warn(
      [...unknownTypes.values()][0]!('.type'),
      `${plural(unknownTypes.size, 'node type')} not among the actor types (${listSome([...unknownTypes.keys()])}): those nodes are of type "other", the value kept in their description`,
    );
  if (multiSpell.length > 0)
    log.warn(
      multiSpell[0]!.at,
      `${plural(multiSpell.length, 'node')} ${multiSpell.length === 1 ? 'has' : 'have'} several spells; an actor has one lifetime, so it runs from the first spell's start to the last spell's end and the spells are listed in the description`,
    );
  if (multiParent(graph.nodes))
    log.warn(
      graph.nodes.find((n) => n.otherParents.length > 0)!.at,
      'an actor has one parent: the first parent of a node with several is used, the others are listed in its description',
    );
  return {
    actors,
    origins,
    actorTypes: [...usedTypes.keys()].map((id) => ({ id, label: id })),
    typeOrigins: [...usedTypes.values()],
  };
}

/**
 * A node id declared more than once (a dynamic graph where a node comes
 * back): the declarations are merged into one node whose spells and
 * attribute values are those of all of them; label and parent come from the
 * first. One warning names the ids.
 */
function mergeRepeated(nodes: readonly GexfNode[], log: ProblemLog): GexfNode[] {
  // Declarations grouped by id first, then each group merged once: merging
  // into a growing node at every repeat made a node declared n times cost n².
  const declarations = new Map<string, GexfNode[]>();
  const order: (GexfNode | string)[] = [];
  for (const node of nodes) {
    if (node.id === undefined) order.push(node);
    else if (declarations.has(node.id)) declarations.get(node.id)!.push(node);
    else {
      declarations.set(node.id, [node]);
      order.push(node.id);
    }
  }
  const repeated = [...declarations].filter(([, list]) => list.length > 1);
  if (repeated.length > 0) {
    const described = repeated.map(
      ([id, list]) => `"${id}" at lines ${list.map((n) => n.at.line).join(', ')}`,
    );
    log.warn(
      repeated[0]![1][1]!.at,
      `${plural(repeated.length, 'node id')} declared more than once (${listSome(described, 3)}): the declarations of each are merged into one actor, their intervals taken as spells`,
    );
  }
  return order.map((x) => (typeof x === 'string' ? mergeDeclarations(declarations.get(x)!) : x));
}

/** One node from the declarations of an id: the first label and parent given, all spells and values. */
function mergeDeclarations(list: readonly GexfNode[]): GexfNode {
  const first = list[0]!;
  if (list.length === 1) return first;
  const attrs = new Map<AttrDecl, AttrValues>();
  for (const node of list)
    for (const [decl, entry] of node.attrs) {
      const had = attrs.get(decl);
      if (had) had.values.push(...entry.values);
      else attrs.set(decl, { decl, values: [...entry.values] });
    }
  return {
    ...first,
    label: list.find((n) => n.label)?.label ?? list[list.length - 1]!.label,
    parent: list.find((n) => n.parent !== undefined)?.parent,
    spans: list.flatMap((n) => (n.spans.length > 0 ? n.spans : [{}])),
    attrs,
  };
}

function multiParent(nodes: readonly GexfNode[]): boolean {
  return nodes.some((n) => n.otherParents.length > 0);
}
