/**
 * `virtual:seed`, made by the Vite plugin `seedModule` (vite.config.ts) from
 * `scripts/prepare-seed.ts`: in a build, the text of index.html's seed data element.
 */
declare module 'virtual:seed' {
  /** The validated seed dataset and its positions, as JSON: `{ dataset, positions: [id, x, y][] }`. */
  export const seedJson: string;
}
