/**
 * Publishing a story as one self-contained HTML file. The standalone build
 * (`standalone.html`, see docs/ARCHITECTURE.md, "Publishing") is the whole
 * app inlined into one page with an empty data element; `publishHtml` puts
 * the dataset, the author's positions and the story to present into it, and
 * the published page reads them back with `readPublished` at start.
 *
 * The data is JSON inside `<script type="application/json">`. The HTML
 * parser ends that element at the first `</script` whatever JSON thinks of
 * it, and `<!--` can start the "script data escaped" state, so the JSON is
 * written with every `<`, `>` and `&` as a `\u003c`-style escape (which
 * `JSON.parse` reads back as the same characters), as OWASP advises for JSON
 * in HTML; U+2028 and U+2029 are escaped too, so the text is also safe for
 * the older parsers that treat them as line ends. Nothing the dataset holds
 * can then close the element or become markup (docs/SECURITY.md).
 */
import type { Point } from './layout';
import { formatProblem } from './problems';
import { scanJson, MAX_JSON_DEPTH } from './jsonScan';
import type { Dataset, Story } from './schema';
import { validateDataset } from './validate';
import { slugOf } from './slug';

/** The id of the element that carries a published file's data. */
export const PUBLISHED_DATA_ID = 'allegiance-published';

/**
 * The empty data element of the standalone template, exactly as `standalone.html` writes it:
 * `publishHtml` fills it, and a page whose element is still empty is the bare template.
 */
export const PUBLISHED_DATA_SLOT = `<script type="application/json" id="${PUBLISHED_DATA_ID}"></script>`;
const SLOT_OPENING = PUBLISHED_DATA_SLOT.slice(0, -'</script>'.length);

/** The name the standalone template has in the app's build (`dist/standalone.html`). */
export const STANDALONE_TEMPLATE_FILE = 'standalone.html';

/** What a published file carries. */
export interface PublishedData {
  /** The format's version, for readers of files published by later versions. */
  version: 1;
  /** The id of the story the page presents when it opens. */
  story: string;
  dataset: Dataset;
  /** Actor positions as the author saw them in the force-directed layout: [actor id, x, y]. */
  positions: [string, number, number][];
}

const VERSION = 1;

/** A story cannot be published as asked: the message says why, in the user's terms. */
export class PublishError extends Error {}

