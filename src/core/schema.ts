/**
 * The dataset format, as a zod schema. `graph-data/schema.json` is generated
 * from it (`npm run schema`); cross-references between lists (does this
 * relation's source exist?) are checked in `validate.ts`, which zod cannot
 * express.
 */
import { z } from 'zod';
import { dateProblem } from './dates';
import type { LayoutName } from './layouts';
import { showValue } from './problems';

const ISO_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

/** An ISO 8601 date at year, month or day precision, checked against the calendar. */
export const isoDate = z
  .string()
  .regex(new RegExp(ISO_PATTERN), {
    error: (issue) =>
      `${showValue(issue.input)} is not an ISO 8601 date (expected YYYY, YYYY-MM or YYYY-MM-DD)`,
  })
  .superRefine((value, ctx) => {
    const problem = dateProblem(value);
    // The pattern above already reported malformed strings; here only calendar errors remain.
    if (problem && new RegExp(ISO_PATTERN).test(value))
      ctx.addIssue({ code: 'custom', message: `${showValue(value)} ${problem}` });
  })
  .meta({ description: 'ISO 8601 date at its precision: 1994, 2021-08 or 2021-08-30' });

export const id = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'is longer than 200 characters')
  .meta({ description: 'Identifier, unique within its list' });

const text = (max: number) => z.string().max(max, `is longer than ${max} characters`);

export const polarity = z.enum(['positive', 'negative', 'neutral']);

export const evidenceSchema = z.strictObject({
  source: id.meta({ description: 'Id of an entry in `sources`' }),
  quote: text(5000)
    .min(1, 'must not be empty')
    .meta({ description: 'Text that appears verbatim in the source' }),
  note: text(5000).optional(),
});

/**
 * What a relation's or an event's claim rests on (docs/FORMATS.md, "Basis"):
 * `quote`, the words quoted in its evidence; `history`, well-known history,
 * which its `reference` says where to check.
 */
export const basis = z.enum(['quote', 'history']);

/** The basis fields shared by relations and events; all optional (what absence means: `basis.ts`). */
const basisFields = {
  basis: basis.optional().meta({
    description:
      'What the claim rests on: "quote" (the words quoted in `evidence`) or "history" (well-known history, see `reference`). Absent: its evidence, as before this field existed',
  }),
  dateBasis: basis.optional().meta({
    description:
      'What its dates rest on, when that differs from `basis`; absent: the same as `basis`',
  }),
  reference: text(1000).min(1, 'must not be empty').optional().meta({
    description:
      'Where a reader can check what rests on history (required when `basis` or `dateBasis` is "history"), e.g. "Doha Agreement, 29 February 2020, text published by the US State Department"',
  }),
};

export const sourceSchema = z.strictObject({
  id,
  title: text(500).min(1, 'must not be empty'),
  author: text(500).optional(),
  publisher: text(500).optional(),
  date: isoDate.optional(),
  url: text(2000).optional(),
  file: text(2000).optional(),
  note: text(5000).optional(),
});

/** The symbols an actor type may be drawn with (Cytoscape's node shapes that read well small). */
export const ACTOR_SHAPES = [
  'ellipse',
  'round-rectangle',
  'rectangle',
  'diamond',
  'hexagon',
  'octagon',
  'triangle',
  'star',
  'pentagon',
  'vee',
  'tag',
] as const;

export const actorTypeSchema = z.strictObject({
  id,
  label: text(200).min(1, 'must not be empty'),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'is not a colour like #1f77b4')
    .optional(),
  shape: z.enum(ACTOR_SHAPES).optional(),
  description: text(5000).optional(),
});

export const relationKindSchema = z.strictObject({
  id,
  label: text(200).min(1, 'must not be empty'),
  polarity,
  directed: z.boolean().default(false),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'is not a colour like #1f77b4')
    .optional(),
  lineStyle: z.enum(['solid', 'dashed', 'dotted']).optional(),
  description: text(5000).optional(),
});

export const actorSchema = z.strictObject({
  id,
  label: text(500).min(1, 'must not be empty'),
  type: id.meta({ description: 'Id of an actor type (built-in or from `actorTypes`)' }),
  aliases: z.array(text(500)).optional(),
  description: text(20000).optional(),
  parent: id.optional().meta({ description: 'Id of the actor this one belongs to' }),
  from: isoDate.optional(),
  until: isoDate.optional().meta({ description: 'Exclusive end of the lifetime' }),
  note: text(5000).optional(),
});

export const relationSchema = z.strictObject({
  id,
  source: id,
  target: id,
  kind: id.meta({ description: 'Id of a relation kind (built-in or from `relationKinds`)' }),
  directed: z.boolean().optional().meta({ description: "Overrides the kind's default" }),
  from: isoDate.optional().meta({ description: 'Start (inclusive); absent: since always' }),
  until: isoDate.optional().meta({ description: 'End (exclusive); absent: still ongoing' }),
  strength: z
    .number()
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1')
    .optional(),
  label: text(500).optional(),
  ...basisFields,
  evidence: z.array(evidenceSchema).default([]),
  note: text(5000).optional(),
});

export const eventSchema = z.strictObject({
  id,
  date: isoDate,
  title: text(500).min(1, 'must not be empty'),
  actors: z.array(id).default([]),
  description: text(20000).optional(),
  ...basisFields,
  evidence: z.array(evidenceSchema).default([]),
  note: text(5000).optional(),
});

