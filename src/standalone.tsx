/**
 * The entry of the standalone build (`standalone.html`): the page that `publishHtml` fills with
 * a dataset and a story, to open from disk or any static host with no network. It validates
 * the data published into it, like an import, loads that dataset in the seed's place and opens
 * on its story. It has no dataset library, imports nothing and fetches nothing; the reader can
 * still leave the presentation, scrub the time bar and open evidence.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PUBLISHED_DATA_ID, publishedPositions, readPublished } from './core/publish';
import { applyCssTokens } from './core/tokens';
import { startPlaybackClock } from './store/playbackClock';
import { startStories } from './store/stories';
import { loadDataset, SEED_KEY } from './store/store';
import { startUrlSync } from './store/urlSync';
import { App } from './ui/App';
import './ui/app.css';
import './ui/viewBoundary.css';

applyCssTokens(document.documentElement);
const root = document.getElementById('root')!;
const published = readPublished(document.getElementById(PUBLISHED_DATA_ID)?.textContent ?? '');

if ('problem' in published) showProblem(published.problem);
else {
  const { dataset, story } = published.data;
  loadDataset(dataset, SEED_KEY, publishedPositions(published.data));
  // A page opened afresh presents its story; a reload keeps the view the reader had made.
  if (window.location.search === '') openOnStory(story);
  // Files opened from disk share one storage origin: one published story must not read another's.
  startStories({ keep: false });
  startUrlSync();
  startPlaybackClock();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

/** Puts the story in the address, where the URL sync opens it (store/url.ts). */
function openOnStory(story: string): void {
  window.history.replaceState(null, '', `?${new URLSearchParams({ story })}`);
}

/** Why the page cannot show a story, as text (never markup: it may quote the data). */
function showProblem(problem: string): void {
  const box = document.createElement('div');
  box.className = 'view-error';
  box.setAttribute('role', 'alert');
  const title = document.createElement('p');
  title.className = 'view-error__title';
  title.textContent = 'This page cannot show its story.';
  const message = document.createElement('p');
  message.className = 'view-error__message';
  message.textContent = problem;
  box.append(title, message);
  root.replaceChildren(box);
}
