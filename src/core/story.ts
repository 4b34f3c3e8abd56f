/**
 * Stories: the pure logic behind authoring and presenting them. A step of a
 * story (schema.ts) becomes a view of the graph here (`stepView`), with any
 * reference the dataset cannot resolve dropped and reported precisely, so a
 * story that names a deleted relation still plays the rest. The time between
 * two steps is played at a speed chosen here (`transitionBetween`); the
 * store runs it on the playback clock.
 */
import { dateProblem, formatDay, toDay, type DayNumber } from './dates';
import type { ExplorerModel } from './explorer-model';
import type { LayoutName } from './layouts';
import { showValue } from './problems';
import type { Story, StoryCamera, StoryStep } from './schema';
import { slugOf } from './slug';

export type { Story, StoryCamera, StoryStep };

/** A year a second: the time bar's default speed, for a period that names none. */
export const DEFAULT_PERIOD_SPEED = 365.25;

export type StorySelectionKind = 'actor' | 'relation' | 'event';

/** What a story's references are checked against: the ids a dataset knows. */
export interface StoryContext {
  actors: { has(id: string): boolean };
  relations: { has(id: string): boolean };
  events: { has(id: string): boolean };
  /** Actor types and relation kinds, built-in ones included. */
  actorTypes: { has(id: string): boolean };
  relationKinds: { has(id: string): boolean };
  sources: { has(id: string): boolean };
  /** Whether `text` appears in (or is) an evidence quote citing `source`. */
  hasQuote(source: string, text: string): boolean;
}

/** A reference in a story that the dataset does not resolve. */
export interface StoryProblem {
  storyId: string;
  /** Index of the step (0-based), as stored. */
  step: number;
  /** Path inside the story, e.g. `steps[2].selection.id`. */
  path: string;
  /** What is wrong, without the story and step (see `describeStoryProblem`). */
  message: string;
}

/** `story "x", step 3: selects relation "r9", which does not exist`. */
export function describeStoryProblem(p: StoryProblem): string {
  return `story ${showValue(p.storyId)}, step ${p.step + 1}: ${p.message}`;
}

const SELECTION_WORD: Record<StorySelectionKind, string> = {
  actor: 'actor',
  relation: 'relation',
  event: 'event',
};

/** Every reference in a story's steps that the context does not resolve, in step order. */
export function storyProblems(story: Story, context: StoryContext): StoryProblem[] {
  return story.steps.flatMap((step, i) => stepProblems(story.id, step, i, context));
}

function stepProblems(
  storyId: string,
  step: StoryStep,
  index: number,
  context: StoryContext,
): StoryProblem[] {
  const out: StoryProblem[] = [];
  const report = (path: string, message: string) =>
    out.push({ storyId, step: index, path: `steps[${index}].${path}`, message });

  const selection = step.selection;
  if (selection && !knownSelection(selection.kind, selection.id, context))
    report(
      'selection.id',
      `selects ${SELECTION_WORD[selection.kind]} ${showValue(selection.id)}, which does not exist`,
    );
  step.filters?.hiddenTypes?.forEach((type, j) => {
    if (!context.actorTypes.has(type))
      report(
        `filters.hiddenTypes[${j}]`,
        `hides actor type ${showValue(type)}, which does not exist`,
      );
  });
  step.filters?.hiddenKinds?.forEach((kind, j) => {
    if (!context.relationKinds.has(kind))
      report(
        `filters.hiddenKinds[${j}]`,
        `hides relation kind ${showValue(kind)}, which does not exist`,
      );
  });
  const quote = step.quote;
  if (quote && !context.sources.has(quote.source))
    report('quote.source', `cites source ${showValue(quote.source)}, which does not exist`);
  else if (quote && !context.hasQuote(quote.source, quote.text))
    report(
      'quote.text',
      `quotes ${showValue(quote.text)}, which is not in the evidence citing source ${showValue(quote.source)}`,
    );
  return out;
}

function knownSelection(kind: StorySelectionKind, id: string, context: StoryContext): boolean {
  if (kind === 'actor') return context.actors.has(id);
  if (kind === 'relation') return context.relations.has(id);
  return context.events.has(id);
}

/**
 * Problems of a step's dates that zod cannot see: a period that ends before it starts.
 * Dates that are not dates at all are the schema's to report.
 */
export function stepPeriodProblem(step: StoryStep): string | null {
  const period = step.period;
  if (!period || dateProblem(period.from) || dateProblem(period.until)) return null;
  return toDay(period.until) <= toDay(period.from)
    ? `ends (${period.until}) before or when it starts (${period.from})`
    : null;
}

