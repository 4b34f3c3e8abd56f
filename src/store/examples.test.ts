/**
 * Fetching a shipped example (examples.ts): what the app gets from its data file, and what a
 * failed or wrong download says (the notice prefixes it with "Could not open “…”:").
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLES } from './examples';

const ucdp = EXAMPLES.find((e) => e.key === 'example:ucdp-nonstate')!;
const FILE = /^its data file \/assets\/ucdp-nonstate-[0-9a-f]{10}\.json /;

function serve(body: string, init: ResponseInit = {}) {
  const fetch = vi.fn((_url: string) => Promise.resolve(new Response(body, init)));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a shipped example’s data file', () => {
  it('is fetched from the URL the build gives, and read with its positions', async () => {
    const prepared = {
      dataset: { title: 'T', actors: [{ id: 'a' }], relations: [] },
      positions: [['a', 1.5, -2]],
    };
    const fetch = serve(JSON.stringify(prepared), {
      headers: { 'Content-Length': String(JSON.stringify(prepared).length) },
    });
    const progress: number[] = [];
    const { dataset, positions } = await ucdp.load({ onProgress: (done) => progress.push(done) });
    expect(fetch.mock.calls[0]![0]).toMatch(/ucdp-nonstate-[0-9a-f]{10}\.json$/);
    expect(dataset).toEqual(prepared.dataset);
    expect([...positions]).toEqual([['a', { x: 1.5, y: -2 }]]);
    expect(progress.at(-1)).toBe(1);
  });

  it('says which file could not be fetched, and the HTTP status', async () => {
    serve('Not Found', { status: 404, statusText: 'Not Found' });
    await expect(ucdp.load()).rejects.toThrow(
      new RegExp(`${FILE.source}could not be fetched \\(HTTP 404 Not Found\\)$`),
    );
  });

  it('says when the network failed', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(ucdp.load()).rejects.toThrow(
      new RegExp(`${FILE.source}could not be fetched \\(Failed to fetch\\)$`),
    );
  });

  it('says when the file is not JSON (a cut-off download) or not a prepared example', async () => {
    serve('{"dataset":{"actors":[');
    await expect(ucdp.load()).rejects.toThrow(new RegExp(`${FILE.source}is not valid JSON`));
    serve('{"dataset":{"actors":[]}}');
    await expect(ucdp.load()).rejects.toThrow(
      new RegExp(
        `${FILE.source}is not a prepared example \\(expected an object with dataset.actors, dataset.relations and positions lists\\)$`,
      ),
    );
  });

  it('lets an abandoned download end quietly, as an abort', async () => {
    const aborted = new AbortController();
    aborted.abort();
    vi.stubGlobal('fetch', (_: string, init: RequestInit) =>
      Promise.reject(init.signal!.reason as Error),
    );
    await expect(ucdp.load({ signal: aborted.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
