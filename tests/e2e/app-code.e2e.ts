/**
 * The built app ships each package's code once. The import worker is an entry of the app's own
 * build (vite.config.ts, `workersShareChunks`): it imports the chunks it shares with the page
 * (zod, graphology, the dataset checks) instead of carrying copies of them, and none of the
 * page's UI code (React, Cytoscape), which it never runs. Read from the build the browser tests
 * serve (ALLEGIANCE_DIST, or dist/); in the browser, an import runs on those chunks, and fails
 * with a notice, the graph on screen kept, when one of them cannot be fetched. The seed is data
 * in index.html (vite.config.ts, `seedModule`), not a string in the first chunk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

const assets = join(process.env.ALLEGIANCE_DIST ?? 'dist', 'assets');
const code = new Map(
  readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => [file, readFileSync(join(assets, file), 'utf8')]),
);

/** The files holding a string that one package writes once in its source (minifiers keep strings). */
const filesWith = (marker: string) => [...code].filter(([, text]) => text.includes(marker));

const STATIC_IMPORT = /(?:from|import)\s*["']\.\/([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*[`"']\.\/([^`"']+\.js)[`"']\s*\)/g;

/** A chunk and every chunk it imports statically (and with `dynamic`, also on demand), by file name. */
function staticGraph(entry: string, { dynamic = false } = {}): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = code.get(file);
    if (text === undefined) throw new Error(`${file} is imported but not in ${assets}`);
    seen.add(file);
    for (const [, imported] of text.matchAll(STATIC_IMPORT)) visit(imported!);
    if (dynamic) for (const [, imported] of text.matchAll(DYNAMIC_IMPORT)) visit(imported!);
  };
  visit(entry);
  return seen;
}

/** The import worker's file (named after src/import/import.worker.ts), which the page starts. */
function workerEntry(): string {
  const workers = [...code.keys()].filter((file) => file.startsWith('import.worker-'));
  expect(workers, 'one import worker file').toHaveLength(1);
  const startedBy = [...code].filter(
    ([file, text]) => file !== workers[0] && text.includes(workers[0]!),
  );
  expect(startedBy.length, 'a page chunk names the worker file').toBeGreaterThan(0);
  return workers[0]!;
}

// What each package writes once: zod's error class name, graphology's error name, React's
// element tag, the class Cytoscape gives its container.
const SHARED = { zod: '$ZodError', graphology: 'GraphError' };
const PAGE_ONLY = {
  react: 'react.transitional.element',
  cytoscape: '__________cytoscape_container',
};

describe('the app’s code', () => {
  const worker = workerEntry();
  const workerLoads = staticGraph(worker);

  for (const [pkg, marker] of Object.entries(SHARED))
    it(`holds one copy of ${pkg}, outside the import worker’s own file`, () => {
      const holders = filesWith(marker).map(([file]) => file);
      expect(holders).toHaveLength(1);
      expect(holders[0]).not.toBe(worker);
    });

  it('has the import worker validate with the page’s zod', () => {
    const pageZod = filesWith(SHARED.zod)
      .map(([file]) => file)
      .filter((file) => file !== worker);
    expect(pageZod).toHaveLength(1);
    expect(workerLoads).toContain(pageZod[0]);
  });

  // Vite's helper for a dynamic import with dependencies preloads them through `document`,
  // which a worker does not have: such an import threw there (vite.config.ts,
  // `workersShareChunks`).
  it('has no dynamic import the import worker may run go through the page’s preload helper', () => {
    const workerMayLoad = staticGraph(worker, { dynamic: true });
    expect(workerMayLoad.size).toBeGreaterThan(workerLoads.size);
    const preloading = [...workerMayLoad].filter((file) =>
      code.get(file)!.includes('__vite__mapDeps('),
    );
    expect(preloading).toEqual([]);
  });

  for (const [pkg, marker] of Object.entries(PAGE_ONLY))
    it(`keeps ${pkg} out of what the import worker loads`, () => {
      expect(filesWith(marker).length, `${pkg} is in the build`).toBeGreaterThan(0);
      const inWorker = filesWith(marker).filter(([file]) => workerLoads.has(file));
      expect(inWorker.map(([file]) => file)).toEqual([]);
    });
});

describe('the seed', () => {
  const html = readFileSync(join(process.env.ALLEGIANCE_DIST ?? 'dist', 'index.html'), 'utf8');
  const element = /<script type="application\/json" id="allegiance-seed">([^<]*)<\/script>/.exec(
    html,
  );
  const seed = JSON.parse(element?.[1] ?? 'null') as { dataset: { title: string } } | null;

  it('is a data element of index.html, drawn from there, and in none of the JavaScript', async () => {
    expect(seed?.dataset.title, 'index.html carries the seed').toMatch(/Taliban/);
    expect(filesWith(JSON.stringify(seed!.dataset.title).slice(1, -1))).toEqual([]);
    const browser = await launchBrowser();
    try {
      const page = await openApp(browser);
      expect(await page.locator('h1').textContent()).toBe(seed!.dataset.title);
      expect(await page.evaluate(() => window.__allegiance!.drawnActors().length)).toBeGreaterThan(
        10,
      );
    } finally {
      await browser.close();
    }
  });
});

describe('the import worker on the page’s chunks', () => {
  const datasetFile = (title: string) => ({
    name: 'states.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        title,
        actors: [
          { id: 'north', label: 'Northland', type: 'state' },
          { id: 'south', label: 'Southland', type: 'state' },
        ],
        relations: [{ id: 'r1', source: 'north', target: 'south', kind: 'alliance', from: '2000' }],
      }),
    ),
  });
  const [zodChunk] = filesWith(SHARED.zod).map(([name]) => name);

  it('imports with them, and fails with a notice, keeping the graph, when one cannot be fetched', async () => {
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await openApp(context as unknown as Browser);
      const input = page.locator('input[type=file][aria-label="Choose files to import"]');
      await input.setInputFiles(datasetFile('Two states'));
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Two states');
      expect(await page.evaluate(() => window.__allegiance!.drawnActors())).toEqual([
        'north',
        'south',
      ]);

      // The page holds its own copy of the chunk by now (it reads remembered column mappings
      // with zod); a new worker fetches it again, and that fetch fails. Routing turns the
      // HTTP cache off, so the request reaches the route.
      await context.route(
        (url) => url.pathname.endsWith(`/assets/${zodChunk}`),
        (route) => route.abort('connectionrefused'),
      );
      await input.setInputFiles(datasetFile('Three states'));
      await page.getByText('the import’s code could not be loaded').waitFor();
      expect(await page.locator('h1').textContent()).toBe('Two states');
      expect(await page.evaluate(() => window.__allegiance!.drawnActors())).toEqual([
        'north',
        'south',
      ]);
    } finally {
      await browser.close();
    }
  });
});
