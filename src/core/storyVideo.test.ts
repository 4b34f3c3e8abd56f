import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExplorerModel } from './explorer-model';
import type { Dataset } from './schema';
import { modelStoryContext, readingSeconds, TRANSITION_SECONDS } from './story';
import { captionLines, frameDate, storyTimeline, timelineFrames } from './storyVideo';
import { toDay } from './dates';
import { parseDatasetJson } from './validate';

const dataset = parseDatasetJson(readFileSync('tests/fixtures/publish/story.json', 'utf8'))
  .dataset as Dataset;
const model = buildExplorerModel(dataset);
const story = dataset.stories![0]!;

describe('storyTimeline', () => {
  const { views, stretches, problems } = storyTimeline(story, modelStoryContext(model));

  it('holds each step to read it, plays its period, and plays the time between steps', () => {
    expect(stretches.map((s) => [s.step, s.from, s.to])).toEqual([
      [0, toDay('2003'), toDay('2003')], // step 1 held
      [0, toDay('2003'), toDay('2004')], // the year up to step 2, in step 1's view
      [1, toDay('2004'), toDay('2008')], // step 2's period
      [1, toDay('2008'), toDay('2008')], // step 2 held at its end
      [1, toDay('2008'), toDay('2012')], // up to step 3
      [2, toDay('2012'), toDay('2012')], // step 3 held
    ]);
    expect(stretches[0]!.seconds).toBe(readingSeconds(views[0]!));
    expect(stretches[1]!.seconds).toBe(TRANSITION_SECONDS.min);
    expect(stretches[2]!.seconds).toBeCloseTo((toDay('2008') - toDay('2004')) / 365.25);
    expect(problems).toEqual([]);
  });

  it('leaves out what the dataset lacks, says so, and still plays every step', () => {
    const stale = structuredClone(story);
    stale.steps[2]!.selection = { kind: 'relation', id: 'r-gone' };
    const t = storyTimeline(stale, modelStoryContext(model));
    expect(t.problems.map((p) => p.path)).toEqual(['steps[2].selection.id']);
    expect(t.views[2]!.selection).toBeNull();
    expect(t.stretches.at(-1)!.step).toBe(2);
  });

  it('makes frames at the rate asked, with time moving only where it plays', () => {
    const frames = timelineFrames(stretches, 10);
    const total = stretches.reduce((n, s) => n + Math.max(1, Math.round(s.seconds * 10)), 0);
    expect(frames).toHaveLength(total);
    expect(frames[0]).toEqual({ step: 0, day: toDay('2003'), moving: false });
    const period = frames.filter((f) => f.step === 1 && f.moving);
    expect(period.at(-1)!.day).toBe(toDay('2012'));
    expect(frames.at(-1)).toEqual({ step: 2, day: toDay('2012'), moving: false });
  });
});

describe('the caption band', () => {
  it('shows a held step’s date as written, a moving day by its month', () => {
    expect(frameDate(story, { step: 0, day: toDay('2003'), moving: false })).toBe('2003');
    expect(frameDate(story, { step: 1, day: toDay('2005-06-10'), moving: true })).toBe('June 2005');
  });

  it('quotes verbatim in quotation marks, then names the source', () => {
    const view = storyTimeline(story, modelStoryContext(model)).views[0]!;
    const lines = captionLines(view, '2003', 'Notes', 1000, {
      caption: (s) => s.length,
      quote: (s) => s.length,
    });
    expect(lines.caption).toEqual(['Northland and Southland were allies.']);
    expect(lines.quote).toEqual([
      '“They signed the pact </script><script>alert(1)</script> in spring.”',
    ]);
    expect(lines.source).toBe('— Notes');
  });
});
