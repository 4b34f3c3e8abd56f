/**
 * Column mappings remembered in this browser (localStorage), keyed by the
 * normalised header (`headerKey`), so the next file with the same header is
 * read the same way. Storage may be unavailable or full (private mode,
 * quota): reads then return nothing and writes report failure, as in
 * `persistence.ts`. What is read back is checked, never trusted.
 */
import { z } from 'zod';
import { columnMappingSchema, headerKey, type ColumnMapping } from '../core/io/column-mapping';
import type { ImportReading } from '../import/importWithChoices';

const STORAGE_KEY = 'allegiance:column-mappings';

/** The most headers remembered; the least recently used are forgotten first. */
export const MAX_REMEMBERED_MAPPINGS = 50;

const storedSchema = z.array(z.object({ header: z.string(), mapping: columnMappingSchema }));

export type RememberedMapping = readonly [key: string, mapping: ColumnMapping];

/** The remembered mappings, most recently used first; none when storage is unavailable. */
export function loadRememberedMappings(): RememberedMapping[] {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return [];
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data.map((e) => [e.header, e.mapping] as const) : [];
  } catch {
    return [];
  }
}

/**
 * Remembers a mapping for a header (replacing the one it had), as the most
 * recently used. False when the browser refused to store it.
 */
export function rememberMapping(key: string, mapping: ColumnMapping): boolean {
  const others = loadRememberedMappings().filter(([k]) => k !== key);
  const entries = [[key, mapping] as const, ...others].slice(0, MAX_REMEMBERED_MAPPINGS);
  try {
    globalThis.localStorage?.setItem(
      STORAGE_KEY,
      JSON.stringify(entries.map(([header, m]) => ({ header, mapping: m }))),
    );
    return globalThis.localStorage !== undefined;
  } catch {
    return false;
  }
}

/**
 * After a successful import: a mapping the user just made is remembered for
 * its header; one that was remembered becomes the most recently used. False
 * only when a mapping should have been stored and the browser refused.
 */
export function rememberUsedMapping(reading: ImportReading): boolean {
  if (!reading.mapping || !reading.table) return true;
  const stored = rememberMapping(headerKey(reading.table.header), reading.mapping.mapping);
  return stored || reading.mapping.remembered;
}
