/**
 * Tells the app's other open tabs (same origin, so the same IndexedDB) that
 * the stored library changed, so each can re-read it. A message only says
 * that something changed: every tab re-reads the library itself, so all tabs
 * end with what is stored, whatever order messages and writes arrive in.
 *
 * BroadcastChannel where the browser has it; otherwise the `storage` event of
 * localStorage; where neither works (storage blocked), tabs are simply not
 * told and show the library as it was when they last read it.
 */

export interface LibraryChange {
  kind: 'saved' | 'renamed' | 'deleted';
  /** The stored dataset's id. */
  id: string;
}

const CHANNEL_NAME = 'allegiance-library';
/** The localStorage key whose changes carry messages when BroadcastChannel is missing. */
export const FALLBACK_KEY = 'allegiance-library-change';

const KINDS: readonly string[] = ['saved', 'renamed', 'deleted'] satisfies LibraryChange['kind'][];

/** A message from another tab, if it is one of ours (anything else is ignored). */
export function parseLibraryChange(data: unknown): LibraryChange | null {
  if (typeof data !== 'object' || data === null) return null;
  const { kind, id } = data as Record<string, unknown>;
  if (typeof kind !== 'string' || !KINDS.includes(kind) || typeof id !== 'string') return null;
  return { kind: kind as LibraryChange['kind'], id };
}

let channel: BroadcastChannel | null | undefined;

/** The tab's one channel (a channel never receives its own messages), or null without BroadcastChannel. */
function broadcastChannel(): BroadcastChannel | null {
  if (channel === undefined)
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
  return channel;
}

let sent = 0;

/** Tells the other tabs; call it once the change is committed to IndexedDB. */
export function announceLibraryChange(change: LibraryChange): void {
  const ch = broadcastChannel();
  if (ch) {
    ch.postMessage(change);
    return;
  }
  try {
    // The value must differ from the last one for the other tabs to get a `storage` event.
    localStorage.setItem(FALLBACK_KEY, JSON.stringify({ ...change, n: ++sent, at: Date.now() }));
  } catch {
    // Storage blocked or full: the other tabs see the change on their next reload.
  }
}

/** Calls `listener` for each change another tab announces; returns the unsubscribe function. */
export function onLibraryChangeElsewhere(listener: (change: LibraryChange) => void): () => void {
  const ch = broadcastChannel();
  if (ch) {
    const onMessage = (e: MessageEvent) => {
      const change = parseLibraryChange(e.data);
      if (change) listener(change);
    };
    ch.addEventListener('message', onMessage);
    return () => ch.removeEventListener('message', onMessage);
  }
  if (typeof window === 'undefined') return () => {};
  const onStorage = (e: StorageEvent) => {
    if (e.key !== FALLBACK_KEY || !e.newValue) return;
    let data: unknown;
    try {
      data = JSON.parse(e.newValue);
    } catch {
      return;
    }
    const change = parseLibraryChange(data);
    if (change) listener(change);
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
