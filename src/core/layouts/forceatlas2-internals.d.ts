/**
 * Types for the two modules of graphology-layout-forceatlas2 that `forceAtlas2.ts` uses
 * directly (the package ships types for its entry point only). Both are plain CommonJS files
 * of the package, listed in its `files`: one iteration on the flat matrices, and the defaults
 * every run starts from. Not its documented API: package.json pins the version, and
 * `forceAtlas2.test.ts` fails, naming them, if a run on them stops matching the library's own.
 */
declare module 'graphology-layout-forceatlas2/iterate.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  /** One iteration on the node matrix (10 numbers per node) and edge matrix (3 per edge). */
  export default function iterate(
    settings: Required<ForceAtlas2Settings>,
    nodes: Float32Array,
    edges: Float32Array,
  ): void;
}

declare module 'graphology-layout-forceatlas2/defaults.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
  const defaults: Required<ForceAtlas2Settings>;
  export default defaults;
}
