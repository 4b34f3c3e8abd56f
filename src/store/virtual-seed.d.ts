/** `virtual:seed`, made by the Vite plugin in `scripts/seed-module.ts`. */
declare module 'virtual:seed' {
  /** The validated seed dataset and its positions, as JSON: `{ dataset, positions: [id, x, y][] }`. */
  export const seedJson: string;
}
