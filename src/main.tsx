import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPlaybackClock } from './store/playbackClock';
import { loadSeedDataset } from './store/seed';
import { loadDataset } from './store/store';
import { startUrlSync } from './store/urlSync';
import { App } from './ui/App';
import './ui/app.css';

loadDataset(loadSeedDataset(), 'seed');
startUrlSync();
startPlaybackClock();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
