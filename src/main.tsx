import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyCssTokens } from './core/tokens';
import { startPlaybackClock } from './store/playbackClock';
import { loadSeed } from './store/seed';
import { followLibraryInOtherTabs, refreshLibrary } from './store/datasetActions';
import { loadDataset, SEED_KEY } from './store/store';
import { startUrlSync } from './store/urlSync';
import { App } from './ui/App';
import './ui/app.css';

applyCssTokens(document.documentElement);
const seed = loadSeed();
loadDataset(seed.dataset, SEED_KEY, seed.positions);
startUrlSync();
startPlaybackClock();
void refreshLibrary();
followLibraryInOtherTabs();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
