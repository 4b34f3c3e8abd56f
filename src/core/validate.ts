/**
 * Validation of a dataset: the zod schema for shape and dates, then the
 * cross-checks zod cannot express (unique ids, references that resolve,
 * intervals the right way round). Every problem is reported, not just the
 * first, each with its path, value and a message a dataset author can act on.
 */
import { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import { jsonErrorOffset } from './jsonErrorOffset';
import { MAX_JSON_DEPTH, scanJson, type JsonFinding } from './jsonScan';
import { validDay } from './knownDays';
import {
  formatPath,
  lineColumn,
  lineColumns,
  problemValue,
  showValue,
  sourceText,
  type Problem,
} from './problems';
import { storySchema, type Dataset } from './schema';
import { parseDataset } from './schemaFastPath';
import {
  describeStoryProblem,
  quoteFinder,
  stepPeriodProblem,
  storyProblems,
  type StoryContext,
} from './story';
import { BUILTIN_ACTOR_TYPES, BUILTIN_RELATION_KINDS } from './vocabulary';

export interface ValidationResult {
  /** The dataset, present only when there are no errors. */
  dataset?: Dataset;
  errors: Problem[];
  warnings: Problem[];
}

/** Parses JSON text and validates it. `file` names the input in messages. */
export function parseDatasetJson(text: string, file?: string): ValidationResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    return {
      errors: [{ severity: 'error', file, path: '', message: 'the file is empty' }],
      warnings: [],
    };
  }
  // Before JSON.parse: what it would accept but nothing after it can hold.
  const scan = scanJson(body);
  if (scan.tooDeep) return { errors: [tooDeepProblem(body, scan.tooDeep, file)], warnings: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { errors: [jsonSyntaxProblem(body, file)], warnings: [] };
  }
  if (scan.hugeNumbers.length > 0) {
    const at = lineColumns(
      body,
      scan.hugeNumbers.map((n) => n.offset),
    );
    return {
      errors: scan.hugeNumbers.map((n, k) => hugeNumberProblem(n, at[k]!, file)),
      warnings: [],
    };
  }
  return validateDataset(raw, file);
}

function tooDeepProblem(text: string, at: JsonFinding, file?: string): Problem {
  return {
    severity: 'error',
    file,
    ...lineColumn(text, at.offset),
    path: at.path,
    message: `this ${text[at.offset] === '[' ? 'list' : 'object'} is nested ${MAX_JSON_DEPTH + 1} levels deep; the limit is ${MAX_JSON_DEPTH} (a dataset needs 5)`,
  };
}

/** JSON.parse reads `1e400` as Infinity; the message shows the number as the file writes it. */
function hugeNumberProblem(
  number: JsonFinding & { text: string },
  at: { line: number; column: number },
  file?: string,
): Problem {
  return {
    severity: 'error',
    file,
    ...at,
    path: number.path,
    value: sourceText(number.text),
    message: 'must be a finite number, within ±1.8e308',
  };
}

/** Engines word JSON.parse errors differently; we locate the problem ourselves and say it plainly. */
function jsonSyntaxProblem(text: string, file?: string): Problem {
  const at = jsonErrorOffset(text);
  const what =
    at >= text.length
      ? 'the text ends before the JSON is complete'
      : `unexpected ${JSON.stringify(text[at])}`;
  return {
    severity: 'error',
    file,
    ...lineColumn(text, at),
    path: '',
    message: `malformed JSON: ${what}`,
  };
}

/** Validates parsed JSON against the schema and the cross-checks. */
export function validateDataset(raw: unknown, file?: string): ValidationResult {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const error = (path: string, message: string, value?: unknown) =>
    errors.push({
      severity: 'error',
      file,
      path,
      message,
      ...(value !== undefined ? { value: problemValue(value) } : {}),
    });
  const warn = (path: string, message: string, value?: unknown) =>
    warnings.push({
      severity: 'warning',
      file,
      path,
      message,
      ...(value !== undefined ? { value: problemValue(value) } : {}),
    });

  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    error('', `the top level must be an object with "title" and "actors", not ${describe(raw)}`);
    return { errors, warnings };
  }

  const parsed = parseDataset(raw);
  if (!parsed.success) {
    for (const issue of parsed.issues) errors.push(...issueProblems(issue, file));
  }
  crossCheck(raw as Record<string, unknown>, error, warn);

  if (errors.length > 0 || !parsed.success) return { errors, warnings };
  return { dataset: parsed.data, errors, warnings };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** The problems of one zod issue, worded for a dataset author. */
