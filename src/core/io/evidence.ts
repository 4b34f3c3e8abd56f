/**
 * Evidence of imported relations, shared by the CSV and GEXF importers:
 * numbered groups of quote, source and note (`quote`, `evidence_source`,
 * `evidence_note`, then `quote_2`…), and the sources they refer to.
 */
import type { Evidence, Relation, Source } from '../schema';
import type { Location, ProblemLog } from './import-result';

/** Quotes given without a source cite this one. */
export const UNSOURCED_ID = 'unsourced';

/** One numbered evidence group as read from a row or an edge. */
export interface EvidenceDraft {
  group: number;
  quote?: string;
  source?: string;
  note?: string;
  /** Where a field of this group is in the file. */
  at: (field: 'quote' | 'source' | 'note') => Location;
}

/**
 * The evidence of one relation, in group order, and for each item the group
 * it came from (so that validation problems find their way back). A source or
 * note without a quote is an error (a quote is what evidence is); a quote
 * without a source cites {@link UNSOURCED_ID}, with one warning per file.
 */
export function collectEvidence(
  drafts: readonly EvidenceDraft[],
  log: ProblemLog,
): { evidence: Evidence[]; groups: number[] } {
  const evidence: Evidence[] = [];
  const groups: number[] = [];
  // Rows without evidence, or with one group, are most rows: nothing to sort.
  const inGroupOrder = drafts.length > 1 ? [...drafts].sort((a, b) => a.group - b.group) : drafts;
  for (const d of inGroupOrder) {
    if (d.quote === undefined) {
      if (d.source !== undefined)
        log.error(d.at('source'), 'has an evidence source but no quote beside it', d.source);
      else if (d.note !== undefined)
        log.error(d.at('note'), 'has an evidence note but no quote beside it', d.note);
      continue;
    }
    if (d.source === undefined)
      log.warnOnce(
        'unsourced',
        d.at('quote'),
        `quotes without a source cite a source "${UNSOURCED_ID}" added for them`,
      );
    evidence.push({
      source: d.source ?? UNSOURCED_ID,
      quote: d.quote,
      ...(d.note !== undefined ? { note: d.note } : {}),
    });
    groups.push(d.group);
  }
  return { evidence, groups };
}

/**
 * The sources the evidence cites, in order of first citation: an imported
 * file names sources by id only, so each is titled with its id.
 */
export function citedSources(
  relations: readonly Pick<Relation, 'evidence'>[],
  file: string,
): Source[] {
  const ids = new Set<string>();
  for (const r of relations) for (const e of r.evidence) ids.add(e.source);
  return [...ids].map((id) =>
    id === UNSOURCED_ID ? { id, title: `No source given in ${file}` } : { id, title: id },
  );
}

/** How many evidence groups the widest relation needs (for export columns and attributes). */
export function maxEvidence(relations: readonly Pick<Relation, 'evidence'>[]): number {
  return relations.reduce((m, r) => Math.max(m, r.evidence.length), 0);
}
