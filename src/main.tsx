import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyCssTokens } from './core/tokens';
import { startPlaybackClock } from './store/playbackClock';
import { loadSeed } from './store/seed';
import { followLibraryInOtherTabs, refreshLibrary } from './store/datasetActions';
import { loadDataset, SEED_KEY } from './store/store';
import { startStories } from './store/stories';
import { queryDataset } from './store/url';
import { startUrlSync } from './store/urlSync';
import { App } from './ui/App';
import './ui/app.css';

applyCssTokens(document.documentElement);
// A link or a reload naming another dataset opens it (`startUrlSync`) without drawing the seed
// first: drawing a picture only to replace it would hold the page and flash the wrong graph.
if (queryDataset(window.location.search) === SEED_KEY) {
  const seed = loadSeed();
  loadDataset(seed.dataset, SEED_KEY, seed.positions);
}
startStories(); // before the URL sync: a link's `story=` waits for the stories kept here
startUrlSync();
startPlaybackClock();
void refreshLibrary();
followLibraryInOtherTabs();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
