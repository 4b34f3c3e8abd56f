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
 */
function seedModule(): Plugin {
  const id = 'virtual:seed';
  const seedFile = here('./graph-data/seed.json');
  return {
    name: 'allegiance-seed',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      this.addWatchFile(seedFile);
      const { module } = await runnerImport<typeof import('./scripts/prepare-seed')>(
        here('./scripts/prepare-seed.ts'),
        { configFile: false, logLevel: 'warn' },
      );
      return module.seedModuleSource(readFileSync(seedFile, 'utf8'));
    },
  };
}

/**
 * `virtual:example-ucdp-nonstate`: the shipped UCDP example
 * (graph-data/examples/ucdp-nonstate/) validated at build time with its
 * positions (scripts/prepare-example.ts). The app imports it only when the
 * example is chosen, so it is a chunk of its own; the standalone page, which
 * has no dataset switcher, gets an empty module instead of a megabyte of data.
 */
function ucdpExampleModule(): Plugin {
  const id = 'virtual:example-ucdp-nonstate';
  const dir = here('./graph-data/examples/ucdp-nonstate');
  let standalone = false;
  return {
    name: 'allegiance-example-ucdp-nonstate',
    configResolved(config) {
      standalone = config.mode === STANDALONE_MODE;
    },
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      if (standalone) return 'export const exampleJson = null;\n';
      const [datasetFile, layoutFile] = [`${dir}/dataset.json`, `${dir}/layout.json`];
      this.addWatchFile(datasetFile);
      this.addWatchFile(layoutFile);
      const { module } = await runnerImport<typeof import('./scripts/prepare-example')>(
        here('./scripts/prepare-example.ts'),
        { configFile: false, logLevel: 'warn' },
      );
      return module.exampleModuleSource(
        readFileSync(datasetFile, 'utf8'),
        readFileSync(layoutFile, 'utf8'),
        'graph-data/examples/ucdp-nonstate/dataset.json',
      );
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
        plugins: [react(), publishedSeedModule(), ucdpExampleModule(), viteSingleFile()],
        // The page must need no other file: the favicon is inlined by standalone.html itself.
        publicDir: false,
        build: { target: 'es2022', rolldownOptions: { input: here(`./${STANDALONE_PAGE}`) } },
      }
    : {
        plugins: [react(), seedModule(), ucdpExampleModule(), standalonePage()],
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