export function issueProblems(issue: $ZodIssue, file?: string): Problem[] {
  const path = formatPath(issue.path);
  const base = { severity: 'error' as const, file };
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        ...base,
        path: formatPath([...issue.path, key]),
        message: `unknown field ${showValue(key)}`,
      }));
    case 'invalid_type':
      if (issue.input === undefined) return [{ ...base, path, message: 'is required but missing' }];
      return [
        {
          ...base,
          path,
          value: problemValue(issue.input),
          message:
            issue.expected === 'number' && typeof issue.input === 'number'
              ? 'must be a finite number' // Infinity or NaN, from code rather than JSON
              : `must be ${article(issue.expected)}, not ${describe(issue.input)}`,
        },
      ];
    case 'invalid_value':
      return [
        {
          ...base,
          path,
          value: problemValue(issue.input),
          message: `must be one of ${issue.values.map((v) => showValue(v)).join(', ')}`,
        },
      ];
    default:
      return [{ ...base, path, value: problemValue(issue.input), message: issue.message }];
  }
}

function article(expected: string): string {
  const names: Record<string, string> = {
    object: 'an object',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
  };
  return names[expected] ?? expected;
}

/** Reports a problem at a path, with the offending value when there is one. */
export type Report = (path: string, message: string, value?: unknown) => void;
type Rec = Record<string, unknown>;

/** Objects of a list in the raw input, with their index; other entries are zod's to report. */
function records(raw: Rec, key: string): [Rec, number][] {
  const list = raw[key];
  if (!Array.isArray(list)) return [];
  const out: [Rec, number][] = [];
  list.forEach((item, i) => {
    if (typeof item === 'object' && item !== null && !Array.isArray(item))
      out.push([item as Rec, i]);
  });
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Ids of a list (its objects, from `records`); reports duplicates. Each id maps to its first
 * position, which the lookups ignore: the map itself is the set (copying 100k keys into a Set
 * cost as much as collecting them).
 */
function idSet(list: readonly [Rec, number][], key: string, error: Report): Map<string, number> {
  const seen = new Map<string, number>();
  for (const [item, i] of list) {
    const id = str(item.id);
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first !== undefined)
      error(
        `${key}[${i}].id`,
        `duplicate id ${showValue(id)} (first used by ${key}[${first}])`,
        id,
      );
    else seen.set(id, i);
  }
  return seen;
}

/**
 * What the cross-checks of one item need to know of the rest of the dataset: the ids each
 * reference may name, the actors' lifetimes (for the warnings) and their parents (for cycles).
 * Import builds it from the whole file; the editor (`edit/check.ts`) from the dataset an item
 * is going into, with that item in place.
 */
export interface CrossContext {
  sources: IdLookup;
  types: IdLookup;
  kinds: IdLookup;
  actors: IdLookup;
  lifetimes: { get(actorId: string): Lifetime | undefined };
  parentOf: (actorId: string) => string | undefined;
}

/** A set of ids, as the cross-checks use it. */
export interface IdLookup {
  has(id: string): boolean;
}

/** `path.field`, or `field` alone for paths relative to an item. */
const at = (path: string, field: string) => (path === '' ? field : `${path}.${field}`);

function crossCheck(raw: Rec, error: Report, warn: Report): void {
  // Each list's objects are collected once: every check below walks them.
  const [actorList, relationList, eventList] = [
    records(raw, 'actors'),
    records(raw, 'relations'),
    records(raw, 'events'),
  ];
  const sources = idSet(records(raw, 'sources'), 'sources', error);
  const types = new Set([
    ...BUILTIN_ACTOR_TYPES.map((t) => t.id),
    ...idSet(records(raw, 'actorTypes'), 'actorTypes', error).keys(),
  ]);
  const kinds = new Set([
    ...BUILTIN_RELATION_KINDS.map((k) => k.id),
    ...idSet(records(raw, 'relationKinds'), 'relationKinds', error).keys(),
  ]);
  const actors = idSet(actorList, 'actors', error);
  const relations = idSet(relationList, 'relations', error);
  const events = idSet(eventList, 'events', error);
  const actorRecords = actorList.map(([a]) => a);
  const parents = actorParents(actorRecords);
  const context: CrossContext = {
    sources,
    types,
    kinds,
    actors,
    lifetimes: actorLifetimes(actorRecords),
    parentOf: (id) => parents.get(id),
  };

  if (typeof raw.period === 'object' && raw.period !== null)
    checkInterval('period', raw.period as Rec, error);
  for (const [a, i] of actorList) checkActor(a, `actors[${i}]`, context, error);
  for (const [a, i] of actorList) checkParentCycle(a, `actors[${i}]`, context, error);
  for (const [r, i] of relationList) checkRelation(r, `relations[${i}]`, context, error, warn);
  for (const [e, i] of eventList) checkEvent(e, `events[${i}]`, context, error, warn);

  const known = { actors, relations, events, types, kinds, sources };
  checkStories(raw, known, [relationList, eventList], error, warn);
}

