/**
 * Several files in one import, as the app's Import and `npm run import`
 * give them: files of one event format are one table of events, any other
 * mix is refused with what each file is. Real files: tests/fixtures/*\/README.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../core/problems';
import { importTexts } from './importTexts';
import { importWithChoices } from './importWithChoices';

const fixture = (path: string) => readFileSync(`tests/fixtures/${path}`, 'utf8');
const ICEWS = fixture('icews/events.2018.sample.excerpt.tab');
const [ICEWS_HEADER, ...ICEWS_ROWS] = ICEWS.trimEnd().split('\n');
/** The real ICEWS excerpt as two files, cut after its 23rd event. */
const icewsFiles = [
  { name: 'events.2018.a.tab', text: [ICEWS_HEADER, ...ICEWS_ROWS.slice(0, 23)].join('\n') },
  { name: 'events.2018.b.tab', text: [ICEWS_HEADER, ...ICEWS_ROWS.slice(23)].join('\n') },
];
const ACLED = { name: 'synthetic-acled.csv', text: fixture('acled/synthetic-acled.csv') };
const ACD = fixture('ucdp/ucdp-prio-acd-221-excerpt.csv');

describe('importTexts with several files', () => {
  it('reads files of one event format as one dataset, detected per file, in any order', () => {
    const r = importTexts([...icewsFiles].reverse());
    expect(r.errors).toEqual([]);
    expect(r.formats?.map((f) => f.format)).toEqual(['icews', 'icews']);
    expect(r.dataset!.title).toBe('events.2018.a and 1 more file');
    expect(r.dataset).toEqual(importTexts(icewsFiles).dataset);
  });

  it('refuses a file of another event format among them, saying what each is', () => {
    const r = importTexts([icewsFiles[0]!, ACLED]);
    expect(r.dataset).toBeUndefined();
    expect(r.errors.map(formatProblem)).toEqual([
      'synthetic-acled.csv: is an ACLED event file (ACLED events: comma-separated, header of 31 columns with event_date, actor1, actor2, event_type), not an ICEWS coded event file like events.2018.a.tab: several files are read together only when all are of one event format; import it on its own',
    ]);
  });

  it('refuses two versions of a UCDP conflict table: they would count conflict-years twice', () => {
    const r = importTexts([
      { name: 'ucdp-prio-acd-221.csv', text: ACD },
      { name: 'ucdp-prio-acd-231.csv', text: ACD },
    ]);
    expect(r.dataset).toBeUndefined();
    expect(r.errors.map(formatProblem)).toEqual([
      'ucdp-prio-acd-221.csv, ucdp-prio-acd-231.csv: both files are UCDP/PRIO Armed Conflict Dataset tables, and UCDP publishes each of these tables whole (every year in one file, each version replacing the last): read together they would count the same conflict-years twice; import one file, the version you mean',
    ]);
  });

  it('keeps the event options editable for several files of one event format', () => {
    const r = importWithChoices(icewsFiles, { events: { minEvents: 1 } });
    expect(r.errors).toEqual([]);
    expect(r.reading.eventTable).toBe(true);
    const strict = importWithChoices(icewsFiles, { events: { minEvents: 5 } });
    expect(strict.errors.map((e) => e.message)).toEqual([
      'no pair of actors has 5 events in one window of 12 months, so there is no relation; lower minEvents or widen windowMonths',
    ]);
  });
});
