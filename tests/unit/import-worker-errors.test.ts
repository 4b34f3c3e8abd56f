/**
 * Failures outside the data's own checks still end the import with an error
 * the panel shows: a file that cannot be read, a result the worker cannot
 * post, a worker that crashes or sends a message the page cannot read. The
 * worker runs here with a stand-in `self`; the page side with a stand-in
 * Worker whose events the test fires.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportResult } from '../../src/import/importTexts';
import type { WorkerMessage } from '../../src/import/import.worker';

const VALID = JSON.stringify({
  title: 'Small',
  actors: [
    { id: 'a', label: 'A', type: 'state' },
    { id: 'b', label: 'B', type: 'state' },
  ],
  relations: [{ id: 'r', source: 'a', target: 'b', kind: 'alliance', from: '2001' }],
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

/** Loads the worker module against a `self` whose postMessage the test controls. */
async function startWorker(postMessage: (m: WorkerMessage) => void) {
  const self = { postMessage, onmessage: null, onmessageerror: null } as {
    postMessage: typeof postMessage;
    onmessage: ((e: { data: { files: unknown[] } }) => Promise<void>) | null;
    onmessageerror: (() => void) | null;
  };
  vi.stubGlobal('self', self);
  await import('../../src/import/import.worker');
  return self;
}

const doneResult = (posted: WorkerMessage[]): ImportResult | undefined =>
  posted.flatMap((m) => (m.type === 'done' ? [m.result] : [])).at(-1);

describe('the import worker', () => {
  it('posts an error when the result cannot be posted (DataCloneError)', async () => {
    const posted: WorkerMessage[] = [];
    let refused = false;
    const self = await startWorker((m) => {
      // A valid dataset is sent as its head (this message), then parts.
      if (m.type === 'dataset' && !refused) {
        refused = true;
        throw new DOMException('#<Object> could not be cloned.', 'DataCloneError');
      }
      posted.push(m);
    });
    await self.onmessage!({ data: { files: [new File([VALID], 'small.json')] } });
    expect(doneResult(posted)?.errors.map((p) => p.message)).toEqual([
      'the result could not be passed back to the page: DataCloneError: #<Object> could not be cloned.',
    ]);
  });

  it('posts an error when a file cannot be read', async () => {
    const posted: WorkerMessage[] = [];
    const self = await startWorker((m) => posted.push(m));
    // What Chrome rejects with when the file changed on disk after it was picked.
    const gone = () =>
      Promise.reject(new DOMException('The requested file could not be read.', 'NotReadableError'));
    // Its start (read first, to detect a GDELT export to stream) cannot be read either.
    const unreadable = {
      name: 'gone.json',
      size: 10,
      arrayBuffer: gone,
      slice: () => ({ arrayBuffer: gone }),
    };
    await self.onmessage!({ data: { files: [unreadable] } });
    expect(doneResult(posted)).toEqual({
      errors: [
        {
          severity: 'error',
          path: '',
          message: 'the import stopped: NotReadableError: The requested file could not be read.',
        },
      ],
      warnings: [],
    });
  });

  it('still posts the result of a good import', async () => {
    const posted: WorkerMessage[] = [];
    const self = await startWorker((m) => posted.push(m));
    await self.onmessage!({ data: { files: [new File([VALID], 'small.json')] } });
    expect(doneResult(posted)).toBeUndefined();
    const head = posted.find((m) => m.type === 'dataset');
    expect(head?.type === 'dataset' && head.head.rest.title).toBe('Small');
    const parts = posted.filter((m) => m.type === 'part');
    expect(parts.length).toBe(head?.type === 'dataset' ? head.parts : -1);
    // The dataset ends, then the worker says nothing more will come (the page may end it).
    expect(posted.slice(-2)).toEqual([{ type: 'end' }, { type: 'closed' }]);
  });
});

/** A Worker that does nothing by itself: the test fires its events. */
class FakeWorker {
  static last: FakeWorker;
  onmessage: ((e: { data: WorkerMessage }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault: () => void }) => void) | null = null;
  onmessageerror: ((e: unknown) => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
}

async function startImport() {
  vi.stubGlobal('Worker', FakeWorker);
  const { runImport } = await import('../../src/import/runImport');
  const job = runImport([new File([VALID], 'small.json')], () => {});
  return { job, worker: FakeWorker.last };
}

describe('runImport', () => {
  it('a message the page cannot read ends the import with an error', async () => {
    const { job, worker } = await startImport();
    worker.onmessageerror!(new Event('messageerror'));
    expect((await job.result).errors.map((p) => p.message)).toEqual([
      'the result of the import could not be read by the page',
    ]);
    expect(worker.terminated).toBe(true);
  });

  it('a crash in the worker ends the import with its message', async () => {
    const { job, worker } = await startImport();
    worker.onerror!({
      message: 'Uncaught RangeError: Maximum call stack size exceeded',
      preventDefault() {},
    });
    expect((await job.result).errors.map((p) => p.message)).toEqual([
      'the import stopped unexpectedly: Uncaught RangeError: Maximum call stack size exceeded',
    ]);
  });

  it('cancel ends a job that never hears back', async () => {
    const { job, worker } = await startImport();
    job.cancel();
    await expect(job.result).rejects.toThrow('Import cancelled.');
    expect(worker.terminated).toBe(true);
  });
});
