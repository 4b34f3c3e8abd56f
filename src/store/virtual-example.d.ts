/** `virtual:example-ucdp-nonstate`, made by the Vite plugin in `vite.config.ts` (`scripts/prepare-example.ts`). */
declare module 'virtual:example-ucdp-nonstate' {
  /** The validated example and its positions, as JSON: `{ dataset, positions: [id, x, y][] }`; null in the standalone page. */
  export const exampleJson: string | null;
}
