import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
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

// Unit tests live beside the code (src/**/*.test.ts) and in tests/unit;
// browser tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  plugins: [react(), seedModule()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    // Property tests run hundreds of cases; on a loaded 2-core machine they need headroom.
    testTimeout: 30_000,
  },
});
