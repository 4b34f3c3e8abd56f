/**
 * The dataset as two CSV tables, actors and relations (docs/FORMATS.md,
 * "CSV"). Text cells go through the formula-injection guard; the numeric
 * `strength` column never does.
 */
import type { Dataset } from '../schema';
import { resolveVocabulary } from '../vocabulary';
import { ACTOR_COLUMNS, BASIS_COLUMNS, RELATION_COLUMNS } from './csv-columns';
import { guardCell, writeCsv } from './csv';
import { maxEvidence } from './evidence';
import { evidenceName } from './names';
import { joinPipeList } from './pipe-list';

/** Options shared by both tables. */
export interface CsvExportOptions {
  /** Write a UTF-8 byte-order mark (default true: spreadsheets need it to read UTF-8). */
  bom?: boolean;
}

const header = <T extends Record<string, readonly string[]>>(columns: T) =>
  Object.values(columns).map((names) => names[0]!);

/**
 * The actors table: id, label, type, aliases (joined with `|`, see
 * `pipe-list.ts`), parent, from, until, description, note. One row per actor.
 */
export function exportActorsCsv(dataset: Dataset, options: CsvExportOptions = {}): string {
  const rows = dataset.actors.map((a) =>
    [
      a.id,
      a.label,
      a.type,
      joinPipeList(a.aliases ?? []),
      a.parent ?? '',
      a.from ?? '',
      a.until ?? '',
      a.description ?? '',
      a.note ?? '',
    ].map(guardCell),
  );
  return writeCsv([header(ACTOR_COLUMNS), ...rows], options);
}

/**
 * The relations table: id, source, target, kind, polarity (of the kind),
 * directed (the relation's actual direction, `true`/`false`), from, until,
 * strength, label, then basis, date_basis, reference when some relation
 * states a basis, then quote, evidence_source, evidence_note, note, then
 * quote_2, evidence_source_2, evidence_note_2… for as many evidence items as
 * the relation with the most has. One row per relation.
 */
export function exportRelationsCsv(dataset: Dataset, options: CsvExportOptions = {}): string {
  const kinds = resolveVocabulary(dataset).relationKinds;
  const groups = Math.max(1, maxEvidence(dataset.relations));
  const evidenceHeader = (g: number) => [
    evidenceName('quote', g),
    evidenceName('source', g),
    evidenceName('note', g),
  ];
  const withBasis = dataset.relations.some(
    (r) => r.basis !== undefined || r.dateBasis !== undefined || r.reference !== undefined,
  );
  const basisHeaders: readonly string[] = BASIS_COLUMNS.map((field) => RELATION_COLUMNS[field][0]);
  const head = header(RELATION_COLUMNS).filter((name) => withBasis || !basisHeaders.includes(name));
  const noteAt = head.indexOf('note');
  const columns = [
    ...head.slice(0, noteAt),
    ...evidenceHeader(1),
    ...head.slice(noteAt),
    ...Array.from({ length: groups - 1 }, (_, i) => evidenceHeader(i + 2)).flat(),
  ];

  const rows = dataset.relations.map((r) => {
    const kind = kinds.get(r.kind);
    const evidence = (i: number) => {
      const e = r.evidence[i];
      return [e?.quote ?? '', e?.source ?? '', e?.note ?? ''].map(guardCell);
    };
    const text = (v: string | undefined) => guardCell(v ?? '');
    return [
      text(r.id),
      text(r.source),
      text(r.target),
      text(r.kind),
      kind?.polarity ?? '',
      String(r.directed ?? kind?.directed ?? false),
      r.from ?? '',
      r.until ?? '',
      r.strength === undefined ? '' : String(r.strength), // a number: never guarded
      text(r.label),
      ...(withBasis ? [r.basis ?? '', r.dateBasis ?? '', text(r.reference)] : []),
      ...evidence(0),
      text(r.note),
      ...Array.from({ length: groups - 1 }, (_, i) => evidence(i + 1)).flat(),
    ];
  });
  return writeCsv([columns, ...rows], options);
}
