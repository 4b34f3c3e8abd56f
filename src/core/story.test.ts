import { describe, expect, it } from 'vitest';
import { toDay } from './dates';
import { exportJson } from './io/json';
import { formatProblem } from './problems';
import type { DatasetInput, Story } from './schema';
import {
  moveItem,
  newStoryId,
  readingSeconds,
  stepFromView,
  stepView,
  storyProblems,
  transitionBetween,
  type StoryContext,
} from './story';
import { validateDataset } from './validate';

const dataset: DatasetInput = {
  title: 'Stories',
  sources: [{ id: 'paper', title: 'A paper' }],
  actors: [
    { id: 'a', label: 'A', type: 'state' },
    { id: 'b', label: 'B', type: 'state' },
  ],
  relations: [
    {
      id: 'r1',
      source: 'a',
      target: 'b',
      kind: 'alliance',
      from: '1990',
      evidence: [{ source: 'paper', quote: 'A and B signed a pact in 1990.' }],
    },
  ],
  events: [{ id: 'e1', date: '1995-06', title: 'Summit' }],
};

const withStories = (stories: unknown): unknown => ({ ...dataset, stories });

const context: StoryContext = {
  actors: new Set(['a', 'b']),
  relations: new Set(['r1']),
  events: new Set(['e1']),
  actorTypes: new Set(['state']),
  relationKinds: new Set(['alliance']),
  sources: new Set(['paper']),
  hasQuote: (source, text) => source === 'paper' && 'A and B signed a pact in 1990.'.includes(text),
};

const story = (steps: Story['steps']): Story => ({ id: 'tale', title: 'A tale', steps });

describe('story format', () => {
  it('accepts a story with dates, a period, filters, a camera and a quote, and keeps it', () => {
    const stories = [
      {
        id: 'tale',
        title: 'A tale',
        steps: [
          { date: '1990', caption: 'The pact.', selection: { kind: 'relation', id: 'r1' } },
          {
            period: { from: '1990', until: '1995-06', speed: 365.25 },
            caption: 'Five years pass.',
            filters: { hiddenKinds: ['alliance'], timeWindow: 12 },
            layout: 'rings',
            camera: { x1: -100, y1: -50, x2: 100, y2: 50 },
            quote: { source: 'paper', text: 'signed a pact' },
          },
        ],
      },
    ];
    const result = validateDataset(withStories(stories));
    expect(result.errors.map(formatProblem)).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([]);
    expect(result.dataset?.stories).toEqual(stories);
  });

  it('round-trips through the JSON export', () => {
    const stories = [
      {
        id: 'tale',
        title: 'A tale',
        steps: [{ period: { from: '1990', until: '1995' }, caption: 'Five years.', camera: 'fit' }],
      },
    ];
    const loaded = validateDataset(withStories(stories)).dataset!;
    expect(validateDataset(JSON.parse(exportJson(loaded))).dataset).toEqual(loaded);
    expect(JSON.parse(exportJson(loaded)).stories).toEqual(stories);
  });

  it('reports malformed steps with their path: no date, both, a bad camera, an unknown field', () => {
    const result = validateDataset(
      withStories([
        {
          id: 'tale',
          title: 'A tale',
          steps: [
            { caption: 'When?' },
            { date: '1990', period: { from: '1990', until: '1991' } },
            { date: '1990', camera: { x1: 5, y1: 0, x2: 5, y2: 1 } },
            { date: '1990-13' },
            { date: '1990', zoom: 2 },
          ],
        },
      ]),
    );
    expect(result.errors.map(formatProblem)).toEqual([
      'stories[0].steps[0]: needs a "date" or a "period"',
      'stories[0].steps[1].period: has both a "date" and a "period"; keep one (got {"from":"1990","until":"1991"})',
      'stories[0].steps[2].camera: must have x2 > x1 and y2 > y1 (a box with an area) (got {"x1":5,"y1":0,"x2":5,"y2":1})',
      'stories[0].steps[3].date: "1990-13" has month 13, which is not between 01 and 12',
      'stories[0].steps[4].zoom: unknown field "zoom"',
    ]);
  });

  it('refuses duplicate story ids and a period that ends before it starts', () => {
    const result = validateDataset(
      withStories([
        { id: 'tale', title: 'One', steps: [{ period: { from: '1995', until: '1990' } }] },
        { id: 'tale', title: 'Two' },
      ]),
    );
    expect(result.errors.map(formatProblem)).toEqual([
      'stories[1].id: duplicate id "tale" (first used by stories[0])',
      'stories[0].steps[0].period.until: ends (1990) before or when it starts (1995)',
    ]);
  });

  it('warns, naming story and step, about references the dataset does not resolve; still loads', () => {
    const result = validateDataset(
      withStories([
        {
          id: 'tale',
          title: 'A tale',
          steps: [
            { date: '1990', selection: { kind: 'actor', id: 'a' } },
            { date: '1991', selection: { kind: 'relation', id: 'r9' } },
            { date: '1992', filters: { hiddenTypes: ['party'], hiddenKinds: ['feud'] } },
            { date: '1993', quote: { source: 'paper', text: 'A and B went to war.' } },
            { date: '1994', quote: { source: 'blog', text: 'Anything.' } },
          ],
        },
      ]),
    );
    expect(result.errors).toEqual([]);
    expect(result.dataset).toBeDefined();
    expect(result.warnings.map(formatProblem)).toEqual([
      'warning: stories[0].steps[1].selection.id: story "tale", step 2: selects relation "r9", which does not exist',
      'warning: stories[0].steps[2].filters.hiddenTypes[0]: story "tale", step 3: hides actor type "party", which does not exist',
      'warning: stories[0].steps[2].filters.hiddenKinds[0]: story "tale", step 3: hides relation kind "feud", which does not exist',
      'warning: stories[0].steps[3].quote.text: story "tale", step 4: quotes "A and B went to war.", which is not in the evidence citing source "paper"',
      'warning: stories[0].steps[4].quote.source: story "tale", step 5: cites source "blog", which does not exist',
    ]);
  });
});

