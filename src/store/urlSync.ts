/**
 * Keeps the URL and the store in step. A settled change (not every frame of
 * playback or of a slider drag) becomes a history entry, so back/forward
 * walk through the views the user made; back/forward restore them, switching
 * dataset when the entry names another one. Each dataset's last view is also
 * kept, to reopen it where the user left it.
 */
import { switchDataset } from './datasetActions';
import { saveLastView } from './persistence';
import { applyView, leavePresentation, presentStory, useStore } from './store';
import { storiesReady } from './stories';
import { entryView, queryDataset, queryStory, queryToView, viewToQuery } from './url';

const SETTLE_MS = 400;

export function startUrlSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const commit = (replace = false) => {
    timer = undefined;
    const s = useStore.getState();
    if (!s.model) return;
    // Frames of playback are not views (pausing is a change too, and commits then); a dataset
    // opened while time plays is, so that a reload reopens the dataset on screen.
    if (s.playing && queryDataset(window.location.search) === s.datasetKey) return;
    const query = `?${viewToQuery(s)}`;
    saveLastView(s.datasetKey, query);
    if (query === window.location.search) return;
    if (replace) window.history.replaceState(null, '', query);
    else window.history.pushState(null, '', query);
  };

  /**
   * `fromHistory`: Back or Forward to an entry of this app, which names the whole view (see
   * `entryView`); else the opening URL, which may name only part of it (the rest: this
   * dataset's defaults and kept choices).
   */
  const openFromUrl = async (fromHistory: boolean) => {
    const search = window.location.search;
    const wanted = queryDataset(search);
    if (wanted !== useStore.getState().datasetKey) {
      if (!(await switchDataset(wanted, search))) return;
    } else {
      const model = useStore.getState().model;
      if (model) applyView((fromHistory ? entryView : queryToView)(search, model));
    }
    await presentFromUrl(search);
    clearTimeout(timer); // the store changes above must not push a new entry
    timer = undefined;
  };

  // The opening view replaces the bare URL, so the first Back leaves the app as usual.
  void openFromUrl(false).then(() => commit(true));

  const unsubscribe = useStore.subscribe((s, prev) => {
    const relevant =
      s.model !== prev.model ||
      s.datasetKey !== prev.datasetKey || // an edited dataset kept as a copy (editing.ts)
      (s.day !== prev.day && !s.playing) || // a frame of playback would put off every commit
      s.selection !== prev.selection ||
      s.hiddenTypes !== prev.hiddenTypes ||
      s.hiddenKinds !== prev.hiddenKinds ||
      s.neighbourhoodOnly !== prev.neighbourhoodOnly ||
      s.view !== prev.view ||
      s.playRange !== prev.playRange ||
      s.timeWindow !== prev.timeWindow ||
      s.layout !== prev.layout ||
      s.playing !== prev.playing ||
      s.presentation?.storyId !== prev.presentation?.storyId ||
      s.presentation?.step !== prev.presentation?.step;
    if (!relevant) return;
    clearTimeout(timer);
    timer = setTimeout(commit, SETTLE_MS);
  });
  const onPop = () => void openFromUrl(true);
  window.addEventListener('popstate', onPop);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('popstate', onPop);
  };
}

/** Presents the story a URL names (once the stories kept in this browser are read), or leaves one. */
async function presentFromUrl(search: string): Promise<void> {
  const wanted = queryStory(search);
  if (!wanted) {
    leavePresentation();
    return;
  }
  await storiesReady();
  const shown = useStore.getState().presentation;
  if (shown?.storyId !== wanted.storyId || shown.step !== wanted.step)
    presentStory(wanted.storyId, wanted.step);
}
