/**
 * Rows of the CSV tables read into actor and relation drafts: typed cells
 * (dates, numbers, flags, polarity) are checked here, each problem at its
 * cell; cross-references are left to `validateDataset`.
 */
import { dateProblem } from '../dates';
import { validDay } from '../knownDays';
import type { Actor, Evidence, Polarity } from '../schema';
import { parseBoolean, type ActorField, type RelationField } from './csv-columns';
import type { Delimiter } from './csv';
import type { Row } from './csv-table';
import { collectEvidence, type EvidenceDraft } from './evidence';
import type { Location, Origin, ProblemLog } from './import-result';
import { parsePolarity, POLARITY_HELP } from './kinds';
import { splitPipeList } from './pipe-list';

/** A relation as read from one row, before its kind is resolved. */
export interface RelationDraft {
  id: string;
  source?: string;
  target?: string;
  kind?: string;
  polarity?: Polarity;
  directed?: boolean;
  from?: string;
  until?: string;
  strength?: number;
  label?: string;
  /** As written: validation reports a value that is not a basis, at its cell. */
  basis?: string;
  dateBasis?: string;
  reference?: string;
  evidence: Evidence[];
  note?: string;
  row: Row<RelationField>;
  /** The row's evidence groups as read, and the group of each item of `evidence`. */
  evidenceDrafts: readonly EvidenceDraft[];
  evidenceGroups: readonly number[];
}

export interface ActorDraft {
  actor: Actor;
  origin: Origin;
}

function date<F extends string>(row: Row<F>, field: F, log: ProblemLog): string | undefined {
  const v = row.word(field);
  // A table repeats few date texts: each is read once (`validDay`), not once per row.
  if (v === undefined || validDay(v) !== undefined) return v;
  log.error(row.at(field), `${JSON.stringify(v)} ${dateProblem(v)}`, v);
  return undefined;
}

/** Maps a validation path's rest (`.until`, `.evidence[1].source`) to a cell. */
function originOf<F extends string>(
  row: Row<F>,
  fields: readonly F[],
  evidenceGroups: readonly number[] = [],
  evidenceAt?: (group: number, field: 'quote' | 'source' | 'note') => Location,
): Origin {
  return (rest) => {
    const ev = /^\.evidence\[(\d+)\](?:\.(quote|source|note))?/.exec(rest);
    if (ev && evidenceAt) {
      const group = evidenceGroups[Number(ev[1])];
      if (group !== undefined) return evidenceAt(group, (ev[2] ?? 'quote') as 'quote');
    }
    const field = /^\.(\w+)/.exec(rest)?.[1] as F | undefined;
    if (field !== undefined && fields.includes(field)) return row.at(field);
    return row.whole();
  };
}

const ACTOR_FIELDS: readonly ActorField[] = [
  'id',
  'label',
  'type',
  'aliases',
  'parent',
  'from',
  'until',
  'description',
  'note',
];

/** Actors from the actors table; a row without an id is an error and is skipped. */
export function readActorRows(rows: readonly Row<ActorField>[], log: ProblemLog): ActorDraft[] {
  const out: ActorDraft[] = [];
  for (const row of rows) {
    const id = row.word('id');
    if (id === undefined) {
      log.error(row.at('id'), 'an actor needs an id');
      continue;
    }
    const aliases = splitPipeList(row.text('aliases') ?? '')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    const actor: Actor = {
      id,
      label: row.text('label') ?? id,
      type: row.word('type') ?? 'other',
    };
    const optional: Partial<Actor> = {
      aliases: aliases.length > 0 ? aliases : undefined,
      description: row.text('description'),
      parent: row.word('parent'),
      from: date(row, 'from', log),
      until: date(row, 'until', log),
      note: row.text('note'),
    };
    for (const [k, v] of Object.entries(optional))
      if (v !== undefined) Object.assign(actor, { [k]: v });
    out.push({ actor, origin: originOf(row, ACTOR_FIELDS) });
  }
  return out;
}

const RELATION_FIELDS: readonly RelationField[] = [
  'id',
  'source',
  'target',
  'kind',
  'polarity',
  'directed',
  'from',
  'until',
  'strength',
  'label',
  'basis',
  'dateBasis',
  'reference',
  'note',
];

/**
 * Relations from the relations table. A row without an id gets `r<row>`.
 * With a semicolon delimiter, `strength` may use a decimal comma.
 */
export function readRelationRows(
  rows: readonly Row<RelationField>[],
  delimiter: Delimiter,
  log: ProblemLog,
): RelationDraft[] {
  return rows.map((row) => {
    const polarityText = row.word('polarity');
    const polarity = polarityText === undefined ? undefined : parsePolarity(polarityText);
    if (polarityText !== undefined && polarity === undefined)
      log.error(
        row.at('polarity'),
        `${JSON.stringify(polarityText)}: ${POLARITY_HELP}`,
        polarityText,
      );

    const directedText = row.word('directed');
    const directed = directedText === undefined ? undefined : parseBoolean(directedText);
    if (directedText !== undefined && directed === undefined)
      log.error(
        row.at('directed'),
        `${JSON.stringify(directedText)}: expected true or false`,
        directedText,
      );

    let strength: number | undefined;
    const strengthText = row.word('strength');
    if (strengthText !== undefined) {
      const n = Number(delimiter === ';' ? strengthText.replace(',', '.') : strengthText);
      if (Number.isFinite(n)) strength = n;
      else
        log.error(
          row.at('strength'),
          `${JSON.stringify(strengthText)} is not a number`,
          strengthText,
        );
    }

    const drafts = row.evidence();
    const { evidence, groups } = collectEvidence(drafts, log);
    return {
      id: row.word('id') ?? `r${row.record.row}`,
      source: row.word('source'),
      target: row.word('target'),
      kind: row.word('kind'),
      polarity,
      directed,
      from: date(row, 'from', log),
      until: date(row, 'until', log),
      strength,
      label: row.text('label'),
      basis: row.word('basis'),
      dateBasis: row.word('dateBasis'),
      reference: row.text('reference'),
      evidence,
      note: row.text('note'),
      row,
      evidenceDrafts: drafts,
      evidenceGroups: groups,
    };
  });
}

/**
 * Where a relation's problems are in the table. Made when a problem is to be placed, not for
 * every row: most rows have none.
 */
export function relationOrigin(draft: RelationDraft): Origin {
  return originOf(draft.row, RELATION_FIELDS, draft.evidenceGroups, (group, field) =>
    draft.evidenceDrafts.find((d) => d.group === group)!.at(field),
  );
}