describe('stepView', () => {
  it('maps a step to the view it shows, defaults filled in', () => {
    const view = stepView(
      story([{ date: '1995-06', caption: 'Summit.', selection: { kind: 'event', id: 'e1' } }]),
      0,
      context,
    );
    expect(view).toEqual({
      day: toDay('1995-06'),
      playThrough: null,
      selection: { kind: 'event', id: 'e1' },
      hiddenTypes: [],
      hiddenKinds: [],
      neighbourhoodOnly: false,
      timeWindow: 0,
      layout: 'force',
      camera: 'fit',
      caption: 'Summit.',
      quote: null,
      problems: [],
    });
  });

  it('plays a period from its start, at its speed or a year a second', () => {
    const view = stepView(
      story([{ period: { from: '1990', until: '2000' }, caption: '' }]),
      0,
      context,
    );
    expect(view.day).toBe(toDay('1990'));
    expect(view.playThrough).toEqual({
      from: toDay('1990'),
      to: toDay('2000'),
      daysPerSecond: 365.25,
    });
  });

  it('leaves out what the dataset lacks and says so; the rest of the step stays', () => {
    const view = stepView(
      story([
        {
          date: '1991',
          caption: 'Gone.',
          selection: { kind: 'relation', id: 'r9' },
          filters: { hiddenKinds: ['alliance', 'feud'] },
          quote: { source: 'paper', text: 'not in the evidence' },
        },
      ]),
      0,
      context,
    );
    expect(view.selection).toBeNull();
    expect(view.quote).toBeNull();
    expect(view.hiddenKinds).toEqual(['alliance']);
    expect(view.caption).toBe('Gone.');
    expect(view.day).toBe(toDay('1991'));
    expect(view.problems.map((p) => p.message)).toEqual([
      'selects relation "r9", which does not exist',
      'hides relation kind "feud", which does not exist',
      'quotes "not in the evidence", which is not in the evidence citing source "paper"',
    ]);
  });

  it('refuses a step index the story does not have', () => {
    expect(() => stepView(story([]), 0, context)).toThrow('story "tale" has no step 1');
  });

  it('storyProblems lists every step in order', () => {
    const problems = storyProblems(
      story([
        { date: '1990', caption: '', selection: { kind: 'actor', id: 'zz' } },
        { date: '1991', caption: '' },
        { date: '1992', caption: '', selection: { kind: 'event', id: 'e9' } },
      ]),
      context,
    );
    expect(problems.map((p) => [p.step, p.path])).toEqual([
      [0, 'steps[0].selection.id'],
      [2, 'steps[2].selection.id'],
    ]);
  });
});

