import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, runnerImport, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * `virtual:seed`: graph-data/seed.json validated and laid out at build time
 * (scripts/prepare-seed.ts), so the app's start does neither. The core is
 * loaded through Vite's module runner rather than bundled into this config.
 * A build writes the prepared seed into `index.html` as a JSON data element and the module
 * reads that element: the seed (85 kB) is drawn at start, so it must come without another
 * round trip, and as data in the page it is not downloaded, parsed and compiled as part of the
 * first chunk's JavaScript. The dev server and the unit tests, which have no built page, get the
 * seed as a JSON string in the module.
 */
function seedModule(): Plugin {
  const id = 'virtual:seed';
  const seedFile = here('./graph-data/seed.json');
  let building = false;
  const prepareSeed = async () =>
    (
      await runnerImport<typeof import('./scripts/prepare-seed')>(
        here('./scripts/prepare-seed.ts'),
        { configFile: false, logLevel: 'warn' },
      )
    ).module;
  return {
    name: 'allegiance-seed',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      this.addWatchFile(seedFile);
      const prepared = await prepareSeed();
      return building
        ? prepared.seedFromPageModuleSource()
        : prepared.seedModuleSource(readFileSync(seedFile, 'utf8'));
    },
    // An invalid seed throws here, which fails the build with every problem listed.
    async transformIndexHtml(html) {
      if (!building) return html;
      const prepared = await prepareSeed();
      return {
        html,
        tags: [
          {
            tag: 'script',
            attrs: { type: 'application/json', id: prepared.SEED_DATA_ID },
            children: prepared.seedElementText(readFileSync(seedFile, 'utf8')),
            injectTo: 'body',
          },
        ],
      };
    },
  };
}

/**
 * The shipped UCDP example (graph-data/examples/ucdp-nonstate/), validated at build time with its
 * positions (scripts/prepare-example.ts) and written as a static JSON file beside the app's
 * assets, which the app fetches only when the example is chosen: as data it is not parsed and
 * compiled as JavaScript, and it is not counted as the app's code. `virtual:example-ucdp-nonstate`
 * gives the app the file's URL; its name carries a hash of the example's files, so a new release
 * is never served from a stale cache. The dev server prepares the file when it is fetched (so
 * loading the module costs Vitest nothing); a build prepares it at once, so an invalid example
 * fails the build. The
 * standalone page, which has no dataset switcher, gets a null URL instead of a megabyte of data.
 */
function ucdpExampleAsset(): Plugin {
  const id = 'virtual:example-ucdp-nonstate';
  const dir = here('./graph-data/examples/ucdp-nonstate');
  const [datasetFile, layoutFile] = [`${dir}/dataset.json`, `${dir}/layout.json`];
  let standalone = false;
  let building = false;
  let base = '/';
  /** The example's files, read again on every use: the dev server follows edits of them. */
  const inputs = () => [readFileSync(datasetFile, 'utf8'), readFileSync(layoutFile, 'utf8')];
  const fileNameOf = ([dataset, layout]: string[]) =>
    `assets/ucdp-nonstate-${createHash('sha256').update(dataset!).update(layout!).digest('hex').slice(0, 10)}.json`;
  const prepared = async ([dataset, layout]: string[]) => {
    const { module } = await runnerImport<typeof import('./scripts/prepare-example')>(
      here('./scripts/prepare-example.ts'),
      { configFile: false, logLevel: 'warn' },
    );
    return module.exampleFileText(
      dataset!,
      layout!,
      'graph-data/examples/ucdp-nonstate/dataset.json',
    );
  };
  return {
    name: 'allegiance-example-ucdp-nonstate',
    configResolved(config) {
      standalone = config.mode === STANDALONE_MODE;
      building = config.command === 'build';
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url?.startsWith(`${base}assets/ucdp-nonstate-`)) return next();
        const texts = inputs();
        if (req.url.split('?')[0] !== `${base}${fileNameOf(texts)}`) return next();
        prepared(texts).then(
          (text) => {
            res.setHeader('Content-Type', 'application/json');
            res.end(text);
          },
          (error: unknown) => next(error),
        );
      });
    },
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      if (standalone) return 'export const exampleUrl = null;\n';
      this.addWatchFile(datasetFile);
      this.addWatchFile(layoutFile);
      const texts = inputs();
      const fileName = fileNameOf(texts);
      if (building) this.emitFile({ type: 'asset', fileName, source: await prepared(texts) });
      return `export const exampleUrl = ${JSON.stringify(`${base}${fileName}`)};\n`;
    },
  };
}

