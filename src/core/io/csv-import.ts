/**
 * CSV import (docs/FORMATS.md, "CSV"): a relations table, and optionally an
 * actors table, into a validated dataset. Every problem names its file, row,
 * column, line and value; validation problems of the assembled dataset are
 * moved back to the rows they come from.
 */
import type { ActorType, Dataset, Polarity, Relation } from '../schema';
import { validateDataset } from '../validate';
import { BUILTIN_ACTOR_TYPES } from '../vocabulary';
import {
  ACTOR_COLUMNS,
  RELATION_COLUMNS,
  REQUIRED_ACTOR_COLUMNS,
  REQUIRED_RELATION_COLUMNS,
} from './csv-columns';
import {
  readActorRows,
  readRelationRows,
  relationOrigin,
  type ActorDraft,
  type RelationDraft,
} from './csv-rows';
import { readFieldTable } from './csv-table';
import { citedSources } from './evidence';
import {
  fileStem,
  listSome,
  plural,
  ProblemLog,
  relocate,
  type ImportResult,
  type Location,
  type Origin,
} from './import-result';
import { KIND_FOR_POLARITY, resolveKinds, type KindUse } from './kinds';

/** A CSV file: its name (for messages and the title) and its text. */
export interface CsvFile {
  name: string;
  text: string;
}

/** The tables to import: relations, and actors when there is an actors table. */
export interface CsvImportInput {
  relations: CsvFile;
  actors?: CsvFile;
}

/** `seed-relations.csv` → `seed`; `relations.csv` → `relations`. */
function titleOf(fileName: string): string {
  const stem = fileStem(fileName).trim();
  const short = stem.replace(/[\s_-]+relations$/i, '').trim();
  return short || stem || 'Imported CSV';
}

/**
 * Imports CSV tables. Without an actors table, actors are inferred from the
 * relations (label = id, type `other`, one warning). Kinds that are not
 * built in are declared when the table gives their polarity, else read as
 * `contact` with the original kind kept in the note. See docs/FORMATS.md.
 */
export function importCsv(input: CsvImportInput): ImportResult {
  const log = new ProblemLog();
  const relationsTable = readFieldTable(
    input.relations,
    RELATION_COLUMNS,
    REQUIRED_RELATION_COLUMNS,
    true,
    log,
  );
  const actorsTable = input.actors
    ? readFieldTable(input.actors, ACTOR_COLUMNS, REQUIRED_ACTOR_COLUMNS, false, log)
    : undefined;
  if (!relationsTable || (input.actors && !actorsTable)) return log.result(undefined);
  // Without an actors table the relations are the whole dataset: none means nothing to load.
  if (!actorsTable && relationsTable.table.records.length === 0) {
    log.error(
      { file: input.relations.name, path: '' },
      'no relations: the file names its columns but has no rows below them',
    );
    return log.result(undefined);
  }

  const drafts = readRelationRows(relationsTable.rows(log), relationsTable.table.delimiter, log);
  const actors = actorsTable ? readActorRows(actorsTable.rows(log), log) : inferActors(drafts, log);
  const { relations, kinds, kindOrigins } = resolveRelations(drafts, log);
  const { actorTypes, typeOrigins } = declareActorTypes(actors, log);

  const file = input.relations.name;
  const sources = citedSources(relations, file);
  const raw: Dataset = {
    title: titleOf(file),
    sources,
    actorTypes,
    relationKinds: kinds,
    actors: actors.map((a) => a.actor),
    relations,
    events: [],
  };
  const validation = validateDataset(raw, file);
  const problems = [...validation.errors, ...validation.warnings];
  // The origins are one function per row: made only when there is a problem to place.
  if (problems.length > 0)
    relocate(
      problems,
      {
        whole: { file, path: '' },
        actors: actors.map((a) => a.origin),
        relations: drafts.map(relationOrigin),
        relationKinds: kindOrigins,
        actorTypes: typeOrigins,
        sources: sources.map((s) => sourceOrigin(s.id, drafts)),
      },
      log,
    );
  return log.result(validation.dataset);
}

/** One actor per id the relations mention, labelled with its id, of type `other`. */
function inferActors(drafts: readonly RelationDraft[], log: ProblemLog): ActorDraft[] {
  const seen = new Map<string, ActorDraft>();
  const infer = (d: RelationDraft, end: 'source' | 'target') => {
    const id = d[end];
    if (id !== undefined && !seen.has(id))
      seen.set(id, {
        actor: { id, label: id, type: 'other' },
        origin: () => ({ ...d.row.at(end) }),
      });
  };
  for (const d of drafts) {
    infer(d, 'source');
    infer(d, 'target');
  }
  const inferred = [...seen.values()];
  if (inferred.length > 0)
    log.warn(
      inferred[0]!.origin(''),
      `no actors table: ${plural(inferred.length, 'actor')} inferred from the relations (${listSome(inferred.map((a) => a.actor.id))}), each labelled with its id and of type "other"`,
    );
  return inferred;
}

