/**
 * The cross-tab channel: another tab's announcement reaches the listener, the
 * tab never hears its own, foreign messages are ignored, and without
 * BroadcastChannel the `storage` event carries it (or, with no storage either,
 * nothing breaks). Node has BroadcastChannel, so a second channel plays the
 * other tab.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseLibraryChange, type LibraryChange } from './libraryChannel';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('parseLibraryChange', () => {
  it('reads our messages and ignores anything else', () => {
    expect(parseLibraryChange({ kind: 'renamed', id: 'a1' })).toEqual({
      kind: 'renamed',
      id: 'a1',
    });
    for (const other of [
      null,
      'renamed',
      42,
      {},
      { kind: 'renamed' },
      { kind: 'wiped', id: 'a' },
      { kind: 'saved', id: 7 },
    ])
      expect(parseLibraryChange(other)).toBeNull();
  });
});

const nextMessage = (channel: BroadcastChannel) =>
  new Promise<unknown>((resolve) =>
    channel.addEventListener('message', (e) => resolve(e.data), { once: true }),
  );

describe('with BroadcastChannel', () => {
  it('carries announcements between tabs, not back to the sender', async () => {
    const { announceLibraryChange, onLibraryChangeElsewhere } = await import('./libraryChannel');
    const otherTab = new BroadcastChannel('allegiance-library');
    try {
      const heard: LibraryChange[] = [];
      const stop = onLibraryChangeElsewhere((c) => heard.push(c));
      const sent = nextMessage(otherTab);
      announceLibraryChange({ kind: 'deleted', id: 'd1' });
      await expect(sent).resolves.toEqual({ kind: 'deleted', id: 'd1' });

      const received = new Promise<LibraryChange>((resolve) => {
        const stopWaiting = onLibraryChangeElsewhere((c) => {
          stopWaiting();
          resolve(c);
        });
      });
      otherTab.postMessage({ kind: 'wiped', id: 'x' }); // not ours: ignored
      otherTab.postMessage({ kind: 'saved', id: 's1' });
      await expect(received).resolves.toEqual({ kind: 'saved', id: 's1' });
      expect(heard).toEqual([{ kind: 'saved', id: 's1' }]); // not its own 'deleted'
      stop();
    } finally {
      otherTab.close();
    }
  });
});

describe('without BroadcastChannel', () => {
  function fakeWindow(storage: Storage | undefined) {
    const listeners = new Set<(e: StorageEvent) => void>();
    vi.stubGlobal('BroadcastChannel', undefined);
    vi.stubGlobal('localStorage', storage);
    vi.stubGlobal('window', {
      addEventListener: (_: string, f: (e: StorageEvent) => void) => listeners.add(f),
      removeEventListener: (_: string, f: (e: StorageEvent) => void) => listeners.delete(f),
    });
    return listeners;
  }

  it('writes announcements to localStorage and reads other tabs’ storage events', async () => {
    const written: [string, string][] = [];
    const listeners = fakeWindow({
      setItem: (k: string, v: string) => void written.push([k, v]),
    } as Storage);
    const { announceLibraryChange, onLibraryChangeElsewhere, FALLBACK_KEY } =
      await import('./libraryChannel');
    announceLibraryChange({ kind: 'renamed', id: 'r1' });
    announceLibraryChange({ kind: 'renamed', id: 'r1' });
    expect(written.map(([k]) => k)).toEqual([FALLBACK_KEY, FALLBACK_KEY]);
    // Each value differs, or a repeated change would raise no event in the other tabs.
    expect(written[0]![1]).not.toBe(written[1]![1]);
    expect(parseLibraryChange(JSON.parse(written[0]![1]))).toEqual({ kind: 'renamed', id: 'r1' });

    const heard: LibraryChange[] = [];
    const stop = onLibraryChangeElsewhere((c) => heard.push(c));
    const fire = (key: string, newValue: string | null) =>
      listeners.forEach((f) => f({ key, newValue } as StorageEvent));
    fire('positions', '{"kind":"saved","id":"p"}');
    fire(FALLBACK_KEY, 'not json');
    fire(FALLBACK_KEY, null);
    fire(FALLBACK_KEY, '{"kind":"saved","id":"s2","n":1}');
    expect(heard).toEqual([{ kind: 'saved', id: 's2' }]);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('does nothing harmful when storage is blocked too', async () => {
    fakeWindow({
      setItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    } as unknown as Storage);
    const { announceLibraryChange } = await import('./libraryChannel');
    expect(() => announceLibraryChange({ kind: 'saved', id: 's' })).not.toThrow();
  });
});
