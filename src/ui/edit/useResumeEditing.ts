/**
 * Reopens edit mode on a dataset that this tab was editing when its page was
 * left (a reload), as a desktop editor reopens a document as it was: the
 * editing store keeps a mark per dataset in the tab's sessionStorage
 * (`store/persistence.ts`) while edit mode is on, and forgets it when the user
 * presses "Done editing" or opens another dataset. Another tab, or a new one,
 * has no mark and opens the dataset read-only. Starting goes through the same
 * path as the Edit button, so the undo history comes back from the dataset's
 * journal.
 */
import { useEffect, useRef } from 'react';
import { loadEditingOn } from '../../store/persistence';
import { useStore, type AppState } from '../../store/store';

const selectDatasetKey = (s: AppState) => s.datasetKey;
const selectLoaded = (s: AppState) => s.model !== null;

/** Calls `start` once a dataset marked as being edited is on screen (once per dataset shown). */
export function useResumeEditing(start: () => void): void {
  const datasetKey = useStore(selectDatasetKey);
  const loaded = useStore(selectLoaded);
  // The dataset last considered: an effect run twice (React's strict mode) starts nothing twice.
  const considered = useRef<string | null>(null);
  useEffect(() => {
    if (!loaded || considered.current === datasetKey) return;
    considered.current = datasetKey;
    if (useStore.getState().editing === null && loadEditingOn(datasetKey)) start();
  }, [datasetKey, loaded, start]);
}
