/**
 * The graph view on screen, for the few features that read what it draws
 * (export uses exactly the drawn elements and the visible region). Set by
 * GraphCanvas while mounted.
 */
import type { GraphView } from './contract';

let active: GraphView | null = null;

export function setActiveView(view: GraphView | null): void {
  active = view;
}

export function getActiveView(): GraphView | null {
  return active;
}
