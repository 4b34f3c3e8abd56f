/**
 * The example datasets shipped with the app beside the seed: published data,
 * validated and laid out at build time, each a chunk of its own fetched only
 * when chosen (`virtual:example-*` in `vite.config.ts`). Each names where its
 * data comes from, for the line the switcher shows while it is open.
 */
import type { Point } from '../core/layout';
import type { Dataset } from '../core/schema';
import { STANDALONE } from '../publish/standaloneBuild';

export interface Attribution {
  /** Who publishes the data and which release: "UCDP Non-State Conflict Dataset 22.1". */
  data: string;
  producer: string;
  licence: string;
  licenceUrl: string;
  /** Where to read about the data and get it. */
  url: string;
}

export interface Example {
  /** The dataset key (store, URL): never a library id, which are UUIDs. */
  key: string;
  /** The name the switcher shows. */
  name: string;
  attribution: Attribution;
  load: () => Promise<{ dataset: Dataset; positions: Map<string, Point> }>;
}

/** Parses a prepared example's JSON (`scripts/prepare-example.ts`). */
function unpack(json: string | null, name: string) {
  if (json === null) throw new Error(`The example “${name}” is not included in this page.`);
  const { dataset, positions } = JSON.parse(json) as {
    dataset: Dataset;
    positions: [string, number, number][];
  };
  return { dataset, positions: new Map(positions.map(([id, x, y]) => [id, { x, y }])) };
}

const UCDP_NONSTATE_NAME = 'UCDP Non-State conflicts 1989–2021';

export const EXAMPLES: readonly Example[] = STANDALONE
  ? []
  : [
      {
        key: 'example:ucdp-nonstate',
        name: UCDP_NONSTATE_NAME,
        attribution: {
          data: 'UCDP Non-State Conflict Dataset 22.1',
          producer: 'Uppsala Conflict Data Program (UCDP)',
          licence: 'CC BY 4.0',
          licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
          url: 'https://ucdp.uu.se/downloads/',
        },
        load: () =>
          import('virtual:example-ucdp-nonstate').then((m) =>
            unpack(m.exampleJson, UCDP_NONSTATE_NAME),
          ),
      },
    ];

/** The example a dataset key names, if it names one. */
export function exampleOf(key: string): Example | undefined {
  return EXAMPLES.find((e) => e.key === key);
}