// ---- stories -----------------------------------------------------------------
// A story is a narrated walk through the graph: an ordered list of steps, each a view of the
// graph (a date or a period to play through, the selection, filters, layout and camera) with a
// caption. Cross-references (does the selected relation exist? is the quote in the evidence?)
// are checked in `story.ts` and reported as warnings: a stale story still plays the rest.

/** The layouts a step may name (core/layouts; the type keeps the two lists equal). */
const STORY_LAYOUTS = [
  'force',
  'radial',
  'hierarchy',
  'rings',
] as const satisfies readonly LayoutName[];

const finite = z.number();

export const storyCameraSchema = z
  .union([
    z.literal('fit'),
    z
      .strictObject({ x1: finite, y1: finite, x2: finite, y2: finite })
      .refine((b) => b.x2 > b.x1 && b.y2 > b.y1, {
        error: 'must have x2 > x1 and y2 > y1 (a box with an area)',
      }),
  ])
  .meta({
    description:
      '"fit" (the whole graph), or the box in graph coordinates that was in view; any window fits the box',
  });

export const storyStepSchema = z
  .strictObject({
    date: isoDate.optional().meta({ description: 'The date the step shows' }),
    period: z
      .strictObject({
        from: isoDate,
        until: isoDate,
        speed: z
          .number()
          .positive('must be more than 0')
          .max(1_000_000, 'must be at most 1000000 days per second')
          .optional()
          .meta({ description: 'Days of data per second of playback (default: a year a second)' }),
      })
      .optional()
      .meta({ description: 'A period the step plays through, instead of a date' }),
    selection: z
      .strictObject({ kind: z.enum(['actor', 'relation', 'event']), id })
      .optional()
      .meta({ description: 'The actor, relation or event the step selects' }),
    filters: z
      .strictObject({
        hiddenTypes: z.array(id).optional(),
        hiddenKinds: z.array(id).optional(),
        neighbourhoodOnly: z.boolean().optional(),
        timeWindow: z
          .number()
          .int('must be a whole number of months')
          .min(0, 'must be 0 or more')
          .max(1200, 'must be at most 1200 months')
          .optional()
          .meta({ description: 'Calendar months of history shown up to the date (0: off)' }),
      })
      .optional(),
    layout: z.enum(STORY_LAYOUTS).optional().meta({ description: 'Default: force' }),
    camera: storyCameraSchema.optional().meta({ description: 'Default: "fit"' }),
    caption: text(2000).default(''),
    quote: z
      .strictObject({
        source: id.meta({ description: 'Id of an entry in `sources`' }),
        text: text(5000)
          .min(1, 'must not be empty')
          .meta({ description: 'Verbatim from the evidence of that source in this dataset' }),
      })
      .optional(),
  })
  .superRefine((step, ctx) => {
    if (step.date === undefined && step.period === undefined)
      // `input` undefined: the message says it all, without the whole step as the value.
      ctx.addIssue({ code: 'custom', message: 'needs a "date" or a "period"', input: undefined });
    if (step.date !== undefined && step.period !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'has both a "date" and a "period"; keep one',
        path: ['period'],
        input: step.period,
      });
  });

export const storySchema = z.strictObject({
  id,
  title: text(500).min(1, 'must not be empty'),
  description: text(5000).optional(),
  steps: z.array(storyStepSchema).default([]),
});

export const datasetSchema = z
  .strictObject({
    $schema: z.string().optional(),
    title: text(500).min(1, 'must not be empty'),
    description: text(20000).optional(),
    timeKind: z.enum(['calendar', 'numeric']).optional().meta({
      description:
        'What the dates mean: calendar dates (the default), or numeric time without a calendar (GEXF integer or double time), written as dates whose year is the number and shown as numbers ("t = 190")',
    }),
    period: z.strictObject({ from: isoDate, until: isoDate }).optional().meta({
      description:
        'The span the time bar shows; defaults to the earliest and latest dates in the data',
    }),
    sources: z.array(sourceSchema).default([]),
    actorTypes: z.array(actorTypeSchema).default([]),
    relationKinds: z.array(relationKindSchema).default([]),
    actors: z.array(actorSchema),
    relations: z.array(relationSchema).default([]),
    events: z.array(eventSchema).default([]),
    stories: z
      .array(storySchema)
      .optional()
      .meta({ description: 'Narrated walks through the graph, step by step' }),
  })
  .meta({
    title: 'Allegiance dataset',
    description:
      'Actors joined by dated relations with quoted evidence. A relation is active at t when from <= t < until.',
  });

export type Dataset = z.output<typeof datasetSchema>;
/** What a dataset file may omit (defaults fill in the rest). */
export type DatasetInput = z.input<typeof datasetSchema>;
export type Source = z.output<typeof sourceSchema>;
export type ActorType = z.output<typeof actorTypeSchema>;
export type RelationKind = z.output<typeof relationKindSchema>;
export type Actor = z.output<typeof actorSchema>;
export type Relation = z.output<typeof relationSchema>;
export type EventItem = z.output<typeof eventSchema>;
export type Evidence = z.output<typeof evidenceSchema>;
export type Polarity = z.output<typeof polarity>;
export type Story = z.output<typeof storySchema>;
export type StoryStep = z.output<typeof storyStepSchema>;
export type StoryCamera = z.output<typeof storyCameraSchema>;
export type Basis = z.output<typeof basis>;

/** The JSON Schema written to `graph-data/schema.json`. */
export function datasetJsonSchema(): object {
  return z.toJSONSchema(datasetSchema, { io: 'input', target: 'draft-2020-12' });
}
