/**
 * Export → "Story as HTML": one self-contained page with the app, the dataset and a story, to
 * send by e-mail or put on any static host; it opens offline and presents the story. The page
 * is the standalone build shipped beside the app (`standalone.html`), filled by the core's
 * `publishHtml` with the dataset and the positions on screen.
 */
import { useId, useState } from 'react';
import type { ExplorerModel } from '../../core/explorer-model';
import {
  fileSize,
  publishedFileName,
  publishHtml,
  STANDALONE_TEMPLATE_FILE,
} from '../../core/publish';
import { downloadBlob } from '../../export/download';
import { STANDALONE } from '../../publish/standaloneBuild';
import { forceDirectedPositions } from '../../store/store';
import { NO_STORY_REASON, StoryPicker, useChosenStory } from './StoryPicker';

/** The standalone page of this build, fetched from beside the app. */
async function fetchTemplate(): Promise<string> {
  const url = new URL(STANDALONE_TEMPLATE_FILE, document.baseURI);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`could not load ${url.pathname}: ${e instanceof Error ? e.message : e}`, {
      cause: e,
    });
  }
  if (!response.ok)
    throw new Error(
      `could not load ${url.pathname} (${response.status}): this build has no standalone page; npm run build makes one`,
    );
  return response.text();
}

export function StoryHtmlExport({ model }: { model: ExplorerModel }) {
  const [chosen, setChosen] = useState('');
  const { stories, story } = useChosenStory(chosen);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const reasonId = useId();

  // Why nothing can be published, shown beside the disabled button.
  const reason = STANDALONE
    ? 'This page is a published story: publishing another needs Allegiance itself.'
    : !story
      ? NO_STORY_REASON
      : '';

  async function save() {
    if (!story) return;
    setBusy(true);
    setStatus('Preparing the page…');
    try {
      const html = publishHtml(
        await fetchTemplate(),
        // The stories as edited, which the model's dataset carries too (store/stories.ts).
        {
          dataset: { ...model.dataset, stories: [...stories] },
          positions: forceDirectedPositions(model),
        },
        story.id,
      );
      const blob = new Blob([html], { type: 'text/html' });
      const name = publishedFileName(story);
      downloadBlob(blob, name);
      setStatus(
        `Saved ${name} (${fileSize(blob.size)}): it opens offline in any browser and presents “${story.title}”.`,
      );
    } catch (e) {
      setStatus(`Publishing failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="story-html-export">
      <StoryPicker stories={stories} story={story} onChoose={setChosen} />
      <p className="export-dialog__size">
        One HTML file with the app, this dataset and the story: it needs no network and no server,
        opens on the story, and the reader can still scrub the time bar and open the evidence.
      </p>
      {reason && (
        <p id={reasonId} className="export-dialog__notice">
          {reason}
        </p>
      )}
      <button
        type="button"
        className="export-dialog__save"
        disabled={Boolean(reason) || busy}
        aria-describedby={reason ? reasonId : undefined}
        onClick={save}
      >
        Download {story ? publishedFileName(story) : 'story'}
      </button>
      <p role="status" className="export-dialog__status">
        {status}
      </p>
    </div>
  );
}
