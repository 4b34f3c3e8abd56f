/**
 * Story actions against the store: editing keeps the model's dataset in step,
 * presenting applies each step's view, auto-advance plays the time between
 * steps on the playback clock's path (`advancePlayback`), and leaving brings
 * the explorer's view back. IndexedDB is absent in Node: its failure to keep
 * an edit is a notice, and the edit stays on screen.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { formatDay } from '../core/dates';
import type { Dataset } from '../core/schema';
import { advancePlayback, loadDataset, select, setDay, useStore } from './store';
import {
  addStep,
  advanceStory,
  createStory,
  deleteStep,
  duplicateStep,
  editStep,
  leavePresentation,
  moveStep,
  nextStep,
  presentStory,
  previousStep,
  setAutoAdvance,
  setCameraReader,
  startStories,
} from './stories';
import { queryStory, viewToQuery } from './url';

const dataset: Dataset = {
  title: 'stories test',
  period: { from: '2000', until: '2020' },
  sources: [{ id: 'doc', title: 'Doc' }],
  actorTypes: [],
  relationKinds: [],
  actors: [
    { id: 'a', label: 'A', type: 'state' },
    { id: 'b', label: 'B', type: 'state' },
  ],
  relations: [
    {
      id: 'r',
      source: 'a',
      target: 'b',
      kind: 'alliance',
      from: '2003',
      evidence: [{ source: 'doc', quote: 'A and B allied in 2003.' }],
    },
  ],
  events: [],
  stories: [
    {
      id: 'tale',
      title: 'A tale',
      steps: [
        { date: '2004', caption: 'Allied.', selection: { kind: 'relation', id: 'r' } },
        { date: '2010', caption: 'Gone?', selection: { kind: 'relation', id: 'r9' } },
        { period: { from: '2012', until: '2014', speed: 365.25 }, caption: 'Two years.' },
      ],
    },
  ],
};

const state = () => useStore.getState();
const date = () => formatDay(state().day);
const stop = startStories();
afterAll(stop);

/** Runs the playback clock's path until it stops (at most `seconds` of wall time). */
function playUntilStopped(seconds = 20): void {
  for (let t = 0; t < seconds && state().playing; t += 0.05) advancePlayback(0.05);
}

describe('editing stories', () => {
  beforeEach(() => loadDataset(structuredClone(dataset)));

  it('creates a story, records steps from the view, edits, moves, duplicates and deletes them', () => {
    const id = createStory('My story');
    expect(id).toBe('my-story');
    expect(state().storyPanel.editing).toBe('my-story');
    setCameraReader(() => ({ x1: 0, y1: 0, x2: 100, y2: 50 }));
    setDay(Date.UTC(2005, 0, 1) / 86_400_000);
    select({ kind: 'actor', id: 'a' });
    addStep(id);
    setDay(Date.UTC(2015, 0, 1) / 86_400_000);
    select(null);
    addStep(id);
    setCameraReader(null);
    editStep(id, 0, {
      caption: 'First.',
      quote: { source: 'doc', text: 'A and B allied in 2003.' },
    });
    moveStep(id, 0, 1);
    duplicateStep(id, 0);
    deleteStep(id, 1);
    const story = state().stories.find((s) => s.id === id)!;
    expect(story.steps).toEqual([
      { date: '2015-01-01', caption: '', camera: { x1: 0, y1: 0, x2: 100, y2: 50 } },
      {
        date: '2005-01-01',
        caption: 'First.',
        selection: { kind: 'actor', id: 'a' },
        camera: { x1: 0, y1: 0, x2: 100, y2: 50 },
        quote: { source: 'doc', text: 'A and B allied in 2003.' },
      },
    ]);
    // What the JSON export and a published page read.
    expect(state().model!.dataset.stories).toEqual(state().stories);
  });
});

describe('presenting', () => {
  beforeEach(() => {
    loadDataset(structuredClone(dataset));
    setDay(Date.UTC(2019, 5, 1) / 86_400_000);
  });

  it('shows each step: date, selection, camera; a missing relation is left out', () => {
    expect(presentStory('tale')).toBe(true);
    expect(date()).toBe('2004-01-01');
    expect(state().selection).toEqual({ kind: 'relation', id: 'r' });
    expect(state().cameraRequest?.camera).toBe('fit');
    expect(queryStory(`?${viewToQuery(state())}`)).toEqual({ storyId: 'tale', step: 0 });
    expect(nextStep()).toBe(true);
    expect(date()).toBe('2010-01-01');
    expect(state().selection).toBeNull(); // r9 does not exist
    expect(previousStep()).toBe(true);
    expect(previousStep()).toBe(false);
  });

  it('plays a step’s period, and leaves back to the explorer’s view', () => {
    presentStory('tale', 2);
    expect(date()).toBe('2012-01-01');
    expect(state().playing).toBe(true);
    playUntilStopped();
    expect(date()).toBe('2014-01-01');
    expect(state().presentation?.moving).toBeNull();
    expect(nextStep()).toBe(false);
    leavePresentation();
    expect(state().presentation).toBeNull();
    expect(date()).toBe('2019-06-01');
    expect(state().playRange).toBeNull();
  });

  it('auto-advance plays the time to the next step, which shows when the clock gets there', () => {
    presentStory('tale');
    setAutoAdvance(true);
    expect(advanceStory()).toBe(true);
    expect(state().playing).toBe(true);
    expect(state().presentation?.moving).toEqual({ kind: 'transition', to: 1 });
    advancePlayback(1);
    const halfway = date();
    expect(halfway > '2004-01-01' && halfway < '2010-01-01').toBe(true);
    expect(state().presentation?.step).toBe(0);
    playUntilStopped();
    expect(state().presentation?.step).toBe(1);
    expect(date()).toBe('2010-01-01');
    expect(state().presentation?.auto).toBe(true);
  });

  it('reports a story the dataset does not have, and presents nothing', () => {
    expect(presentStory('nope')).toBe(false);
    expect(state().presentation).toBeNull();
    expect(state().notice?.text).toBe('This dataset has no story with the id “nope”.');
  });

  it('reads a link’s story and step (1-based), ignoring a step that is not a number', () => {
    expect(queryStory('?story=tale&step=3')).toEqual({ storyId: 'tale', step: 2 });
    expect(queryStory('?story=tale&step=x')).toEqual({ storyId: 'tale', step: 0 });
    expect(queryStory('?date=2001')).toBeNull();
  });
});
