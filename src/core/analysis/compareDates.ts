/**
 * What differs between two days: relations that entered or left, pairs whose
 * net sign changed (flips), actors that entered or left their lifetime.
 * Built on `index.diff`, so it costs O(log n + k) for k changes plus the
 * relations of the touched pairs; it works in both directions.
 */
import type { AnalysisModel } from './analysisModel';
import { compile } from './compiled';
import { pairStatus, type PairStatus } from './pairHistory';
import { relationInfo, type RelationInfo } from './relationInfo';

/**
 * A relation active at exactly one of the two days. `type` follows the move
 * from t1 to t2 ('entered': active at t2 only); `event` is what happened in
 * the world at `day` (its start or its end), whichever the direction.
 */
export interface RelationChange {
  type: 'entered' | 'left';
  event: 'start' | 'end';
  day: number;
  /** The day as the dataset wrote it. */
  date: string;
  relation: RelationInfo;
}

export interface PairSide {
  /** Net sign (sign of the sum), as in the signed graph. */
  sign: 1 | -1 | 0;
  status: PairStatus;
  relations: string[];
}

/** A pair with active relations at both days whose net sign differs. */
export interface PairFlip {
  type: 'flip';
  /** In dataset order of the actors. */
  actors: [string, string];
  before: PairSide;
  after: PairSide;
  /** Positive to negative or back (not merely to or from 0). */
  reversal: boolean;
  left: RelationChange[];
  entered: RelationChange[];
  /** The first of its changes met when moving from t1 towards t2. */
  day: number;
}

export interface ActorChange {
  type: 'entered' | 'left';
  event: 'start' | 'end';
  day: number;
  date: string;
  actor: string;
  label: string;
}

export interface DateComparison {
  t1: number;
  t2: number;
  /** Flips first, then the other relation changes, each by distance from t1. */
  changes: (PairFlip | RelationChange)[];
  flips: PairFlip[];
  /** Relation changes that are not part of a flip. */
  entered: RelationChange[];
  left: RelationChange[];
  /** Actors whose lifetime covers exactly one of the days, by distance from t1. */
  actors: ActorChange[];
}

/**
 * When an item active at exactly one of t1, t2 changed: its end if it was
 * active at the earlier day, else its start (exactly one lies in between).
 */
function changeOf(
  start: number,
  end: number,
  from: string | undefined,
  until: string | undefined,
  t1: number,
  t2: number,
) {
  const lo = Math.min(t1, t2);
  return start <= lo && lo < end
    ? { event: 'end' as const, day: end, date: until! }
    : { event: 'start' as const, day: start, date: from! };
}

/**
 * Compares the graph at t1 with the graph at t2. Swapping the days gives the
 * mirror image: entered and left swap, and so do each flip's before/after.
 */
export function compareDates(model: AnalysisModel, t1: number, t2: number): DateComparison {
  const c = compile(model);
  const { index } = model;
  const diff = index.diff(t1, t2);
  const near = (x: number, y: number) => Math.abs(x - t1) - Math.abs(y - t1);

  const relationChange = (id: string, type: RelationChange['type']): RelationChange => {
    const relation = relationInfo(model, id);
    const { startDay: s, endDay: e, from, until } = relation;
    return { type, ...changeOf(s, e, from, until, t1, t2), relation };
  };
  const changes = [
    ...diff.relationsEntered.map((id) => relationChange(id, 'entered')),
    ...diff.relationsLeft.map((id) => relationChange(id, 'left')),
  ];

  const byPair = new Map<number, RelationChange[]>();
  for (const ch of changes) {
    const p = c.relPair[model.relationIndex.get(ch.relation.id)!]!;
    if (p < 0) continue;
    const list = byPair.get(p);
    if (list) list.push(ch);
    else byPair.set(p, [ch]);
  }
  const side = (p: number, t: number): PairSide => {
    let pos = 0;
    let neg = 0;
    const relations: string[] = [];
    for (let k = c.pairStart[p]!; k < c.pairStart[p + 1]!; k++) {
      const r = c.pairRels[k]!;
      if (!index.relationActive(r, t)) continue;
      relations.push(c.relationIds[r]!);
      if (c.relSign[r]! > 0) pos++;
      else if (c.relSign[r]! < 0) neg++;
    }
    return {
      sign: pos > neg ? 1 : pos < neg ? -1 : 0,
      status: pairStatus(pos, neg, relations.length),
      relations,
    };
  };

  const flips: PairFlip[] = [];
  const inFlip = new Set<RelationChange>();
  for (const [p, list] of byPair) {
    const before = side(p, t1);
    const after = side(p, t2);
    if (before.relations.length === 0 || after.relations.length === 0) continue;
    if (before.sign === after.sign) continue;
    list.sort((x, y) => near(x.day, y.day) || cmp(x.relation.id, y.relation.id));
    for (const ch of list) inFlip.add(ch);
    flips.push({
      type: 'flip',
      actors: [c.actorIds[c.pairA[p]!]!, c.actorIds[c.pairB[p]!]!],
      before,
      after,
      reversal: before.sign * after.sign < 0,
      left: list.filter((ch) => ch.type === 'left'),
      entered: list.filter((ch) => ch.type === 'entered'),
      day: list[0]!.day,
    });
  }
  flips.sort((x, y) => near(x.day, y.day) || cmp(x.actors.join('\n'), y.actors.join('\n')));
  const rest = changes
    .filter((ch) => !inFlip.has(ch))
    .sort((x, y) => near(x.day, y.day) || cmp(x.relation.id, y.relation.id));

  const actorChange = (id: string, type: ActorChange['type']): ActorChange => {
    const a = model.actorsById.get(id)!;
    const i = c.actorIndex.get(id)!;
    const change = changeOf(c.actorStart[i]!, c.actorEnd[i]!, a.from, a.until, t1, t2);
    return { type, ...change, actor: id, label: a.label };
  };
  const actors = [
    ...diff.actorsEntered.map((id) => actorChange(id, 'entered')),
    ...diff.actorsLeft.map((id) => actorChange(id, 'left')),
  ].sort((x, y) => near(x.day, y.day) || cmp(x.actor, y.actor));

  return {
    t1,
    t2,
    changes: [...flips, ...rest],
    flips,
    entered: rest.filter((ch) => ch.type === 'entered'),
    left: rest.filter((ch) => ch.type === 'left'),
    actors,
  };
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
