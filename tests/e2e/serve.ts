/**
 * Global setup of the browser tests: serves the built app (dist/) with
 * `vite preview` on 127.0.0.1 and hands its URL to the tests.
 */
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  // ALLEGIANCE_DIST lets parallel runs serve their own build.
  const outDir = process.env.ALLEGIANCE_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`))
    throw new Error(`${outDir}/ is missing: run \`npm run build\` first (npm run test:e2e does).`);
  const server = await preview({
    build: { outDir },
    preview: { host: '127.0.0.1', port: 4180, strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  project.provide('baseURL', url);
  return async () => {
    await server.close();
  };
}