describe('playback between steps', () => {
  const at = (date: string) => stepView(story([{ date, caption: '' }]), 0, context);

  it('plays forward from where the first step rests to the next, in 1.5 to 5 seconds', () => {
    const twentyYears = transitionBetween(at('1990'), at('2010'))!;
    expect(twentyYears.from).toBe(toDay('1990'));
    expect(twentyYears.to).toBe(toDay('2010'));
    expect(twentyYears.seconds).toBe(5);
    expect(twentyYears.daysPerSecond * 5).toBeCloseTo(toDay('2010') - toDay('1990'));
    expect(transitionBetween(at('1990'), at('1990-02'))!.seconds).toBe(1.5);
    expect(transitionBetween(at('1990'), at('1994'))!.seconds).toBeCloseTo(2, 2);
  });

  it('starts after a period step at the end of its period', () => {
    const period = stepView(
      story([{ period: { from: '1990', until: '1995' }, caption: '' }]),
      0,
      context,
    );
    expect(transitionBetween(period, at('2000'))!.from).toBe(toDay('1995'));
  });

  it('does not play backwards nor on the spot', () => {
    expect(transitionBetween(at('2000'), at('1990'))).toBeNull();
    expect(transitionBetween(at('2000'), at('2000'))).toBeNull();
  });

  it('holds a step long enough to read it, within 4 to 20 seconds', () => {
    expect(readingSeconds({ caption: '', quote: null })).toBe(4);
    const thirty = Array.from({ length: 30 }, () => 'word').join(' ');
    expect(readingSeconds({ caption: thirty, quote: null })).toBeCloseTo(11.5);
    expect(readingSeconds({ caption: thirty, quote: { source: 's', text: thirty } })).toBe(20);
  });
});

describe('recording and cameras', () => {
  const base = {
    day: toDay('2021-08-15'),
    playRange: null,
    speed: 365.25,
    selection: null,
    hiddenTypes: [],
    hiddenKinds: [],
    neighbourhoodOnly: false,
    timeWindow: 0,
    layout: 'force' as const,
    camera: 'fit' as const,
  };

  it('records a date, or the play range as a period, leaving defaults out', () => {
    expect(stepFromView(base)).toEqual({ date: '2021-08-15', caption: '', camera: 'fit' });
    expect(
      stepFromView({
        ...base,
        playRange: { from: toDay('2001'), to: toDay('2011') },
        speed: 730.5,
        selection: { kind: 'actor', id: 'a' },
        hiddenKinds: ['alliance'],
        neighbourhoodOnly: true,
        timeWindow: 12,
        layout: 'radial',
        camera: { x1: 0.123, y1: -10.06, x2: 300.44, y2: 200 },
      }),
    ).toEqual({
      period: { from: '2001-01-01', until: '2011-01-01', speed: 730.5 },
      caption: '',
      selection: { kind: 'actor', id: 'a' },
      filters: { hiddenKinds: ['alliance'], neighbourhoodOnly: true, timeWindow: 12 },
      layout: 'radial',
      camera: { x1: 0.1, y1: -10.1, x2: 300.4, y2: 200 },
    });
  });

  it('a recorded step validates and shows the same view again', () => {
    const step = stepFromView({ ...base, selection: { kind: 'relation', id: 'r1' } });
    const result = validateDataset(withStories([{ id: 's', title: 'S', steps: [step] }]));
    expect(result.errors.map(formatProblem)).toEqual([]);
    const view = stepView(result.dataset!.stories![0]!, 0, context);
    expect(view.day).toBe(base.day);
    expect(view.selection).toEqual({ kind: 'relation', id: 'r1' });
  });
});

describe('editing helpers', () => {
  it('moves an item within a list, clamped to its ends', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('makes a new story id from its title, unique among the others', () => {
    expect(newStoryId('How it Backfired!', [])).toBe('how-it-backfired');
    expect(newStoryId('Tale', ['tale', 'tale-2'])).toBe('tale-3');
    expect(newStoryId('¿¡', [])).toBe('story');
  });
});
