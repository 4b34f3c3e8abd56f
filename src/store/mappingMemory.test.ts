import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { headerKey, type ColumnMapping } from '../core/io/column-mapping';
import {
  loadRememberedMappings,
  MAX_REMEMBERED_MAPPINGS,
  rememberMapping,
  rememberUsedMapping,
} from './mappingMemory';

/** localStorage as the browser keeps it: strings by key, and a quota that can be reached. */
function fakeStorage(quota = Infinity) {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (v.length > quota) throw new DOMException('quota exceeded', 'QuotaExceededError');
      items.set(k, v);
    },
    removeItem: (k: string) => void items.delete(k),
  };
}

const mapping = (source: number): ColumnMapping => ({
  shape: 'events',
  scoreScale: 'goldstein',
  columns: { source, target: 1, date: 2, score: 3 },
});

describe('remembered column mappings', () => {
  let storage: ReturnType<typeof fakeStorage>;
  beforeEach(() => {
    storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('remembers a mapping per header, the latest first, replacing the header’s earlier one', () => {
    expect(rememberMapping(headerKey(['a', 'b']), mapping(0))).toBe(true);
    expect(rememberMapping(headerKey(['c', 'd']), mapping(0))).toBe(true);
    expect(rememberMapping(headerKey(['A', 'B']), mapping(4))).toBe(true);
    expect(loadRememberedMappings()).toEqual([
      [headerKey(['a', 'b']), mapping(4)],
      [headerKey(['c', 'd']), mapping(0)],
    ]);
  });

  it(`keeps the ${MAX_REMEMBERED_MAPPINGS} most recently used`, () => {
    for (let i = 0; i <= MAX_REMEMBERED_MAPPINGS; i++)
      rememberMapping(headerKey([`h${i}`]), mapping(0));
    const kept = loadRememberedMappings();
    expect(kept).toHaveLength(MAX_REMEMBERED_MAPPINGS);
    expect(kept[0]![0]).toBe(headerKey([`h${MAX_REMEMBERED_MAPPINGS}`]));
    expect(kept.some(([k]) => k === headerKey(['h0']))).toBe(false);
  });

  it('reads nothing from storage it cannot trust', () => {
    storage.items.set('allegiance:column-mappings', '{not json');
    expect(loadRememberedMappings()).toEqual([]);
    storage.items.set(
      'allegiance:column-mappings',
      JSON.stringify([{ header: 'x', mapping: { ...mapping(0), columns: { source: -1 } } }]),
    );
    expect(loadRememberedMappings()).toEqual([]);
  });

  it('says so when the browser refuses to store, unless the mapping was already remembered', () => {
    vi.stubGlobal('localStorage', fakeStorage(10));
    const table = {
      file: 't.csv',
      delimiter: ',' as const,
      header: ['a', 'b'],
      rows: [],
      totalRows: 0,
    };
    const used = (remembered: boolean) => ({
      eventTable: true,
      table,
      mapping: { mapping: mapping(0), remembered },
    });
    expect(rememberUsedMapping(used(false))).toBe(false);
    expect(rememberUsedMapping(used(true))).toBe(true);
    expect(rememberUsedMapping({ eventTable: false })).toBe(true);
    vi.stubGlobal('localStorage', undefined);
    expect(rememberMapping('k', mapping(0))).toBe(false);
    expect(loadRememberedMappings()).toEqual([]);
  });
});
