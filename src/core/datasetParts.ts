/**
 * A dataset cut into parts of at most `PART_ITEMS` actors, relations or events,
 * and put back together. A big dataset crosses from the import worker to the
 * page, and is stored in and read from IndexedDB, part by part: each part is
 * copied (structured clone) in a task of its own, a few milliseconds long,
 * where the whole dataset at once would block the page for seconds.
 */
import type { Dataset, Evidence, EventItem, Relation } from './schema';

/** The lists that can be long; everything else in a dataset travels in its head. */
export const LONG_LISTS = ['actors', 'relations', 'events'] as const;
export type LongList = (typeof LONG_LISTS)[number];

/** Items per part: a few milliseconds of copying a part on the page, well under a long task even on a busy CPU. */
export const PART_ITEMS = 2_500;

/** A dataset without its long lists, and how many items each had. */
export interface DatasetHead {
  rest: Omit<Dataset, LongList>;
  counts: Record<LongList, number>;
}

export interface DatasetPart {
  list: LongList;
  items: unknown[];
}

export function splitDataset(
  dataset: Dataset,
  size = PART_ITEMS,
): { head: DatasetHead; parts: DatasetPart[] } {
  const { actors, relations, events, ...rest } = dataset;
  const lists = { actors, relations, events };
  const parts: DatasetPart[] = [];
  for (const list of LONG_LISTS)
    for (let i = 0; i < lists[list].length; i += size)
      parts.push({ list, items: lists[list].slice(i, i + size) });
  return {
    head: {
      rest,
      counts: { actors: actors.length, relations: relations.length, events: events.length },
    },
    parts,
  };
}

/** The number of parts `splitDataset` makes from a dataset with this head. */
export function partCount(head: DatasetHead, size = PART_ITEMS): number {
  return LONG_LISTS.reduce((n, list) => n + Math.ceil(head.counts[list] / size), 0);
}

/**
 * Puts a dataset back together from its head and its parts, added in order.
 * `dataset()` checks every list is complete: a part lost on the way (a
 * storage entry cut short) is an error, never a dataset with rows missing.
 */
export class DatasetAssembler {
  private readonly lists: Record<LongList, unknown[]> = { actors: [], relations: [], events: [] };

  constructor(private readonly head: DatasetHead) {}

  private readonly repeated = new RepeatedValues();

  add(part: DatasetPart): void {
    const list = this.lists[part.list];
    const share = SHARERS[part.list];
    for (const item of part.items) {
      share?.(item, this.repeated);
      list.push(item); // no spread: a part may outgrow the stack
    }
  }

  dataset(): Dataset {
    for (const list of LONG_LISTS)
      if (this.lists[list].length !== this.head.counts[list])
        throw new Error(
          `the dataset is incomplete: ${this.lists[list].length} of its ${this.head.counts[list]} ${list}`,
        );
    return { ...this.head.rest, ...this.lists } as Dataset;
  }
}

/**
 * One copy of each value that many items repeat. A part arrives as a structured
 * clone, which copies every string: a million relations bring five million
 * copies of a few thousand actor ids, kinds and dates, and an empty evidence
 * array each. Pointing them at one copy halves the heap a big dataset takes on
 * the page, and with it the marking of each major garbage collection (a
 * 400 ms pause at a million relations before: docs/PERFORMANCE.md).
 */
class RepeatedValues {
  private readonly strings = new Map<string, string>();

  string<T extends string | undefined>(value: T): T {
    if (value === undefined) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    this.strings.set(value, value);
    return value;
  }
}

/**
 * The evidence of every relation and event that has none. Frozen, so code that
 * would add to one item's empty list in place fails loudly instead of adding
 * to all of them (edits make new items: `core/edit/apply.ts`).
 */
const NO_EVIDENCE = Object.freeze([]) as unknown as Evidence[];

const SHARERS: Partial<Record<LongList, (item: unknown, repeated: RepeatedValues) => void>> = {
  relations(item, repeated) {
    const r = item as Relation;
    r.source = repeated.string(r.source);
    r.target = repeated.string(r.target);
    r.kind = repeated.string(r.kind);
    if ('from' in r) r.from = repeated.string(r.from);
    if ('until' in r) r.until = repeated.string(r.until);
    if (r.evidence.length === 0) r.evidence = NO_EVIDENCE;
  },
  events(item, repeated) {
    const e = item as EventItem;
    e.date = repeated.string(e.date);
    for (let i = 0; i < e.actors.length; i++) e.actors[i] = repeated.string(e.actors[i]!);
    if (e.evidence.length === 0) e.evidence = NO_EVIDENCE;
  },
};
