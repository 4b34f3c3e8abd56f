/**
 * GEXF import (1.1draft, 1.2draft, 1.3; static and dynamic) into a validated
 * dataset. The rules are in docs/FORMATS.md ("GEXF import"); this file
 * strings the steps together: XML → GEXF structure → actors and relations →
 * validation, whose problems are moved back to the nodes and edges.
 */
import type { Dataset } from '../schema';
import { validateDataset } from '../validate';
import { actorsFromNodes } from './gexf-actors';
import { readGexf } from './gexf-read';
import { relationsFromEdges } from './gexf-relations';
import { citedSources } from './evidence';
import { fileStem, listSome, ProblemLog, relocate, type ImportResult } from './import-result';
import { codePointName, whyIllegal } from './text-rules';
import { parseXml, type IllegalReference } from './xml-read';

/** At most this many illegal character references are reported one by one. */
const MAX_REPORTED_REFERENCES = 20;

/**
 * Character references to characters XML does not allow were read as U+FFFD
 * (xml-read.ts says why they are replaced rather than refused); each is
 * reported with its element's line, then a count of the rest.
 */
function reportIllegalReferences(
  refs: readonly IllegalReference[],
  file: string,
  log: ProblemLog,
): void {
  for (const r of refs.slice(0, MAX_REPORTED_REFERENCES)) {
    const what =
      r.code > 0x10ffff
        ? 'past the end of Unicode'
        : `${codePointName(r.code)} (${whyIllegal(r.code)})`;
    log.warn(
      {
        file,
        path: r.field,
        ...(r.line !== undefined ? { line: r.line, column: r.column } : {}),
      },
      `the character reference ${r.reference} names ${what}, which XML 1.0 does not allow; read as U+FFFD`,
    );
  }
  if (refs.length > MAX_REPORTED_REFERENCES)
    log.warn(
      { file, path: '' },
      `${refs.length} character references name characters XML 1.0 does not allow; each was read as U+FFFD (the first ${MAX_REPORTED_REFERENCES} are listed above)`,
    );
}

/**
 * Imports a GEXF file. `fileName` names it in problems and gives the
 * title (GEXF has no title). Malformed XML is one error with its line and
 * column; features that cannot be represented are refused by name.
 */
export function importGexf(text: string, fileName: string): ImportResult {
  const log = new ProblemLog();
  const file = fileName;
  const xml = parseXml(text);
  if ('error' in xml) {
    const { line, column, message } = xml.error;
    log.error(
      {
        file,
        path: '',
        ...(line !== undefined ? { line } : {}),
        ...(column !== undefined ? { column } : {}),
      },
      message,
    );
    return log.result(undefined);
  }
  reportIllegalReferences(xml.illegalReferences, file, log);
  if (xml.unknownEntities.length > 0)
    log.warn(
      { file, path: '' },
      `entities that XML does not predefine are kept as text: ${listSome(xml.unknownEntities)}`,
    );
  const graph = readGexf(xml.root, file, log);
  if (!graph) return log.result(undefined);

  const actors = actorsFromNodes(graph, log);
  const nodeIds = new Set(actors.actors.map((a) => a.id));
  const relations = relationsFromEdges(graph, nodeIds, log);

  const raw: Dataset = {
    title: fileStem(file).trim() || 'Imported GEXF',
    sources: citedSources(relations.relations, file),
    actorTypes: actors.actorTypes,
    relationKinds: relations.relationKinds,
    actors: actors.actors,
    relations: relations.relations,
    events: [],
  };
  if (graph.description !== undefined) raw.description = graph.description;
  if (graph.timeKind === 'numeric') raw.timeKind = 'numeric';
  const period = graph.period;
  if (period && (period.from === undefined) !== (period.until === undefined))
    log.warn(
      graph.periodAt,
      'has a start or an end but not both; a period needs both, so it is left out',
    );
  else if (period?.from !== undefined && period.until !== undefined)
    raw.period = { from: period.from, until: period.until };

  const validation = validateDataset(raw, file);
  relocate(
    [...validation.errors, ...validation.warnings],
    {
      whole: { file, path: '' },
      actors: actors.origins,
      relations: relations.origins,
      actorTypes: actors.typeOrigins,
      relationKinds: relations.kindOrigins,
    },
    log,
  );
  return log.result(validation.dataset);
}