/** A step made into a view of the graph: what the store applies. */
export interface StepView {
  /** The day the step opens on: its date, or the start of its period. */
  day: DayNumber;
  /** The period the step plays through, at `daysPerSecond`; null for a date. */
  playThrough: { from: DayNumber; to: DayNumber; daysPerSecond: number } | null;
  selection: { kind: StorySelectionKind; id: string } | null;
  hiddenTypes: string[];
  hiddenKinds: string[];
  neighbourhoodOnly: boolean;
  timeWindow: number;
  layout: LayoutName;
  camera: StoryCamera;
  caption: string;
  /** The quote, only when it is found in the dataset's evidence. */
  quote: { source: string; text: string } | null;
  /** What the view left out because the dataset does not have it. */
  problems: StoryProblem[];
}

/**
 * The view a step shows. References the dataset does not resolve are left out of the view
 * (a missing selection: nothing selected; an unknown quote: no quote shown, since it cannot be
 * vouched for) and listed in `problems`, so the story goes on without them.
 */
export function stepView(story: Story, index: number, context: StoryContext): StepView {
  const step = story.steps[index];
  if (!step) throw new RangeError(`story ${showValue(story.id)} has no step ${index + 1}`);
  const { selection, quote } = step;
  const filters = step.filters ?? {};
  const period = step.period && !stepPeriodProblem(step) ? step.period : undefined;
  const day = toDay(period?.from ?? step.date ?? step.period!.from);
  return {
    day,
    playThrough: period
      ? {
          from: day,
          to: toDay(period.until),
          daysPerSecond: period.speed ?? DEFAULT_PERIOD_SPEED,
        }
      : null,
    selection:
      selection && knownSelection(selection.kind, selection.id, context) ? { ...selection } : null,
    hiddenTypes: [...new Set(filters.hiddenTypes?.filter((t) => context.actorTypes.has(t)))].sort(),
    hiddenKinds: [
      ...new Set(filters.hiddenKinds?.filter((k) => context.relationKinds.has(k))),
    ].sort(),
    neighbourhoodOnly: filters.neighbourhoodOnly ?? false,
    timeWindow: filters.timeWindow ?? 0,
    layout: step.layout ?? 'force',
    camera: step.camera ?? 'fit',
    caption: step.caption,
    quote:
      quote && context.sources.has(quote.source) && context.hasQuote(quote.source, quote.text)
        ? { ...quote }
        : null,
    problems: stepProblems(story.id, step, index, context),
  };
}

/** The day a step rests on once shown: the end of its period, or its date. */
export const restingDay = (view: StepView): DayNumber => view.playThrough?.to ?? view.day;

/** How long the time between two steps plays, in seconds of wall time, by the years it spans. */
export const TRANSITION_SECONDS = { perYear: 0.5, min: 1.5, max: 5 } as const;

/**
 * The playback between two steps: from where the first rests to the day the second opens
 * on, at a speed that plays it in 1.5 to 5 seconds (half a second a year), so a month passes
 * visibly and forty years do not drag. Null when the next step is not later: it is shown at
 * once (playing backwards would read as a rewind, not as history).
 */
export function transitionBetween(
  from: StepView,
  to: StepView,
): { from: DayNumber; to: DayNumber; daysPerSecond: number; seconds: number } | null {
  const start = restingDay(from);
  const end = to.day;
  if (end <= start) return null;
  const years = (end - start) / 365.25;
  const { perYear, min, max } = TRANSITION_SECONDS;
  const seconds = Math.min(max, Math.max(min, years * perYear));
  return { from: start, to: end, daysPerSecond: (end - start) / seconds, seconds };
}

/** Reading pace for auto-advance: words a second, and the bounds of a step's hold. */
export const READING = { wordsPerSecond: 3, minSeconds: 4, maxSeconds: 20 } as const;

/** How long auto-advance holds a shown step before moving on: long enough to read its caption and quote. */
export function readingSeconds(step: Pick<StepView, 'caption' | 'quote'>): number {
  const words = `${step.caption} ${step.quote?.text ?? ''}`.split(/\s+/).filter(Boolean).length;
  const { wordsPerSecond, minSeconds, maxSeconds } = READING;
  return Math.min(maxSeconds, Math.max(minSeconds, 1.5 + words / wordsPerSecond));
}

/** A box in graph coordinates: the part of the graph a step's camera shows. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The current view, as the store holds it, that "Add step" records. */
export interface ViewToRecord {
  day: number;
  /** Play range of the time bar: recorded as the step's period, at `speed`. */
  playRange: { from: number; to: number } | null;
  speed: number;
  selection: { kind: StorySelectionKind; id: string } | null;
  hiddenTypes: readonly string[];
  hiddenKinds: readonly string[];
  neighbourhoodOnly: boolean;
  timeWindow: number;
  layout: LayoutName;
  camera: StoryCamera;
}

