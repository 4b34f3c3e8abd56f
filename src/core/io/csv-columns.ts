/**
 * The columns of the two CSV tables, and the header names the importer
 * accepts for each (matched after {@link normaliseName}: case, spaces, `-`
 * and `_` do not matter). The first name is the one the exporter writes.
 * Evidence columns (`quote`, `evidence_source`, `evidence_note`, numbered
 * from 2) are described in `names.ts`.
 */

export const ACTOR_COLUMNS = {
  id: ['id', 'actor', 'actor_id'],
  label: ['label', 'name'],
  type: ['type', 'actor_type', 'category'],
  aliases: ['aliases', 'alias', 'aka', 'also_known_as'],
  parent: ['parent', 'parent_id', 'part_of'],
  from: ['from', 'start', 'begin', 'start_date', 'from_date'],
  until: ['until', 'end', 'to', 'end_date', 'until_date'],
  description: ['description'],
  note: ['note', 'notes', 'comment'],
} as const;

/**
 * Relation columns. `source` and `target` are the actors; dates are
 * `from`/`until` (never `source`/`target`, and `from`/`to` are dates, not
 * actors). `type` is the relation kind in this table.
 */
export const RELATION_COLUMNS = {
  id: ['id', 'relation_id'],
  source: ['source', 'source_id', 'source_actor', 'actor_1', 'actor_a'],
  target: ['target', 'target_id', 'target_actor', 'actor_2', 'actor_b'],
  kind: ['kind', 'relation', 'relation_kind', 'type'],
  polarity: ['polarity', 'sign'],
  directed: ['directed'],
  from: ['from', 'start', 'begin', 'start_date', 'from_date'],
  until: ['until', 'end', 'to', 'end_date', 'until_date'],
  strength: ['strength'],
  label: ['label'],
  basis: ['basis'],
  dateBasis: ['date_basis', 'dates_basis'],
  reference: ['reference', 'history_reference'],
  note: ['note', 'notes', 'comment'],
} as const;

/** Written only when some relation states a basis, so other exports keep their columns. */
export const BASIS_COLUMNS: readonly RelationField[] = ['basis', 'dateBasis', 'reference'];

export type ActorField = keyof typeof ACTOR_COLUMNS;
export type RelationField = keyof typeof RELATION_COLUMNS;

/** Columns without which a table cannot be read. */
export const REQUIRED_ACTOR_COLUMNS: readonly ActorField[] = ['id'];
export const REQUIRED_RELATION_COLUMNS: readonly RelationField[] = ['source', 'target', 'kind'];

/** Boolean cells: `true`/`false`, `yes`/`no`, `1`/`0`, `directed`/`undirected` (any case). */
export function parseBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 'directed'].includes(t)) return true;
  if (['false', 'no', 'n', '0', 'undirected'].includes(t)) return false;
  return undefined;
}
