/**
 * The example datasets shipped with the app beside the seed: published data,
 * validated and laid out at build time, each a static JSON file fetched only
 * when chosen (`vite.config.ts`, `scripts/prepare-example.ts`). Each names
 * where its data comes from, for the line the switcher shows while it is open.
 */
import { exampleUrl as ucdpNonstateUrl } from 'virtual:example-ucdp-nonstate';
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

export interface LoadOptions {
  /** Stops the download (another dataset was chosen meanwhile). */
  signal?: AbortSignal;
  /** The share of the file received, 0 to 1, as it arrives (when the server says its size). */
  onProgress?: (done: number) => void;
}

export interface Example {
  /** The dataset key (store, URL): never a library id, which are UUIDs. */
  key: string;
  /** The name the switcher shows. */
  name: string;
  attribution: Attribution;
  /** Fetches the example; rejects with what went wrong, naming the file. */
  load: (options?: LoadOptions) => Promise<{ dataset: Dataset; positions: Map<string, Point> }>;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The response's text, read in chunks so that the share received can be reported. */
async function readText(response: Response, onProgress?: (done: number) => void) {
  const size = Number(response.headers.get('Content-Length'));
  if (!response.body || !onProgress || !(size > 0)) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let received = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    received += chunk.value.byteLength;
    text += decoder.decode(chunk.value, { stream: true });
    // A compressed response's length is the compressed size: never report past the end.
    onProgress(Math.min(received / size, 1));
  }
  return text + decoder.decode();
}

/**
 * Fetches a prepared example (`scripts/prepare-example.ts`): `{ dataset, positions }`. The file
 * is the app's own, validated at build time; what is checked here is that the fetch worked and
 * that the file is that shape, so that a failed or cut-off download is said as such.
 */
async function fetchExample(url: string | null, name: string, options: LoadOptions = {}) {
  if (url === null) throw new Error(`the example “${name}” is not included in this page`);
  const response = await fetch(url, { signal: options.signal }).catch((e: unknown) => {
    if (options.signal?.aborted) throw e;
    throw new Error(`its data file ${url} could not be fetched (${messageOf(e)})`, { cause: e });
  });
  if (!response.ok)
    throw new Error(
      `its data file ${url} could not be fetched (HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''})`,
    );
  const text = await readText(response, options.onProgress).catch((e: unknown) => {
    if (options.signal?.aborted) throw e;
    throw new Error(`its data file ${url} was cut off while downloading (${messageOf(e)})`, {
      cause: e,
    });
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`its data file ${url} is not valid JSON (${messageOf(e)})`, { cause: e });
  }
  const { dataset, positions } = (parsed ?? {}) as {
    dataset?: { actors?: unknown; relations?: unknown };
    positions?: unknown;
  };
  if (
    !Array.isArray(dataset?.actors) ||
    !Array.isArray(dataset.relations) ||
    !Array.isArray(positions)
  )
    throw new Error(
      `its data file ${url} is not a prepared example (expected an object with dataset.actors, dataset.relations and positions lists)`,
    );
  return {
    dataset: dataset as unknown as Dataset,
    positions: new Map(
      (positions as [string, number, number][]).map(([id, x, y]) => [id, { x, y }]),
    ),
  };
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
        load: (options) => fetchExample(ucdpNonstateUrl, UCDP_NONSTATE_NAME, options),
      },
    ];

/** The example a dataset key names, if it names one. */
export function exampleOf(key: string): Example | undefined {
  return EXAMPLES.find((e) => e.key === key);
}