/** "840 kB", "1.2 MB": a file's size as mail clients show it (decimal units). */
export function fileSize(bytes: number): string {
  return bytes < 1e6
    ? `${Math.max(1, Math.round(bytes / 1e3))} kB`
    : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** `the dataset has stories "a", "b"` or `the dataset has no stories`: for error messages. */
export function storiesListed(dataset: Dataset): string {
  const ids = (dataset.stories ?? []).map((s) => `"${s.id}"`);
  return ids.length === 0
    ? 'the dataset has no stories'
    : `the dataset's stories are ${ids.join(', ')}`;
}

/** `from-pact-to-war.html`: a file name made from the story's title. */
export function publishedFileName(story: Story): string {
  return `${slugOf(story.title) || 'story'}.html`;
}

/** The story with that id, or a PublishError naming the stories there are. */
export function findStory(dataset: Dataset, storyId: string): Story {
  const story = dataset.stories?.find((s) => s.id === storyId);
  if (!story) throw new PublishError(`there is no story "${storyId}": ${storiesListed(dataset)}`);
  return story;
}

/**
 * JSON text that is safe as the content of a `<script>` element: `<`, `>`, `&`, U+2028 and
 * U+2029 become `\uXXXX` escapes. These characters only occur inside JSON strings, where the
 * escape stands for the same character, so `JSON.parse` returns exactly the original value.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Text as HTML element content: `&`, `<` and `>` escaped. */
function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Checks that `template` is the built standalone file: its data element is there exactly once
 * and empty, and it loads no script from elsewhere (the dev server's `standalone.html` loads
 * `/src/standalone.tsx`, which a file opened from disk could never reach).
 */
function checkTemplate(template: string): void {
  const slots = template.split(PUBLISHED_DATA_SLOT).length - 1;
  if (slots !== 1)
    throw new PublishError(
      slots === 0
        ? `the template is not Allegiance's standalone page: it has no empty ${PUBLISHED_DATA_SLOT} element (was it published already?)`
        : `the template has ${slots} data elements where the standalone page has one`,
    );
  const external = /<script\b[^>]*\ssrc\s*=\s*["']?([^"'\s>]+)/i.exec(template);
  if (external)
    throw new PublishError(
      `the template loads the script "${external[1]}" from elsewhere, so it would not work offline: use the standalone page of a production build (npm run build writes dist/${STANDALONE_TEMPLATE_FILE})`,
    );
}

/**
 * The standalone template filled with a dataset and the story to present: one HTML file that
 * needs nothing else. The page's title becomes the story's. Throws a PublishError when the
 * story is not in the dataset or the template is not the built standalone page.
 */
export function publishHtml(
  template: string,
  content: { dataset: Dataset; positions: ReadonlyMap<string, Point> },
  storyId: string,
): string {
  const story = findStory(content.dataset, storyId);
  checkTemplate(template);
  const data: PublishedData = {
    version: VERSION,
    story: storyId,
    dataset: content.dataset,
    positions: [...content.positions].map(([id, p]) => [id, p.x, p.y]),
  };
  const element = `${SLOT_OPENING}${jsonForScriptElement(data)}</script>`;
  const title = `<title>${htmlText(`${story.title} · Allegiance`)}</title>`;
  // split/join rather than replace(): a replacement string would read `$&` or `$'` in the data.
  return template
    .split(PUBLISHED_DATA_SLOT)
    .join(element)
    .replace(/<title>[^<]*<\/title>/, () => title);
}

export type ReadPublished = { data: PublishedData } | { problem: string };

/** Where a published page's problems say they are. */
const HERE = 'the published story';

/**
 * Reads and validates the data element's text of a published page, like an import: the JSON
 * checked before parsing (depth, numbers), the dataset validated with the app's rules, the story
 * and the positions checked. Never throws: a problem is returned as a message to show.
 */
export function readPublished(text: string): ReadPublished {
  if (text.trim() === '')
    return {
      problem:
        'This page is the template of a published story and holds no story yet. Publish one from Allegiance (Export… → Story as HTML) or with npm run publish.',
    };
  const scan = scanJson(text);
  if (scan.tooDeep)
    return {
      problem: `${HERE}: ${scan.tooDeep.path || 'the data'} is nested more than ${MAX_JSON_DEPTH} levels deep`,
    };
  if (scan.hugeNumbers[0])
    return {
      problem: `${HERE}: ${scan.hugeNumbers[0].path} is ${scan.hugeNumbers[0].text}, too large a number`,
    };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { problem: `${HERE}: the data is not valid JSON (${(e as Error).message})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { problem: `${HERE}: the data is not an object` };
  const { version, story, dataset, positions } = raw as Record<string, unknown>;
  if (version !== VERSION)
    return {
      problem: `${HERE}: version ${JSON.stringify(version)} is not one this page reads (it reads version ${VERSION})`,
    };
  if (typeof story !== 'string') return { problem: `${HERE}: "story" must be a story's id` };
  const checked = validateDataset(dataset, HERE);
  if (!checked.dataset)
    return {
      problem: `${HERE} holds an invalid dataset:\n${checked.errors.map(formatProblem).join('\n')}`,
    };
  if (!checked.dataset.stories?.some((s) => s.id === story))
    return { problem: `${HERE}: there is no story "${story}": ${storiesListed(checked.dataset)}` };
  const badPosition = positionProblem(positions);
  if (badPosition) return { problem: `${HERE}: ${badPosition}` };
  return {
    data: {
      version: VERSION,
      story,
      dataset: checked.dataset,
      positions: positions as PublishedData['positions'],
    },
  };
}

/**
 * The published positions as a map, when they place every actor of the dataset (they do when
 * `publishHtml` wrote them); otherwise undefined, and the page computes the layout itself.
 */
export function publishedPositions(data: PublishedData): Map<string, Point> | undefined {
  const positions = new Map(data.positions.map(([id, x, y]) => [id, { x, y }]));
  return data.dataset.actors.every((a) => positions.has(a.id)) ? positions : undefined;
}

/** What is wrong with the positions list, or null: each entry `[actor id, x, y]`, finite. */
function positionProblem(positions: unknown): string | null {
  if (!Array.isArray(positions)) return '"positions" must be a list';
  const at = positions.findIndex(
    (p: unknown) =>
      !Array.isArray(p) ||
      p.length !== 3 ||
      typeof p[0] !== 'string' ||
      !Number.isFinite(p[1]) ||
      !Number.isFinite(p[2]),
  );
  return at < 0 ? null : `positions[${at}] must be [actor id, x, y] with finite numbers`;
}
