import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeLayout } from './layout';
import {
  fileSize,
  jsonForScriptElement,
  PUBLISHED_DATA_ID,
  PUBLISHED_DATA_SLOT,
  publishedFileName,
  publishedPositions,
  publishHtml,
  PublishError,
  readPublished,
  type PublishedData,
} from './publish';
import type { Dataset } from './schema';
import { parseDatasetJson } from './validate';

/** A dataset whose text tries every way out of a script element, with two stories. */
const dataset = parseDatasetJson(readFileSync('tests/fixtures/publish/story.json', 'utf8'))
  .dataset as Dataset;
const positions = computeLayout(dataset);

/** The standalone page's shape: an inlined app script, the empty data element, a title. */
const TEMPLATE = [
  '<!doctype html><html><head><title>Allegiance</title>',
  '<script type="module">window.app = "\\x3C/script>";</script></head>',
  `<body><div id="root"></div>${PUBLISHED_DATA_SLOT}</body></html>`,
].join('');

const OPEN_TAG = PUBLISHED_DATA_SLOT.slice(0, PUBLISHED_DATA_SLOT.indexOf('>') + 1);

/**
 * The data element's text as an HTML parser reads it: script data ends at the first `</script`
 * (in any case), whatever the JSON inside means.
 */
function scriptDataOf(html: string): string {
  const start = html.indexOf(OPEN_TAG) + OPEN_TAG.length;
  const end = html.toLowerCase().indexOf('</script', start);
  return html.slice(start, end);
}