/** Each actor's parent, when it names one other than itself (that is an error of its own). */
export function actorParents(actors: readonly Rec[]): Map<string, string> {
  const parents = new Map<string, string>();
  for (const a of actors) {
    const id = str(a.id);
    const parent = str(a.parent);
    if (id !== undefined && parent !== undefined && parent !== id) parents.set(id, parent);
  }
  return parents;
}

/** The lifetime of each actor that has one (a `from` or an `until`). */
export function actorLifetimes(actors: readonly Rec[]): Map<string, Lifetime> {
  const lifetimes = new Map<string, Lifetime>();
  for (const a of actors) {
    const id = str(a.id);
    if (id !== undefined && (a.from !== undefined || a.until !== undefined))
      lifetimes.set(id, lifetimeOf(a));
  }
  return lifetimes;
}

/** An actor's lifetime as days (open ends infinite) and as the dataset writes it. */
export function lifetimeOf(actor: Rec): Lifetime {
  return {
    from: validDay(actor.from) ?? -Infinity,
    until: validDay(actor.until) ?? Infinity,
    text: lifetimeText(str(actor.from), str(actor.until)),
  };
}

/**
 * A reference to an id that must exist. `field` is relative to `path`; the two are joined only
 * when there is a problem (a million relations make several million references).
 */
function checkReference(
  path: string,
  field: string,
  value: unknown,
  known: IdLookup,
  what: string,
  error: Report,
  hint = '',
): void {
  const v = str(value);
  // An empty id is the schema's error ("must not be empty"); naming it twice adds nothing.
  if (v !== undefined && v !== '' && !known.has(v))
    error(at(path, field), `refers to ${what} ${showValue(v)}, which does not exist${hint}`, v);
}

/** `from` and `until` the right way round (an empty interval, from == until, is allowed). */
export function checkInterval(path: string, item: Rec, error: Report): void {
  const a = validDay(item.from);
  const b = validDay(item.until);
  if (a !== undefined && b !== undefined && a > b)
    error(
      at(path, 'until'),
      `ends (${String(item.until)}) before it starts (${String(item.from)})`,
      item.until,
    );
}

function checkEvidenceSources(path: string, item: Rec, context: CrossContext, error: Report) {
  if (!Array.isArray(item.evidence)) return;
  const evidence: unknown[] = item.evidence;
  for (let j = 0; j < evidence.length; j++) {
    const ev = evidence[j];
    if (typeof ev !== 'object' || ev === null) continue;
    const source = (ev as Rec).source;
    // Most evidence cites a known source: the item's path is written only for one that is not.
    if (!context.sources.has(str(source) ?? ''))
      checkReference(
        path,
        `evidence[${j}].source`,
        source,
        context.sources,
        'source',
        error,
        '; add it to "sources"',
      );
  }
}

/** A relation's or an event's basis: "quote" needs a quote, "history" needs a reference. */
function checkBasis(path: string, item: Rec, what: string, error: Report): void {
  const quotesNothing =
    item.evidence === undefined || (Array.isArray(item.evidence) && item.evidence.length === 0);
  if (item.basis === 'quote' && quotesNothing)
    error(
      at(path, 'basis'),
      `is "quote" but the ${what} quotes nothing: add evidence, or make it "history" with a reference`,
      item.basis,
    );
  if (item.reference !== undefined || (item.basis !== 'history' && item.dateBasis !== 'history'))
    return;
  const onHistory = (['basis', 'dateBasis'] as const).filter((k) => item[k] === 'history');
  error(
    at(path, 'reference'),
    `is required when ${onHistory.join(' and ')} ${onHistory.length > 1 ? 'are' : 'is'} "history": say what and where a reader can check it`,
  );
}

/** An actor's type and parent resolve, it is not its own parent, its lifetime is the right way round. */
export function checkActor(a: Rec, path: string, context: CrossContext, error: Report): void {
  checkReference(
    path,
    'type',
    a.type,
    context.types,
    'actor type',
    error,
    '; use a built-in type or declare it in "actorTypes"',
  );
  checkReference(path, 'parent', a.parent, context.actors, 'parent actor', error);
  if (str(a.parent) !== undefined && a.parent === a.id)
    error(at(path, 'parent'), 'an actor cannot be its own parent', a.parent);
  checkInterval(path, a, error);
}

/** An actor's chain of parents does not loop back to it. */
export function checkParentCycle(a: Rec, path: string, context: CrossContext, error: Report): void {
  const id = str(a.id);
  if (id !== undefined && inCycle(id, context.parentOf))
    error(at(path, 'parent'), `parent chain loops back to ${showValue(id)}`, a.parent);
}

/**
 * A relation's ends, kind and evidence sources resolve, its ends differ, its interval and
 * basis are sound; a warning for each end whose lifetime the relation outlasts.
 */
