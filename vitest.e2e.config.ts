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
    // One file at a time by default: the timing tests (playback, video export, the large
    // graph's frames) have been run that way. The whole suite takes about 425 s of CPU for
    // about 720 s on a quiet machine (it waits on Chromium's frames, the app's timers and its
    // own round trips), so on two cores two files at once should take much less:
    // ALLEGIANCE_E2E_WORKERS=2 runs them so (each file launches its own Chromium, each test
    // opens its own context; they share only the preview server). Make it the default once two
    // whole runs that way pass on a quiet machine. Session 11: one whole run passed in 538 s
    // against 686 s for one worker (CPU pressure 84% while it ran): a fifth less, not half, as
    // Chromium's own threads already use the second core.
    maxWorkers: Number(process.env.ALLEGIANCE_E2E_WORKERS ?? 1),
    // A worker runs its files one after another in one process, so playwright-core and the
    // core modules the tests read are loaded once per worker rather than once per file. The
    // test files keep no global state between them: each closes the browser it launched.
    isolate: false,
  },
});
