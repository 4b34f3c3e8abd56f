/**
 * The signed graph at a day in integer form: per actor pair, how many
 * positive, negative and neutral relations are active. Same semantics as
 * `signedGraphAt` in `core/model.ts` (net sign = sign of the sum; `mixed`
 * when both signs are active), without building a graphology graph, so a
 * series of days can reuse one state and move it with `index.diff`.
 */
import type { AnalysisModel } from './analysisModel';
import { compile, type Compiled } from './compiled';

/** Active relation counts per pair, updated relation by relation. */
export class PairState {
  readonly pos: Int32Array;
  readonly neg: Int32Array;
  readonly neu: Int32Array;

  constructor(readonly compiled: Compiled) {
    const pairs = compiled.pairA.length;
    this.pos = new Int32Array(pairs);
    this.neg = new Int32Array(pairs);
    this.neu = new Int32Array(pairs);
  }

  /** Adds (delta = 1) or removes (delta = -1) relation `rel` (its dataset position). */
  update(rel: number, delta: 1 | -1): void {
    const p = this.compiled.relPair[rel]!;
    if (p < 0) return;
    const s = this.compiled.relSign[rel]!;
    const counts = s > 0 ? this.pos : s < 0 ? this.neg : this.neu;
    counts[p]! += delta;
  }

  active(p: number): boolean {
    return this.pos[p]! + this.neg[p]! + this.neu[p]! > 0;
  }

  /** Sign of the sum of the active relations' signs. */
  sign(p: number): 1 | -1 | 0 {
    const d = this.pos[p]! - this.neg[p]!;
    return d > 0 ? 1 : d < 0 ? -1 : 0;
  }

  mixed(p: number): boolean {
    return this.pos[p]! > 0 && this.neg[p]! > 0;
  }

  /**
   * The sign a pair contributes to balance and camps: ±1, or 0 when it is
   * left out (no active relation, neutral only, cancelled, or mixed).
   */
  strictSign(p: number): 1 | -1 | 0 {
    if (this.mixed(p)) return 0;
    return this.sign(p);
  }
}

export interface Snapshot {
  compiled: Compiled;
  day: number;
  state: PairState;
  /** Actor numbers of the signed graph at `day`: active actors plus endpoints of active relations. */
  actors: number[];
  /** Pair numbers with at least one active relation. */
  pairs: number[];
  /** Dataset positions of the active relations. */
  relations: number[];
}

/** The signed graph at day t, in integer form. */
export function snapshotAt(model: AnalysisModel, t: number): Snapshot {
  const c = compile(model);
  const stateAt = model.index.stateAt(t);
  const state = new PairState(c);
  const relations = stateAt.relations.map((id) => model.relationIndex.get(id)!);
  const inGraph = new Uint8Array(c.actorIds.length);
  for (const id of stateAt.actors) inGraph[c.actorIndex.get(id)!] = 1;
  const pairs: number[] = [];
  for (const r of relations) {
    state.update(r, 1);
    inGraph[c.relSource[r]!] = 1;
    inGraph[c.relTarget[r]!] = 1;
  }
  const seen = new Uint8Array(c.pairA.length);
  for (const r of relations) {
    const p = c.relPair[r]!;
    if (p >= 0 && !seen[p]) {
      seen[p] = 1;
      pairs.push(p);
    }
  }
  const actors: number[] = [];
  for (let i = 0; i < inGraph.length; i++) if (inGraph[i]) actors.push(i);
  return { compiled: c, day: t, state, actors, pairs, relations };
}

/** Ids of the active relations of pair p at the snapshot's day. */
export function activeRelationsOfPair(model: AnalysisModel, snap: Snapshot, p: number): string[] {
  const c = snap.compiled;
  const out: string[] = [];
  for (let k = c.pairStart[p]!; k < c.pairStart[p + 1]!; k++) {
    const r = c.pairRels[k]!;
    if (model.index.relationActive(r, snap.day)) out.push(c.relationIds[r]!);
  }
  return out;
}
