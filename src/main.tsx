import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadDataset } from './store/store';
import { loadSeedDataset } from './store/seed';
import { App } from './ui/App';
import './ui/app.css';

loadDataset(loadSeedDataset());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
