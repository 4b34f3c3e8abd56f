import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyCssTokens } from './core/tokens';
import { startPlaybackClock } from './store/playbackClock';
import { loadSeed } from './store/seed';
import { followLibraryInOtherTabs, refreshLibrary } from './store/datasetActions';
import { loadDataset, SEED_KEY } from './store/store';
import { startStories } from './store/stories';
import { startUrlSync } from './store/urlSync';
import { App } from './ui/App';
import './ui/app.css';

applyCssTokens(document.documentElement);
const seed = loadSeed();
loadDataset(seed.dataset, SEED_KEY, seed.positions);
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
