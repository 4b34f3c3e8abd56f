/**
 * Keeps what the user arranged per dataset (dragged node positions, the chosen
 * layout, the last view) in localStorage, so it survives reloads; datasets
 * themselves live in IndexedDB (library.ts). Whether a dataset is being edited
 * is kept in sessionStorage instead: it belongs to the tab that edits, not to
 * every tab of the browser. Storage may be unavailable (private mode, quota):
 * reads then return nothing and writes report failure.
 */
import type { Point } from '../core/layout';
import { isLayoutName, type LayoutName } from '../core/layouts';

const key = (datasetKey: string) => `allegiance:positions:${datasetKey}`;
const viewKey = (datasetKey: string) => `allegiance:view:${datasetKey}`;
const layoutKey = (datasetKey: string) => `allegiance:layout:${datasetKey}`;
const editingKey = (datasetKey: string) => `allegiance:editing:${datasetKey}`;

/** The last view (URL query) of a dataset, to reopen it where the user left it. */
export function loadLastView(datasetKey: string): string | null {
  try {
    return globalThis.localStorage?.getItem(viewKey(datasetKey)) ?? null;
  } catch {
    return null;
  }
}

export function saveLastView(datasetKey: string, query: string): boolean {
  try {
    globalThis.localStorage?.setItem(viewKey(datasetKey), query);
    return true;
  } catch {
    return false;
  }
}

/**
 * The layout the user chose for a dataset (kept apart from the last view: a link that names
 * no layout still opens the dataset in the user's choice, as dragged positions apply to every
 * link). Null when none was kept or what was kept is not a layout.
 */
export function loadLayout(datasetKey: string): LayoutName | null {
  try {
    const name = globalThis.localStorage?.getItem(layoutKey(datasetKey));
    return isLayoutName(name) ? name : null;
  } catch {
    return null;
  }
}

export function saveLayout(datasetKey: string, name: LayoutName): boolean {
  try {
    globalThis.localStorage?.setItem(layoutKey(datasetKey), name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether this tab was editing the dataset when its page was last left: a reload then reopens
 * it in edit mode, as a desktop editor reopens a document as it was. The mark is per tab
 * (sessionStorage survives a reload, not a new tab), so another tab opened on a dataset being
 * edited shows it read-only. A mark older versions kept in localStorage, which every tab saw,
 * is removed unread.
 */
export function loadEditingOn(datasetKey: string): boolean {
  forgetSharedEditingMark(datasetKey);
  try {
    return globalThis.sessionStorage?.getItem(editingKey(datasetKey)) === 'on';
  } catch {
    return false;
  }
}

/** Remembers, for this tab, that edit mode is on for a dataset, or forgets it (`on` false). */
export function saveEditingOn(datasetKey: string, on: boolean): boolean {
  try {
    if (on) globalThis.sessionStorage?.setItem(editingKey(datasetKey), 'on');
    else globalThis.sessionStorage?.removeItem(editingKey(datasetKey));
    return true;
  } catch {
    return false;
  }
}

function forgetSharedEditingMark(datasetKey: string): void {
  try {
    globalThis.localStorage?.removeItem(editingKey(datasetKey));
  } catch {
    // Nothing was stored if storage is unavailable.
  }
}

/** Forgets what was kept for a dataset (when it is deleted). */
export function forgetDataset(datasetKey: string): void {
  try {
    globalThis.localStorage?.removeItem(key(datasetKey));
    globalThis.localStorage?.removeItem(viewKey(datasetKey));
    globalThis.localStorage?.removeItem(layoutKey(datasetKey));
  } catch {
    // Nothing was stored if storage is unavailable.
  }
  forgetSharedEditingMark(datasetKey);
  saveEditingOn(datasetKey, false);
}

export function loadPositions(datasetKey: string): Map<string, Point> {
  try {
    const raw = globalThis.localStorage?.getItem(key(datasetKey));
    if (!raw) return new Map();
    const parsed: unknown = JSON.parse(raw);
    const out = new Map<string, Point>();
    if (typeof parsed !== 'object' || parsed === null) return out;
    for (const [id, p] of Object.entries(parsed)) {
      if (typeof p?.x === 'number' && typeof p?.y === 'number' && Number.isFinite(p.x + p.y))
        out.set(id, { x: p.x, y: p.y });
    }
    return out;
  } catch {
    return new Map();
  }
}

/** Saves positions; false when the browser refused (quota, private mode). */
export function savePositions(datasetKey: string, positions: ReadonlyMap<string, Point>): boolean {
  try {
    const obj: Record<string, Point> = Object.create(null);
    for (const [id, p] of positions) obj[id] = { x: Math.round(p.x), y: Math.round(p.y) };
    globalThis.localStorage?.setItem(key(datasetKey), JSON.stringify(obj));
    return true;
  } catch {
    return false;
  }
}