/** Actor types that are not built in become declared types labelled with their id. */
function declareActorTypes(actors: readonly ActorDraft[], log: ProblemLog) {
  const builtin = new Set(BUILTIN_ACTOR_TYPES.map((t) => t.id));
  const firstUse = new Map<string, Origin>();
  for (const a of actors)
    if (!builtin.has(a.actor.type) && !firstUse.has(a.actor.type))
      firstUse.set(a.actor.type, a.origin);
  const actorTypes: ActorType[] = [...firstUse.keys()].map((id) => ({ id, label: id }));
  const typeOrigins = [...firstUse.values()].map(
    (o): Origin =>
      () =>
        o('.type'),
  );
  if (actorTypes.length > 0)
    log.warn(
      typeOrigins[0]!(''),
      `${plural(actorTypes.length, 'actor type')} not built in, declared with the id as label: ${listSome(actorTypes.map((t) => t.id))}`,
    );
  return { actorTypes, typeOrigins };
}

/**
 * Resolves kinds (shared rules in `kinds.ts`) and builds the relations. A kind
 * the table gives no polarity for is read as `contact`; the original kind goes
 * into the note as `kind: …`. `directed` is kept only where it differs from
 * the kind's default.
 */
function resolveRelations(drafts: readonly RelationDraft[], log: ProblemLog) {
  const uses: KindUse[] = [];
  for (const d of drafts) if (d.kind !== undefined) uses.push(new KindUseOfRow(d, d.kind));
  const resolution = resolveKinds(uses, log);
  const fallback = KIND_FOR_POLARITY.neutral;

  const unresolvedRows = new Map<string, number[]>();
  const relations = drafts.map((d): Relation => {
    let kind = d.kind;
    let note = d.note;
    if (kind !== undefined && resolution.unresolved.has(kind)) {
      const rows = unresolvedRows.get(kind);
      if (rows) rows.push(d.row.record.row);
      else unresolvedRows.set(kind, [d.row.record.row]);
      note = [note, `kind: ${kind}`].filter((x) => x !== undefined).join('\n');
      kind = fallback;
    }
    const r = { id: d.id, source: d.source, target: d.target, kind } as Relation;
    if (
      kind !== undefined &&
      d.directed !== undefined &&
      d.directed !== resolution.directedOf(kind)
    )
      r.directed = d.directed;
    // Optional fields only when the row gives them (undefined ones would be written as keys).
    if (d.from !== undefined) r.from = d.from;
    if (d.until !== undefined) r.until = d.until;
    if (d.strength !== undefined) r.strength = d.strength;
    if (d.label !== undefined) r.label = d.label;
    if (d.basis !== undefined) r.basis = d.basis as Relation['basis'];
    if (d.dateBasis !== undefined) r.dateBasis = d.dateBasis as Relation['dateBasis'];
    if (d.reference !== undefined) r.reference = d.reference;
    r.evidence = d.evidence;
    if (note !== undefined) r.note = note;
    return r;
  });

  if (unresolvedRows.size > 0) {
    const described = [...unresolvedRows].map(
      ([k, rows]) => `"${k}" (rows ${listSome(rows.map(String), 3)})`,
    );
    const first = drafts.find((d) => d.kind !== undefined && unresolvedRows.has(d.kind))!;
    log.warn(
      first.row.at('kind'),
      `${plural(unresolvedRows.size, 'kind')} not built in and without a polarity in the table: ${listSome(described)}; read as "${fallback}" (neutral), the original kind kept in the note. Add a polarity column to declare them`,
    );
  }

  const kindOrigins = resolution.declared.map((k): Origin => {
    const d = drafts.find((x) => x.kind === k.id)!;
    return () => d.row.at('kind');
  });
  return { relations, kinds: resolution.declared, kindOrigins };
}

/**
 * A row's use of its kind. Its location is written only when a message needs it: a million
 * rows made a million locations that no message read.
 */
class KindUseOfRow implements KindUse {
  readonly polarity?: Polarity;
  readonly directed?: boolean;
  constructor(
    private readonly draft: RelationDraft,
    readonly kind: string,
  ) {
    this.polarity = draft.polarity;
    this.directed = draft.directed;
  }
  get at(): Location {
    return this.draft.row.at('kind');
  }
}

function sourceOrigin(id: string, drafts: readonly RelationDraft[]): Origin {
  for (const d of drafts) {
    const j = d.evidence.findIndex((e) => e.source === id);
    if (j >= 0) return (): Location => relationOrigin(d)(`.evidence[${j}].source`);
  }
  return () => ({ path: '' });
}
