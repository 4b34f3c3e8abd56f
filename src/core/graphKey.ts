/**
 * The key under which an actor is a node of a graphology graph.
 *
 * An actor id is user text, and it may be any string, "constructor" or "__proto__" included.
 * graphology keeps each node's neighbours in plain objects keyed by the neighbour's node key
 * (`node.out[neighbour]`), and its layouts and metrics index nodes the same way
 * (`index[node] = i` in ForceAtlas2, the score object of betweenness). A raw id named after an
 * Object.prototype member reads the built-in there: graphology then sees an edge that does not
 * exist ("an edge linking "a" to "constructor" already exists") and, for "__proto__", writes
 * its linked-list fields onto Object.prototype itself.
 *
 * So a graph never receives a raw id: every node key is the id behind a fixed prefix. Every
 * Object.prototype member (today's, and any future one, whose names are identifiers or
 * `__proto__`) starts with a letter, `_` or `$`, never with the prefix, so no node key can be
 * one. Edge keys need no prefix: graphology stores edges (and nodes) in Maps.
 */

const PREFIX = '#';

/** The graphology node key of an actor. */
export function nodeKey(actorId: string): string {
  return PREFIX + actorId;
}

/** The actor id behind a node key made by {@link nodeKey}. */
export function actorIdOf(key: string): string {
  return key.slice(PREFIX.length);
}
