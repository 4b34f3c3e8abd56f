/**
 * A relation as the analyses report it: kind, polarity, direction, interval
 * both as written (ISO at its precision) and as day numbers, and evidence.
 */
import type { Polarity, Evidence } from '../schema';
import type { AnalysisModel } from './analysisModel';
import { compile } from './compiled';

export interface RelationInfo {
  id: string;
  source: string;
  target: string;
  kind: string;
  kindLabel: string;
  polarity: Polarity;
  sign: 1 | -1 | 0;
  /** Directed relations point from source to target (e.g. patron to client for support). */
  directed: boolean;
  /** As written in the dataset; absent means open (since always / ongoing). */
  from?: string;
  until?: string;
  /** Day numbers of the half-open interval [startDay, endDay); ±Infinity when open. */
  startDay: number;
  endDay: number;
  label?: string;
  strength?: number;
  note?: string;
  evidence: Evidence[];
}

/** Describes relation `id` of the model. Throws on an unknown id. */
export function relationInfo(model: AnalysisModel, id: string): RelationInfo {
  const r = model.relationsById.get(id);
  if (!r) throw new RangeError(`unknown relation "${id}"`);
  const e = model.union.relation(id);
  const c = compile(model);
  const i = model.relationIndex.get(id)!;
  const info: RelationInfo = {
    id,
    source: r.source,
    target: r.target,
    kind: r.kind,
    kindLabel: model.vocabulary.relationKinds.get(r.kind)?.label ?? r.kind,
    polarity: e.polarity,
    sign: e.sign,
    directed: e.directed,
    startDay: c.relStart[i]!,
    endDay: c.relEnd[i]!,
    evidence: r.evidence,
  };
  if (r.from !== undefined) info.from = r.from;
  if (r.until !== undefined) info.until = r.until;
  if (r.label !== undefined) info.label = r.label;
  if (r.strength !== undefined) info.strength = r.strength;
  if (r.note !== undefined) info.note = r.note;
  return info;
}
