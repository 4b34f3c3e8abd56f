/**
 * Keeps the URL and the store in step. A settled change (not every frame of
 * playback or of a slider drag) becomes a history entry, so back/forward
 * walk through the views the user made; back/forward restore them.
 */
import { queryToView, viewToQuery } from './url';
import { applyView, useStore } from './store';

const SETTLE_MS = 400;

export function startUrlSync(): () => void {
  const model = useStore.getState().model;
  if (!model) return () => {};
  applyView(queryToView(window.location.search, model));
  // The opening view replaces the bare URL, so the first Back leaves the app as usual.
  window.history.replaceState(null, '', `?${viewToQuery(useStore.getState())}`);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const commit = () => {
    timer = undefined;
    const s = useStore.getState();
    if (s.playing) return; // pausing is a change too, and commits then
    const query = `?${viewToQuery(s)}`;
    if (query !== window.location.search) window.history.pushState(null, '', query);
  };
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.model !== prev.model) return; // a new dataset starts its own history
    clearTimeout(timer);
    timer = setTimeout(commit, SETTLE_MS);
  });
  const onPop = () => {
    const current = useStore.getState().model;
    if (!current) return;
    clearTimeout(timer);
    applyView(queryToView(window.location.search, current));
    clearTimeout(timer); // the store change above must not push a new entry
    timer = undefined;
  };
  window.addEventListener('popstate', onPop);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    window.removeEventListener('popstate', onPop);
  };
}
