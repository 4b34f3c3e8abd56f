/**
 * The history of one pair of actors: every relation between them over the
 * whole range, and a strip of segments coloured by their net polarity.
 */
import type { AnalysisModel } from './analysisModel';
import { compile, pairIndex } from './compiled';
import { relationInfo, type RelationInfo } from './relationInfo';

/** Net polarity of a pair while a set of relations is active. */
export type PairStatus = 'positive' | 'negative' | 'mixed' | 'neutral' | 'none';

export interface PairRelation extends RelationInfo {
  /** Relative to the pair as asked (a, b); 'undirected' for undirected relations. */
  direction: 'a-to-b' | 'b-to-a' | 'undirected';
}

export interface PairSegment {
  /**
   * 'mixed': positive and negative relations both active; 'neutral': only
   * neutral ones (contact); 'none': no relation (a gap between two).
   */
  status: PairStatus;
  /** Half-open [startDay, endDay); ±Infinity at open ends. */
  startDay: number;
  endDay: number;
  /** The boundary as a relation wrote it (the most precise spelling), absent when open. */
  from?: string;
  until?: string;
  /** Relations active at some point of the segment, by start. */
  relations: string[];
}

export interface PairHistory {
  a: string;
  b: string;
  relations: PairRelation[];
  /** Maximal runs of equal status, from the first relation's start to the last one's end. */
  segments: PairSegment[];
}

/** Status of a pair from the numbers of its active positive, negative and (all) relations. */
export function pairStatus(positive: number, negative: number, active: number): PairStatus {
  if (positive > 0 && negative > 0) return 'mixed';
  if (positive > 0) return 'positive';
  if (negative > 0) return 'negative';
  return active > 0 ? 'neutral' : 'none';
}

/**
 * Every relation between actors a and b (either direction), sorted by start
 * then end, and the segments of the pair's net polarity through time.
 * O(k^2) for the k relations of the pair (k is small). Throws on an unknown actor.
 */
export function pairHistory(model: AnalysisModel, a: string, b: string): PairHistory {
  for (const id of [a, b])
    if (!model.actorsById.has(id)) throw new RangeError(`unknown actor "${id}"`);
  const c = compile(model);
  const p = pairIndex(c, a, b);
  const relations: PairRelation[] = [];
  if (p !== undefined) {
    for (let k = c.pairStart[p]!; k < c.pairStart[p + 1]!; k++) {
      const info = relationInfo(model, c.relationIds[c.pairRels[k]!]!);
      const direction = !info.directed ? 'undirected' : info.source === a ? 'a-to-b' : 'b-to-a';
      relations.push({ ...info, direction });
    }
  }
  relations.sort((x, y) => x.startDay - y.startDay || x.endDay - y.endDay || cmp(x.id, y.id));
  return { a, b, relations, segments: segmentsOf(relations) };
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Splits time at every start and end, takes the status of each piece, merges equal neighbours. */
function segmentsOf(relations: readonly RelationInfo[]): PairSegment[] {
  const live = relations.filter((r) => r.startDay < r.endDay);
  if (live.length === 0) return [];
  const spelling = new Map<number, string>(); // day -> most precise ISO spelling
  const cuts = new Set<number>();
  for (const r of live) {
    for (const [day, text] of [
      [r.startDay, r.from],
      [r.endDay, r.until],
    ] as const) {
      if (!Number.isFinite(day) || text === undefined) continue;
      cuts.add(day);
      if ((spelling.get(day)?.length ?? 0) < text.length) spelling.set(day, text);
    }
  }
  const bounds = [-Infinity, ...[...cuts].sort((x, y) => x - y), Infinity];
  const pieces: PairSegment[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const lo = bounds[i]!;
    const hi = bounds[i + 1]!;
    // Nothing changes inside a piece, so any day in it stands for all of it.
    const probe = Number.isFinite(lo) ? lo : Number.isFinite(hi) ? hi - 1 : 0;
    const active = live.filter((r) => r.startDay <= probe && probe < r.endDay);
    const status = pairStatus(
      active.filter((r) => r.sign > 0).length,
      active.filter((r) => r.sign < 0).length,
      active.length,
    );
    const last = pieces[pieces.length - 1];
    if (last && last.status === status) {
      last.endDay = hi;
      for (const r of active) if (!last.relations.includes(r.id)) last.relations.push(r.id);
      continue;
    }
    pieces.push({ status, startDay: lo, endDay: hi, relations: active.map((r) => r.id) });
  }
  // Gaps before the first and after the last relation carry no information.
  while (pieces[0]?.status === 'none') pieces.shift();
  while (pieces[pieces.length - 1]?.status === 'none') pieces.pop();
  for (const s of pieces) {
    const from = spelling.get(s.startDay);
    const until = spelling.get(s.endDay);
    if (from !== undefined) s.from = from;
    if (until !== undefined) s.until = until;
  }
  return pieces;
}
