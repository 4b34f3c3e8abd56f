/**
 * Builds the render benchmark's pages (bench/render/*.html) into bench/dist/render.
 * They import the real src/graph and src/core modules, bundled as the app bundles them.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./render'),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: process.env.BENCH_RENDER_OUT
      ? resolve(process.env.BENCH_RENDER_OUT)
      : here('./dist/render'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // BENCH_MINIFY=0 keeps names readable in CPU profiles; results use the minified build like the app.
    minify: process.env.BENCH_MINIFY !== '0',
    rollupOptions: {
      input: {
        adapter: here('./render/adapter.html'),
        naive: here('./render/naive.html'),
        vis: here('./render/vis.html'),
        sigma: here('./render/sigma.html'),
        edit: here('./render/edit.html'),
      },
    },
  },
});
