import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Unit tests live beside the code (src/**/*.test.ts) and in tests/unit;
// browser tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  plugins: [react()],
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