/** A step that shows the current view, with an empty caption; defaults are left out. */
export function stepFromView(view: ViewToRecord): StoryStep {
  const step: StoryStep = view.playRange
    ? {
        period: {
          from: formatDay(view.playRange.from),
          until: formatDay(view.playRange.to),
          speed: view.speed,
        },
        caption: '',
      }
    : { date: formatDay(view.day), caption: '' };
  if (view.selection) step.selection = { ...view.selection };
  const filters: NonNullable<StoryStep['filters']> = {};
  if (view.hiddenTypes.length) filters.hiddenTypes = [...view.hiddenTypes];
  if (view.hiddenKinds.length) filters.hiddenKinds = [...view.hiddenKinds];
  if (view.neighbourhoodOnly) filters.neighbourhoodOnly = true;
  if (view.timeWindow > 0) filters.timeWindow = view.timeWindow;
  if (Object.keys(filters).length) step.filters = filters;
  if (view.layout !== 'force') step.layout = view.layout;
  step.camera = view.camera === 'fit' ? 'fit' : roundBox(view.camera);
  return step;
}

/** Graph coordinates to a tenth: enough for a camera, and short in a file. */
const roundBox = (b: Box): Box => ({
  x1: Math.round(b.x1 * 10) / 10,
  y1: Math.round(b.y1 * 10) / 10,
  x2: Math.round(b.x2 * 10) / 10,
  y2: Math.round(b.y2 * 10) / 10,
});

/** The list with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(out.length, to)), 0, item!);
  return out;
}

/**
 * An id for a new story, from its title: lower case, words joined by hyphens, and a number
 * added when another story already has it ("story-2").
 */
export function newStoryId(title: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = slugOf(title, { joinHyphens: true }) || 'story';
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Evidence as the quote finder reads it: raw input or a validated dataset alike. */
type EvidenceHolder = { evidence?: unknown };

/**
 * `hasQuote` for a context: the evidence quotes of every relation and event, grouped by the
 * source they cite, gathered on the first question only (most stories quote nothing).
 */
export function quoteFinder(
  holders: () => Iterable<EvidenceHolder>,
): (source: string, text: string) => boolean {
  let bySource: Map<string, string[]> | null = null;
  return (source, text) => {
    if (!bySource) {
      bySource = new Map();
      for (const holder of holders()) {
        if (!Array.isArray(holder.evidence)) continue;
        for (const ev of holder.evidence as unknown[]) {
          const { source: s, quote: q } = (ev ?? {}) as { source?: unknown; quote?: unknown };
          if (typeof s !== 'string' || typeof q !== 'string') continue;
          const quotes = bySource.get(s) ?? [];
          quotes.push(q);
          bySource.set(s, quotes);
        }
      }
    }
    return (bySource.get(source) ?? []).some((quote) => quote.includes(text));
  };
}

const modelContexts = new WeakMap<ExplorerModel, StoryContext>();

/** The context of a loaded dataset (built-in types and kinds included), kept per model. */
export function modelStoryContext(model: ExplorerModel): StoryContext {
  let context = modelContexts.get(model);
  if (!context) {
    const { dataset } = model;
    context = {
      actors: model.actorsById,
      relations: model.relationsById,
      events: model.eventsById,
      actorTypes: model.vocabulary.actorTypes,
      relationKinds: model.vocabulary.relationKinds,
      sources: new Set(dataset.sources.map((s) => s.id)),
      hasQuote: quoteFinder(function* () {
        yield* dataset.relations;
        yield* dataset.events;
      }),
    };
    modelContexts.set(model, context);
  }
  return context;
}

/** A quote a step may show: an evidence quote and the source it cites. */
export interface QuoteChoice {
  source: string;
  text: string;
}

/**
 * The quotes a step selecting this item may show: the evidence of a relation or an event, or
 * for an actor the evidence of its relations; each quote once, in dataset order.
 */
export function quoteChoices(
  model: ExplorerModel,
  selection: { kind: StorySelectionKind; id: string } | null | undefined,
): QuoteChoice[] {
  if (!selection) return [];
  const { kind, id } = selection;
  const holders =
    kind === 'relation'
      ? [model.relationsById.get(id)]
      : kind === 'event'
        ? [model.eventsById.get(id)]
        : model.dataset.relations.filter((r) => r.source === id || r.target === id);
  const seen = new Set<string>();
  const out: QuoteChoice[] = [];
  for (const holder of holders)
    for (const ev of holder?.evidence ?? []) {
      const key = JSON.stringify([ev.source, ev.quote]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ source: ev.source, text: ev.quote });
    }
  return out;
}
