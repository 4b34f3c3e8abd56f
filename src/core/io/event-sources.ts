/**
 * Sources cited by the evidence of an event table. An evidence-source cell
 * names a source by id, or gives a URL (`http://`, `https://`), which becomes
 * a source `url-1`, `url-2`… with that URL; a quote without a source cites
 * `unsourced` (one warning), as in the CSV import. A format may declare
 * sources its events cite by id (ACLED's file) and title its URL sources
 * (GDELT's articles). Only http(s) text becomes a `url`: anything else
 * stays plain text, so the details panel never makes a link of it.
 */
import type { Source } from '../schema';
import type { EventRow } from './event-rows';
import { UNSOURCED_ID } from './evidence';
import type { Location, Origin, ProblemLog } from './import-result';

const URL_PATTERN = /^https?:\/\//i;
const MAX_TITLE = 200;

/** What a format tells about the sources its events cite. */
export interface SourceRules {
  /** Sources cited by id, added to the dataset when first cited. */
  declared?: readonly Source[];
  /** The title of a source named by a URL or a text (default: that text). */
  title?: (text: string) => string;
}

export class EventSources {
  private readonly byText = new Map<string, { source: Source; at: Location }>();
  private readonly plainIds: ReadonlySet<string>;
  private urls = 0;

  /** `events` are all the table's events: ids for URLs avoid the ids the table uses. */
  constructor(
    private readonly file: string,
    events: readonly EventRow[],
    private readonly log: ProblemLog,
    private readonly rules: SourceRules = {},
  ) {
    this.plainIds = new Set(
      events.flatMap((e) =>
        e.source !== undefined && !URL_PATTERN.test(e.source) ? [e.source] : [],
      ),
    );
  }

  /** The id of the source an event's quote cites (the source is added on first use). */
  cite(e: EventRow): string {
    const text = e.source;
    const known = this.byText.get(text ?? UNSOURCED_ID);
    if (known) return known.source.id;
    if (text === undefined) {
      const at = e.row.at('quote');
      this.log.warn(at, `quotes without a source cite a source "${UNSOURCED_ID}" added for them`);
      return this.add(
        UNSOURCED_ID,
        { id: UNSOURCED_ID, title: `No source given in ${this.file}` },
        at,
      );
    }
    const at = e.row.at('evidenceSource');
    const declared = this.rules.declared?.find((s) => s.id === text);
    if (declared) return this.add(text, declared, e.row.whole());
    if (!URL_PATTERN.test(text))
      return this.add(text, { id: text, title: this.rules.title?.(text) ?? text }, at);
    let id: string;
    do id = `url-${++this.urls}`;
    while (this.plainIds.has(id));
    const named = this.rules.title?.(text) ?? text;
    const title = named.length > MAX_TITLE ? `${named.slice(0, MAX_TITLE - 1)}…` : named;
    return this.add(text, { id, title, url: text }, at);
  }

  /** The sources, in order of first citation. */
  list(): Source[] {
    return [...this.byText.values()].map((s) => s.source);
  }

  /** Where each source (in {@link list} order) is first cited. */
  origins(): Origin[] {
    return [...this.byText.values()].map(
      (s): Origin =>
        () =>
          s.at,
    );
  }

  private add(text: string, source: Source, at: Location): string {
    this.byText.set(text, { source, at });
    return source.id;
  }
}