export function checkRelation(
  r: Rec,
  path: string,
  context: CrossContext,
  error: Report,
  warn: Report,
): void {
  checkReference(path, 'source', r.source, context.actors, 'actor', error);
  checkReference(path, 'target', r.target, context.actors, 'actor', error);
  if (str(r.source) !== undefined && r.source === r.target)
    error(at(path, 'target'), 'a relation needs two different actors', r.target);
  checkReference(
    path,
    'kind',
    r.kind,
    context.kinds,
    'relation kind',
    error,
    '; use a built-in kind or declare it in "relationKinds"',
  );
  checkInterval(path, r, error);
  checkEvidenceSources(path, r, context, error);
  checkBasis(path, r, 'relation', error);
  warnOutsideLifetime(r, 'source', path, context, warn);
  warnOutsideLifetime(r, 'target', path, context, warn);
}

/** A warning when a relation is active outside the lifetime of one of its ends. */
function warnOutsideLifetime(
  r: Rec,
  end: 'source' | 'target',
  path: string,
  context: CrossContext,
  warn: Report,
): void {
  const life = context.lifetimes.get(str(r[end]) ?? '');
  if (!life) return;
  const from = validDay(r.from) ?? -Infinity;
  const until = validDay(r.until) ?? Infinity;
  if (from < life.from || until > life.until)
    warn(
      path,
      `relation ${showValue(r.id)} (${intervalText(str(r.from), str(r.until))}) is active outside the lifetime of its ${end} ${showValue(r[end])} (${life.text})`,
    );
}

/** An event's actors and evidence sources resolve, its basis is sound; a warning for each actor not alive on its date. */
export function checkEvent(
  e: Rec,
  path: string,
  context: CrossContext,
  error: Report,
  warn: Report,
): void {
  const actors: unknown[] = Array.isArray(e.actors) ? e.actors : [];
  for (let j = 0; j < actors.length; j++) {
    const a = actors[j];
    // The actor's path is written only for a problem (most events name known actors).
    if (!context.actors.has(str(a) ?? ''))
      checkReference(path, `actors[${j}]`, a, context.actors, 'actor', error);
    const life = context.lifetimes.get(str(a) ?? '');
    const day = life && validDay(e.date);
    if (life && day !== undefined && (day < life.from || day >= life.until))
      warn(
        at(path, `actors[${j}]`),
        `event ${showValue(e.id)} (${String(e.date)}) names actor ${showValue(a)}, which exists only ${life.text}`,
        a,
      );
  }
  checkEvidenceSources(path, e, context, error);
  checkBasis(path, e, 'event', error);
}

/**
 * Stories: duplicate ids and periods that end before they start are errors; references the
 * dataset does not resolve (a deleted relation, a quote not in the evidence) are warnings, so
 * the dataset still loads and the story plays without them (core/story.ts).
 */
function checkStories(
  raw: Rec,
  known: Record<'actors' | 'relations' | 'events' | 'types' | 'kinds' | 'sources', IdLookup>,
  quoteHolders: readonly (readonly [Rec, number][])[],
  error: Report,
  warn: Report,
): void {
  idSet(records(raw, 'stories'), 'stories', error);
  const parsed = z.array(storySchema).safeParse(raw.stories);
  if (!parsed.success) return; // absent, or malformed: the schema reports what is wrong
  const context: StoryContext = {
    ...known,
    actorTypes: known.types,
    relationKinds: known.kinds,
    hasQuote: quoteFinder(function* () {
      for (const list of quoteHolders) for (const [item] of list) yield item;
    }),
  };
  parsed.data.forEach((story, i) => {
    story.steps.forEach((step, j) => {
      const problem = stepPeriodProblem(step);
      if (problem) error(`stories[${i}].steps[${j}].period.until`, problem);
    });
    for (const p of storyProblems(story, context))
      warn(`stories[${i}].${p.path}`, describeStoryProblem(p));
  });
}

/** An actor's lifetime as days (open ends infinite) and as the dataset writes it. */
export interface Lifetime {
  from: number;
  until: number;
  text: string;
}

/** "from 1922-12-30 until 1991-12-26", "from 1994", "until 1996-09" (until is exclusive). */
function lifetimeText(from: string | undefined, until: string | undefined): string {
  return [from && `from ${from}`, until && `until ${until}`].filter(Boolean).join(' ');
}

/** A relation's interval as written: "1994 to 2022", "from 2007-12", "always". */
function intervalText(from: string | undefined, until: string | undefined): string {
  if (from && until) return `${from} to ${until}`;
  return lifetimeText(from, until) || 'always';
}

function inCycle(start: string, parentOf: (id: string) => string | undefined): boolean {
  const seen = new Set<string>([start]);
  for (let cur = parentOf(start); cur !== undefined; cur = parentOf(cur)) {
    if (cur === start) return true;
    if (seen.has(cur)) return false; // a loop further up; reported for its own members
    seen.add(cur);
  }
  return false;
}