describe('jsonForScriptElement', () => {
  const hostile = {
    close: '</script><script>alert(1)</script>',
    closeUpper: '</SCRIPT >',
    comment: '<!-- <script>',
    lineSeparators: 'a\u2028b\u2029c',
    ampersand: 'a & b &amp; c',
  };

  it('writes no character that HTML or an old JavaScript parser would read', () => {
    const text = jsonForScriptElement(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(text).toContain('\\u2028');
  });

  it('round-trips through JSON.parse exactly', () => {
    expect(JSON.parse(jsonForScriptElement(hostile))).toEqual(hostile);
    expect(JSON.parse(jsonForScriptElement(dataset))).toEqual(dataset);
  });
});

describe('publishHtml', () => {
  const html = publishHtml(TEMPLATE, { dataset, positions }, 'pact-to-war');

  it('fills the one data element; nothing in the dataset ends it early or adds markup', () => {
    const data = scriptDataOf(html);
    expect(data).not.toMatch(/[<>]/);
    // As many elements close as in the template: the data closed none of its own.
    expect(html.match(/<\/script/gi)).toHaveLength(TEMPLATE.match(/<\/script/gi)!.length);
    expect(html.split(`id="${PUBLISHED_DATA_ID}"`)).toHaveLength(2);
    const parsed = JSON.parse(data) as PublishedData;
    expect(parsed.dataset).toEqual(dataset);
    expect(parsed.story).toBe('pact-to-war');
    expect(parsed.positions).toHaveLength(dataset.actors.length);
  });

  it('keeps the hostile text verbatim: </script>, <!--, U+2028, U+2029 and $-patterns', () => {
    const parsed = JSON.parse(scriptDataOf(html)) as PublishedData;
    expect(parsed.dataset.title).toBe('Northland and Southland </script><script>alert(1)</script>');
    expect(parsed.dataset.sources[0]!.title).toBe('Notes & minutes <!-- of the council');
    expect(parsed.dataset.relations[1]!.evidence[0]!.quote).toBe(
      'The border closed.\u2028Then the war began.',
    );
    expect(parsed.dataset.stories![0]!.steps[2]!.caption).toBe(
      'By 2012 the allies were at war.\u2029',
    );
    expect(parsed.dataset.relations[2]!.evidence[0]!.quote).toBe(
      "Southland armed the rebels $& $' $1.",
    );
  });

  it("titles the page with the story's title, escaped", () => {
    const withTitle = structuredClone(dataset);
    withTitle.stories![0]!.title = 'War & peace </title><script>x</script>';
    const page = publishHtml(TEMPLATE, { dataset: withTitle, positions }, 'pact-to-war');
    expect(page).toContain(
      '<title>War &amp; peace &lt;/title&gt;&lt;script&gt;x&lt;/script&gt; · Allegiance</title>',
    );
  });

  it('refuses a story the dataset does not have, naming the ones it has', () => {
    expect(() => publishHtml(TEMPLATE, { dataset, positions }, 'nope')).toThrow(
      new PublishError(
        'there is no story "nope": the dataset\'s stories are "pact-to-war", "rebels"',
      ),
    );
    const none = { ...dataset, stories: undefined };
    expect(() => publishHtml(TEMPLATE, { dataset: none, positions }, 'x')).toThrow(
      'there is no story "x": the dataset has no stories',
    );
  });

  it('refuses a template that is not the built standalone page', () => {
    const publish = (template: string) =>
      publishHtml(template, { dataset, positions }, 'pact-to-war');
    expect(() => publish(html)).toThrow(/has no empty <script .*> element \(was it published/);
    expect(() => publish(TEMPLATE + PUBLISHED_DATA_SLOT)).toThrow(
      'the template has 2 data elements where the standalone page has one',
    );
    const devPage = TEMPLATE.replace(
      '<script type="module">',
      '<script type="module" src="/src/standalone.tsx">',
    );
    expect(() => publish(devPage)).toThrow(
      /loads the script "\/src\/standalone.tsx" from elsewhere, so it would not work offline/,
    );
  });
});

describe('readPublished', () => {
  const html = publishHtml(TEMPLATE, { dataset, positions }, 'rebels');
  const text = scriptDataOf(html);
  const edited = (change: (data: Record<string, unknown>) => void) => {
    const data = JSON.parse(text) as Record<string, unknown>;
    change(data);
    return readPublished(JSON.stringify(data));
  };
  const problemOf = (r: ReturnType<typeof readPublished>) => ('problem' in r ? r.problem : null);

  it('reads back what publishHtml wrote', () => {
    const read = readPublished(text);
    expect('data' in read && read.data.story).toBe('rebels');
    expect('data' in read && read.data.dataset).toEqual(dataset);
    expect('data' in read && publishedPositions(read.data)).toEqual(positions);
  });

  it('says an empty element is the bare template', () => {
    expect(problemOf(readPublished(' \n'))).toMatch(/^This page is the template/);
  });

  it('reports broken data precisely', () => {
    expect(problemOf(readPublished('{"version": 1,'))).toMatch(
      /^the published story: the data is not valid JSON/,
    );
    expect(problemOf(readPublished('[]'))).toBe('the published story: the data is not an object');
    expect(problemOf(edited((d) => (d.version = 2)))).toBe(
      'the published story: version 2 is not one this page reads (it reads version 1)',
    );
    expect(problemOf(edited((d) => (d.story = 'gone')))).toBe(
      'the published story: there is no story "gone": the dataset\'s stories are "pact-to-war", "rebels"',
    );
    expect(problemOf(edited((d) => (d.positions = [['north', 1, null]])))).toBe(
      'the published story: positions[0] must be [actor id, x, y] with finite numbers',
    );
    const invalid = problemOf(
      edited((d) => ((d.dataset as Dataset).relations[0]!.target = 'atlantis')),
    );
    expect(invalid).toMatch(/^the published story holds an invalid dataset:\n/);
    expect(invalid).toContain('relations[0].target');
    expect(invalid).toContain('atlantis');
  });

  it('has the page lay out actors itself when the positions do not place them all', () => {
    const read = edited((d) => (d.positions = [['north', 0, 0]]));
    expect('data' in read && publishedPositions(read.data)).toBeUndefined();
  });
});

describe('file names and sizes', () => {
  it('names the file after the story', () => {
    expect(publishedFileName(dataset.stories![0]!)).toBe('from-pact-to-war.html');
    expect(publishedFileName({ ...dataset.stories![0]!, title: '¿?' })).toBe('story.html');
  });

  it('states sizes as mail clients do', () => {
    expect(fileSize(840_400)).toBe('840 kB');
    expect(fileSize(1_234_567)).toBe('1.2 MB');
  });
});
