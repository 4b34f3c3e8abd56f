/** Narrow selectors: module-level constants, so components subscribe only to what they show. */
import type { AppState } from './store';

export const selectModel = (s: AppState) => s.model;
export const selectEditingOn = (s: AppState) => s.editing !== null;
export const selectDay = (s: AppState) => s.day;
export const selectPlaying = (s: AppState) => s.playing;
export const selectSpeed = (s: AppState) => s.speed;
export const selectLoop = (s: AppState) => s.loop;
export const selectSelection = (s: AppState) => s.selection;
export const selectHiddenTypes = (s: AppState) => s.hiddenTypes;
export const selectHiddenKinds = (s: AppState) => s.hiddenKinds;
export const selectNeighbourhoodOnly = (s: AppState) => s.neighbourhoodOnly;
export const selectView = (s: AppState) => s.view;
export const selectFocusRequest = (s: AppState) => s.focusRequest;
