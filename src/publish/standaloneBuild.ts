/**
 * Whether this code runs in the standalone build: one HTML file that presents a published story
 * (`standalone.html`, `vite build --mode standalone`; docs/ARCHITECTURE.md, "Publishing"). Vite
 * replaces the mode at build time, so what the standalone page leaves out (importing, the
 * library, the first-visit prompt) is dropped from its bundle.
 */
export const STANDALONE = import.meta.env.MODE === 'standalone';
