/**
 * The one app store. It holds the loaded model (immutable, replaced whole on
 * load), the current day and what the user is looking at. Big structures
 * live in the core model; the store only points at them.
 */
import { create } from 'zustand';
import type { DayNumber } from '../core/dates';
import { buildExplorerModel, type ExplorerModel } from '../core/explorer-model';
import type { Dataset } from '../core/schema';

export interface AppState {
  model: ExplorerModel | null;
  /** The day the graph shows. */
  day: DayNumber;
}

export const useStore = create<AppState>()(() => ({
  model: null,
  day: 0 as DayNumber,
}));

/** Loads a validated dataset and shows it at its most recent day. */
export function loadDataset(dataset: Dataset): void {
  const model = buildExplorerModel(dataset);
  useStore.setState({ model, day: model.index.end });
}

/** Moves the shown day, clamped to the dataset's range. */
export function setDay(day: number): void {
  const model = useStore.getState().model;
  if (!model) return;
  const clamped = Math.min(model.index.end, Math.max(model.index.start, Math.round(day)));
  useStore.setState({ day: clamped as DayNumber });
}

export const selectModel = (s: AppState) => s.model;
export const selectDay = (s: AppState) => s.day;