/** `new Worker(new URL('<file>', import.meta.url), { type: 'module' })`, as the app writes it. */
const MODULE_WORKER =
  /new Worker\(\s*new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)(\s*,\s*\{\s*type:\s*['"]module['"]\s*\})/g;

/**
 * Module workers as entries of the app's own build, sharing its chunks. Vite bundles each worker
 * apart, so the import worker carried zod, graphology, the dataset checks and the temporal index
 * a second time (114 of the app's 530 KiB of JS, gzipped). Here the worker's file is emitted as
 * one more entry chunk of the app's build: what it shares with the page comes from the same
 * chunks, which a module worker imports (from the HTTP cache when the page has loaded them).
 * Only `{ type: 'module' }` workers are taken (a classic worker cannot import); the dev server
 * and the standalone page (one HTML file, no chunks to share) keep Vite's own handling.
 * `tests/e2e/app-code.e2e.ts` checks the build: one copy of zod and graphology, none of React or
 * Cytoscape in what the worker loads.
 */
function workersShareChunks(): Plugin {
  const workerRefs = new Set<string>();
  /** Every chunk a worker may load (statically or not), known once the bundle is generated. */
  const chunksWorkersLoad = new Set<string>();
  return {
    name: 'allegiance-workers-share-chunks',
    enforce: 'pre',
    apply: (_, env) => env.command === 'build' && env.mode !== STANDALONE_MODE,
    // Vite runs a chunk's dynamic imports through a helper that first adds `<link
    // rel="modulepreload">` elements for the imported chunk's dependencies, reading `document`,
    // which a worker does not have: there the import threw a ReferenceError. A chunk a worker
    // may load (`store/library.ts` loads the edit code only to replay a journal) imports without
    // preloading: the imported chunk's dependencies come through its own static imports, one
    // level after another. On the page that costs round trips only where such a chunk imports
    // on demand (today also `import/limits.ts`, reading the start of a file over the limit).
    config: () => ({
      build: {
        modulePreload: {
          resolveDependencies: (_file, deps, { hostId }) =>
            chunksWorkersLoad.has(hostId) ? [] : deps,
        },
      },
    }),
    buildStart() {
      workerRefs.clear();
    },
    async transform(code, id) {
      if (!code.includes('new Worker(') || id.includes('/node_modules/')) return undefined;
      const found = [...code.matchAll(MODULE_WORKER)];
      if (found.length === 0) return undefined;
      let out = code;
      for (const [whole, , file, options] of found) {
        const worker = await this.resolve(file!, id);
        if (!worker) this.error(`the worker ${file} (in ${id}) does not resolve to a file`);
        const ref = this.emitFile({ type: 'chunk', id: worker.id });
        workerRefs.add(ref);
        out = out.replace(whole, `new Worker(import.meta.ROLLUP_FILE_URL_${ref}${options}`);
      }
      return { code: out, map: null };
    },
    // Before Vite's own generateBundle (this plugin is `pre`), which asks resolveDependencies.
    generateBundle(_, bundle) {
      chunksWorkersLoad.clear();
      const visit = (file: string) => {
        const chunk = bundle[file];
        if (chunksWorkersLoad.has(file) || chunk?.type !== 'chunk') return;
        chunksWorkersLoad.add(file);
        for (const imported of [...chunk.imports, ...chunk.dynamicImports]) visit(imported);
      };
      for (const ref of workerRefs) visit(this.getFileName(ref));
    },
  };
}

/** The mode of the standalone build; `src/publish/standaloneBuild.ts` reads it. */
const STANDALONE_MODE = 'standalone';
const STANDALONE_PAGE = 'standalone.html';

/**
 * `virtual:seed` in the standalone build: the dataset published into the page
 * (`src/publish/publishedSeed.ts`), so the app's own seed is not shipped with every story.
 */
function publishedSeedModule(): Plugin {
  return {
    name: 'allegiance-published-seed',
    resolveId: (source) =>
      source === 'virtual:seed' ? here('./src/publish/publishedSeed.ts') : undefined,
  };
}

/**
 * After the app's build, builds the standalone page (the app, its CSS and no seed, inlined into
 * one HTML file: docs/ARCHITECTURE.md, "Publishing") and writes it beside the app, where the
 * Export dialog fetches it and `npm run publish` reads it. It is built in a scratch folder so
 * that nothing else of that build lands among the app's files.
 */
function standalonePage(): Plugin {
  let outDir = '';
  return {
    name: 'allegiance-standalone-page',
    apply: (_, env) => env.command === 'build' && env.mode !== STANDALONE_MODE,
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const scratch = mkdtempSync(join(tmpdir(), 'allegiance-standalone-'));
      try {
        await build({
          configFile: here('./vite.config.ts'),
          mode: STANDALONE_MODE,
          logLevel: 'warn',
          build: { outDir: scratch, emptyOutDir: true },
        });
        copyFileSync(join(scratch, STANDALONE_PAGE), join(outDir, STANDALONE_PAGE));
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
  };
}

// Unit tests live beside the code (src/**/*.test.ts) and in tests/unit;
// browser tests have their own config (vitest.e2e.config.ts).
export default defineConfig(({ mode }) =>
  mode === STANDALONE_MODE
    ? {
        plugins: [react(), publishedSeedModule(), ucdpExampleAsset(), viteSingleFile()],
        // The page must need no other file: the favicon is inlined by standalone.html itself.
        publicDir: false,
        build: { target: 'es2022', rolldownOptions: { input: here(`./${STANDALONE_PAGE}`) } },
      }
    : {
        plugins: [
          react(),
          seedModule(),
          ucdpExampleAsset(),
          workersShareChunks(),
          standalonePage(),
        ],
        server: { host: '127.0.0.1', port: 5173 },
        preview: { host: '127.0.0.1', port: 4173 },
        build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
        test: {
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          // Property tests run hundreds of cases; on a loaded 2-core machine they need headroom.
          testTimeout: 30_000,
        },
      },
);
