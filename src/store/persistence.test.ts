/**
 * The edit-mode mark: kept per tab (sessionStorage), so a reload of the tab that was editing
 * resumes edit mode and any other tab opens the dataset read-only; the mark older versions kept
 * in localStorage, shared by every tab, is ignored and removed; storage that is turned off or
 * full loses the mark and nothing else.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetDataset, loadEditingOn, saveEditingOn } from './persistence';

/** A Web Storage area as the browser keeps it (Node has none), or one that refuses every call. */
function storageArea(refuses = false) {
  const items = new Map<string, string>();
  const refuse = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return {
    items,
    getItem: (k: string) => (refuses ? refuse() : (items.get(k) ?? null)),
    setItem: (k: string, v: string) => (refuses ? refuse() : void items.set(k, v)),
    removeItem: (k: string) => (refuses ? refuse() : void items.delete(k)),
  };
}

/** One tab: its own sessionStorage, the browser's localStorage shared with other tabs. */
function openTab(local: ReturnType<typeof storageArea>, session = storageArea()) {
  vi.stubGlobal('localStorage', local);
  vi.stubGlobal('sessionStorage', session);
  return session;
}

afterEach(() => vi.unstubAllGlobals());

describe('the edit-mode mark', () => {
  it('comes back on a reload of the tab that was editing, and not in another tab', () => {
    const local = storageArea();
    const editingTab = openTab(local);
    expect(saveEditingOn('d1', true)).toBe(true);
    expect(loadEditingOn('d1')).toBe(true); // the same tab, reloaded
    expect(loadEditingOn('d2')).toBe(false);
    expect(local.items.size).toBe(0);

    openTab(local); // another tab, or a new one opened later
    expect(loadEditingOn('d1')).toBe(false);

    openTab(local, editingTab);
    expect(saveEditingOn('d1', false)).toBe(true);
    expect(loadEditingOn('d1')).toBe(false);
  });

  it('ignores and removes the mark older versions kept for every tab in localStorage', () => {
    const local = storageArea();
    local.items.set('allegiance:editing:d1', 'on');
    local.items.set('allegiance:view:d1', '?date=2001');
    openTab(local);
    expect(loadEditingOn('d1')).toBe(false);
    expect([...local.items.keys()]).toEqual(['allegiance:view:d1']);
  });

  it('is forgotten with its dataset', () => {
    const local = storageArea();
    local.items.set('allegiance:editing:d1', 'on');
    const session = openTab(local);
    saveEditingOn('d1', true);
    forgetDataset('d1');
    expect(session.items.size).toBe(0);
    expect(local.items.size).toBe(0);
  });

  it('is lost, and nothing thrown, when storage is turned off or full', () => {
    openTab(storageArea(true), storageArea(true));
    expect(saveEditingOn('d1', true)).toBe(false);
    expect(loadEditingOn('d1')).toBe(false);
    expect(() => forgetDataset('d1')).not.toThrow();
    // No storage at all (a browser without Web Storage).
    vi.stubGlobal('sessionStorage', undefined);
    vi.stubGlobal('localStorage', undefined);
    expect(() => saveEditingOn('d1', true)).not.toThrow();
    expect(loadEditingOn('d1')).toBe(false);
  });
});
