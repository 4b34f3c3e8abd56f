/**
 * What a relation or an event rests on (docs/FORMATS.md, "Basis"): the words
 * its evidence quotes, or well-known history with a reference a reader can
 * check. The fields are optional so that datasets written before them stay
 * valid; this module says what their absence means, in one place, for the
 * details panel, the exports and the seed's tests.
 */
import type { Basis, EventItem, Relation } from './schema';

/** The basis fields of a relation or an event. */
export type BasisFields = Pick<
  Relation | EventItem,
  'basis' | 'dateBasis' | 'reference' | 'evidence'
>;

/** What an item's claim and its dates rest on, with absences resolved. */
export interface EffectiveBasis {
  /** Undefined when the item states no basis and quotes nothing: it rests on nothing shown. */
  claim: Basis | undefined;
  dates: Basis | undefined;
  reference: string | undefined;
}

/**
 * An absent `basis` means the item rests on its evidence, as every item did
 * before the field existed: `quote` when it quotes something, nothing
 * otherwise. An absent `dateBasis` means the dates rest on the same as the claim.
 */
export function effectiveBasis(item: BasisFields): EffectiveBasis {
  const claim = item.basis ?? (item.evidence.length > 0 ? 'quote' : undefined);
  return { claim, dates: item.dateBasis ?? claim, reference: item.reference };
}

/** True when anything about the item (its claim or its dates) rests on history. */
export function restsOnHistory(item: BasisFields): boolean {
  return item.basis === 'history' || item.dateBasis === 'history';
}
