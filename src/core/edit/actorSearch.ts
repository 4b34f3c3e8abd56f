/**
 * Finding an actor by typing, for the edit forms' actor pickers: a dataset may
 * hold tens of thousands of actors, so a picker shows only the first matches
 * of what was typed, best first, and how many more there are.
 *
 * The text each actor is matched on (label, id and other names, folded to
 * lower case without accents) and the alphabetical order are computed once per
 * list of actors and kept while the list is the same array (an edit that
 * touches no actor keeps it), so a keystroke costs one pass over prepared
 * strings, not a normalisation or a sort of every actor.
 */
import type { Actor } from '../schema';

/** The actors a query matched: the first `limit`, best first, and how many more matched. */
export interface ActorMatches {
  actors: Actor[];
  more: number;
}

interface Prepared {
  /** The actors, alphabetical by label (then id). */
  sorted: Actor[];
  /** For each sorted actor: its label, its id and each other name, folded. */
  label: string[];
  id: string[];
  aliases: string[][];
}

const prepared = new WeakMap<readonly Actor[], Prepared>();

/** Lower case, without accents or other combining marks: “Côte d’Ivoire” → “cote d’ivoire”. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function prepare(actors: readonly Actor[]): Prepared {
  let p = prepared.get(actors);
  if (!p) {
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    const sorted = [...actors].sort(
      (a, b) => collator.compare(a.label, b.label) || collator.compare(a.id, b.id),
    );
    p = {
      sorted,
      label: sorted.map((a) => fold(a.label)),
      id: sorted.map((a) => fold(a.id)),
      aliases: sorted.map((a) => (a.aliases ?? []).map(fold)),
    };
    prepared.set(actors, p);
  }
  return p;
}

/**
 * How well an actor matches the folded query, lower is better: 0 its id or label is the query,
 * 1 its label starts with it, 2 a word of its label does, 3 its id or another name starts
 * with it, 4 the query is somewhere in its label, id or other names; -1 no match.
 */
function rank(p: Prepared, k: number, query: string): number {
  const label = p.label[k]!;
  const id = p.id[k]!;
  if (label === query || id === query) return 0;
  if (label.startsWith(query)) return 1;
  if (label.includes(` ${query}`) || label.includes(`(${query}`)) return 2;
  const aliases = p.aliases[k]!;
  if (id.startsWith(query) || aliases.some((a) => a.startsWith(query))) return 3;
  if (label.includes(query) || id.includes(query) || aliases.some((a) => a.includes(query)))
    return 4;
  return -1;
}

const RANKS = 5;

/**
 * The actors whose label, id or another name contains `query` (ignoring case and accents),
 * best matches first and alphabetical within each rank; all actors, alphabetical, for an empty
 * query. At most `limit` are returned; `more` counts the rest. `exclude`: actors to leave out
 * (an actor cannot be its own parent; an event names an actor once).
 */
export function matchActors(
  actors: readonly Actor[],
  query: string,
  limit: number,
  exclude: ReadonlySet<string> = new Set(),
): ActorMatches {
  const p = prepare(actors);
  const q = fold(query.trim());
  const byRank: Actor[][] = Array.from({ length: RANKS }, () => []);
  let matched = 0;
  p.sorted.forEach((actor, k) => {
    if (exclude.has(actor.id)) return;
    const r = q === '' ? RANKS - 1 : rank(p, k, q);
    if (r < 0) return;
    matched++;
    // Only the first `limit` of each rank can be shown: the rest are only counted.
    if (byRank[r]!.length < limit) byRank[r]!.push(actor);
  });
  const best = byRank.flat().slice(0, limit);
  return { actors: best, more: matched - best.length };
}
