/** `virtual:example-ucdp-nonstate`, made by the Vite plugin in `vite.config.ts` (`scripts/prepare-example.ts`). */
declare module 'virtual:example-ucdp-nonstate' {
  /**
   * Where the prepared example is served: a JSON file `{ dataset, positions: [id, x, y][] }`
   * written beside the app's assets; null in the standalone page, which does not ship it.
   */
  export const exampleUrl: string | null;
}
