/**
 * The layouts a user can choose. "force" is the dataset's own computeLayout (core/layout.ts,
 * computed once and stored with the dataset; dragged positions apply to it); the others are
 * arranged here on demand, deterministic, at the same spacing scale.
 */
import type { Point } from '../layout';
import { hierarchyLayout, type HierarchyInput } from './hierarchy';
import { radialLayout } from './radial';
import { ringsLayout } from './rings';

export const LAYOUTS = [
  { name: 'force', label: 'Force-directed' },
  { name: 'radial', label: 'Radial around the selection' },
  { name: 'hierarchy', label: 'Hierarchy by parent' },
  { name: 'rings', label: 'Rings by actor type' },
] as const;

export type LayoutName = (typeof LAYOUTS)[number]['name'];

export function isLayoutName(text: unknown): text is LayoutName {
  return LAYOUTS.some((l) => l.name === text);
}

export interface ArrangeOptions {
  /** The vocabulary's actor types in order (hierarchy and rings order by it). */
  typeOrder: readonly string[];
  /** The radial layout's centre; null: the most connected actor. */
  focus: string | null;
}

/** Positions of every actor in an arranged layout (not "force": that one is the dataset's). */
export function arrangeActors(
  name: Exclude<LayoutName, 'force'>,
  input: HierarchyInput,
  { typeOrder, focus }: ArrangeOptions,
): Map<string, Point> {
  if (name === 'radial') return radialLayout(input, focus);
  if (name === 'hierarchy') return hierarchyLayout(input, typeOrder);
  return ringsLayout(input, typeOrder);
}

export { hierarchyLayout, radialLayout, ringsLayout };
export { mostConnected, neighboursOf, MIN_GAP, SPACING } from './common';
