/**
 * Actors of an event table, inferred from its actor columns: one per actor
 * code (or name, when the row has no code) that takes part in a relation.
 */
import type { Actor } from '../schema';
import { isCountryCode } from './country-codes';
import { actorAt, type EventRow, type HasColumn } from './event-rows';
import type { AggregatedRelation } from './event-windows';
import { listSome, plural, type Location, type Origin, type ProblemLog } from './import-result';

interface Seen {
  id: string;
  /** The type the format tells, if any. */
  type?: string;
  /** The row where the actor first appears, and the cell. */
  row: EventRow['row'];
  at: Location;
  name?: string;
  nameAt?: Location;
}

/**
 * The actors, in order of first appearance. Label: the first name the name
 * column gives it, else its id. Type: the first the format tells for it
 * (ICEWS, ACLED, GED), else `state` for a three-letter country code (`USA`,
 * `IRN`; see `country-codes.ts`), else `other`. Actors left
 * without a relation are left out, with one warning.
 */
export function eventActors(
  events: readonly EventRow[],
  relations: readonly AggregatedRelation[],
  has: HasColumn,
  log: ProblemLog,
): { actors: Actor[]; origins: Origin[] } {
  const seen = new Map<string, Seen>();
  for (const e of events)
    for (const [side, id, name, type, where] of [
      [1, e.actor1, e.name1, e.type1, e.where1],
      [2, e.actor2, e.name2, e.type2, e.where2],
    ] as const) {
      let s = seen.get(id);
      if (!s) {
        s = { id, row: e.row, at: where ?? actorAt(e.row, side, has) };
        seen.set(id, s);
      }
      s.type ??= type;
      if (s.name === undefined && name !== undefined) {
        s.name = name;
        s.nameAt = e.row.at(side === 1 ? 'actor1Name' : 'actor2Name');
      }
    }

  const related = new Set(relations.flatMap((r) => [r.source, r.target]));
  const kept = [...seen.values()].filter((s) => related.has(s.id));
  const dropped = [...seen.values()].filter((s) => !related.has(s.id));
  if (dropped.length > 0)
    log.warn(
      dropped[0]!.row.whole(),
      `${plural(dropped.length, 'actor')} left out because no relation remains for them (too few events in any window, or a mean score between the thresholds): ${listSome(dropped.map((s) => s.id))}`,
    );

  return {
    actors: kept.map((s) => ({
      id: s.id,
      label: s.name ?? s.id,
      type: s.type ?? (isCountryCode(s.id) ? 'state' : 'other'),
    })),
    origins: kept.map(
      (s): Origin =>
        (rest) =>
          rest.startsWith('.label') && s.nameAt ? s.nameAt : s.at,
    ),
  };
}
