/**
 * A story as one self-contained HTML file, from the command line: the same file as the app's
 * Export → "Story as HTML".
 *
 *   npm run publish -- --story ID --out story.html [--dataset FILE] [--template FILE]
 *
 * The dataset (default: the seed) is read and validated as the app imports it. The page is the
 * standalone build (`dist/standalone.html`, written by `npm run build`); when there is none it is
 * built for this run, so the command works in a fresh clone. Exits 2 on a usage error, 1 when the dataset, the story, the template or
 * the output cannot be used, with a message that says which and why.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { computeLayout } from '../src/core/layout';
import { formatProblem } from '../src/core/problems';
import {
  fileSize,
  findStory,
  publishHtml,
  PublishError,
  STANDALONE_TEMPLATE_FILE,
  storiesListed,
} from '../src/core/publish';
import type { Dataset } from '../src/core/schema';
import { importBytes } from '../src/import/importBytes';
import { readInput } from './read-input';

const USAGE =
  'usage: npm run publish -- --story ID --out FILE.html [--dataset FILE] [--template FILE]';
/** The app's build folder: dist/, or the one ALLEGIANCE_DIST names (as the browser tests use). */
const BUILT_TEMPLATE = `${process.env.ALLEGIANCE_DIST ?? 'dist'}/${STANDALONE_TEMPLATE_FILE}`;

/** The command line is wrong (exit 2). */
class UsageError extends Error {}
/** An input or the output cannot be used (exit 1). */
class InputError extends Error {}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        dataset: { type: 'string', default: 'graph-data/seed.json' },
        story: { type: 'string' },
        out: { type: 'string' },
        template: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.out) throw new UsageError('--out is required');
  return { ...values, out: values.out };
}

async function readDataset(path: string): Promise<Dataset> {
  const file = await readInput(path, 'dataset');
  if (typeof file === 'string') throw new InputError(file);
  const result = importBytes([file]);
  if (!result.dataset)
    throw new InputError(
      `${path} is not a valid dataset:\n${result.errors.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  for (const w of result.warnings) console.warn(formatProblem(w));
  return result.dataset;
}

/** The template named with --template, dist/standalone.html, or one built now; and its name. */
async function readTemplate(path: string | undefined): Promise<{ name: string; text: string }> {
  const named = path ?? (existsSync(BUILT_TEMPLATE) ? BUILT_TEMPLATE : null);
  if (named) {
    try {
      return { name: named, text: readFileSync(named, 'utf8') };
    } catch (e) {
      throw new InputError(`cannot read template ${named}: ${(e as Error).message}`);
    }
  }
  console.warn(
    `${BUILT_TEMPLATE} not found: building the standalone page for this run (npm run build keeps one there)…`,
  );
  const scratch = mkdtempSync(join(tmpdir(), 'allegiance-publish-'));
  // A production build, whatever the caller's environment says (a test runner sets "test",
  // which would ship React's development build).
  process.env.NODE_ENV = 'production';
  try {
    const { build } = await import('vite');
    await build({
      configFile: 'vite.config.ts',
      mode: 'standalone',
      logLevel: 'error',
      build: { outDir: scratch, emptyOutDir: true },
    });
    return {
      name: 'the standalone page just built',
      text: readFileSync(join(scratch, STANDALONE_TEMPLATE_FILE), 'utf8'),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs `make`, turning a PublishError into an error about `what` (a file the user named). */
function about<T>(what: string, make: () => T): T {
  try {
    return make();
  } catch (e) {
    if (e instanceof PublishError) throw new InputError(`${what}: ${e.message}`);
    throw e;
  }
}

async function main() {
  const o = options();
  const dataset = await readDataset(o.dataset);
  if (!o.story) throw new UsageError(`--story is required: ${storiesListed(dataset)}`);
  const storyId = o.story;
  const story = about(o.dataset, () => findStory(dataset, storyId));
  const template = await readTemplate(o.template);
  const html = about(template.name, () =>
    publishHtml(template.text, { dataset, positions: computeLayout(dataset) }, storyId),
  );
  try {
    writeFileSync(o.out, html);
  } catch (e) {
    throw new InputError(`cannot write ${o.out}: ${(e as Error).message}`);
  }
  const bytes = Buffer.byteLength(html);
  console.log(
    `wrote ${o.out} (${fileSize(bytes)}, ${bytes.toLocaleString('en')} bytes): “${story.title}”, ${story.steps.length} steps, opens offline`,
  );
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) {
    console.error(`publish: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(`publish: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
