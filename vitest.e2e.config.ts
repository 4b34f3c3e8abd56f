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
    // Two files at a time (ALLEGIANCE_E2E_WORKERS=1 for one): each file launches its own
    // Chromium and each test opens its own context; they share only the preview server. The
    // suite waits on Chromium's frames, the app's timers and its own round trips more than it
    // computes (about 425 s of CPU for about 720 s with one worker), so two cores run two files
    // in a fifth to a quarter less time, not half (Chromium's own threads already use the second
    // core): whole runs with two workers passed in 538 s (session 11, against 686 s with one)
    // and 535 s (session 12).
    maxWorkers: Number(process.env.ALLEGIANCE_E2E_WORKERS ?? 2),
    // A worker runs its files one after another in one process, so playwright-core and the
    // core modules the tests read are loaded once per worker rather than once per file. The
    // test files keep no global state between them: each closes the browser it launched.
    isolate: false,
  },
});
