import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium through playwright-core, against the
// built app (dist/) served by `vite preview` on 127.0.0.1.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/serve.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
