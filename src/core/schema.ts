/**
 * The dataset format, as a zod schema. `graph-data/schema.json` is generated
 * from it (`npm run schema`); cross-references between lists (does this
 * relation's source exist?) are checked in `validate.ts`, which zod cannot
 * express.
 */
import { z } from 'zod';
import { dateProblem } from './dates';
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

export const actorTypeSchema = z.strictObject({
  id,
  label: text(200).min(1, 'must not be empty'),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'is not a colour like #1f77b4')
    .optional(),
  shape: z
    .enum([
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
    ])
    .optional(),
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
  evidence: z.array(evidenceSchema).default([]),
  note: text(5000).optional(),
});

export const eventSchema = z.strictObject({
  id,
  date: isoDate,
  title: text(500).min(1, 'must not be empty'),
  actors: z.array(id).default([]),
  description: text(20000).optional(),
  evidence: z.array(evidenceSchema).default([]),
  note: text(5000).optional(),
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

/** The JSON Schema written to `graph-data/schema.json`. */
export function datasetJsonSchema(): object {
  return z.toJSONSchema(datasetSchema, { io: 'input', target: 'draft-2020-12' });
}
