import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toDay } from '../../core/dates';
import { buildExplorerModel } from '../../core/explorer-model';
import { datasetSchema, type DatasetInput } from '../../core/schema';
import { validateDataset } from '../../core/validate';
import type { AppState } from '../../store/store';
import {
  activeRelationKey,
  actorAlive,
  arrowOf,
  eventsOf,
  keySet,
  membersOf,
  periodText,
  relationHistory,
  safeUrl,
} from './details-model';
import { selectActorActiveKey, selectRelationActive } from './selectors';

const small: DatasetInput = {
  title: 'small',
  actors: [
    { id: 'a', label: 'Alpha', type: 'state', from: '1994', until: '2001-03-04' },
    { id: 'b', label: 'Beta', type: 'state', parent: 'a' },
    { id: 'c', label: 'Charlie', type: 'state', parent: 'a' },
  ],
  relations: [
    { id: 'r-late', source: 'a', target: 'b', kind: 'hostility', from: '2000' },
    { id: 'r-open', source: 'c', target: 'a', kind: 'support' },
    {
      id: 'r-early-short',
      source: 'a',
      target: 'c',
      kind: 'alliance',
      from: '1995',
      until: '1996',
    },
    { id: 'r-early-long', source: 'b', target: 'a', kind: 'tension', from: '1995' },
    { id: 'r-other', source: 'b', target: 'c', kind: 'contact' },
  ],
  events: [
    { id: 'e2', date: '2000-05', title: 'Later', actors: ['a'] },
    { id: 'e1', date: '1995-01-02', title: 'Earlier', actors: ['a', 'b'] },
  ],
};
const model = buildExplorerModel(datasetSchema.parse(small));

describe('periodText', () => {
  it('keeps each end at the precision it was written with', () => {
    expect(periodText('1922', '1991-12-26')).toBe('1922 – 26 December 1991');
    expect(periodText('2021-08', '2022')).toBe('August 2021 – 2022');
  });
  it('reads open ends as since / until, and nothing as empty', () => {
    expect(periodText('1994', undefined)).toBe('since 1994');
    expect(periodText(undefined, '1991-12-26')).toBe('until 26 December 1991');
    expect(periodText(undefined, undefined)).toBe('');
  });
});

describe('relationHistory', () => {
  it('lists every relation of the actor, undated first, then by start and end', () => {
    const ids = relationHistory(model, 'a').map((e) => e.relation.id);
    expect(ids).toEqual(['r-open', 'r-early-short', 'r-early-long', 'r-late']);
  });
  it('names the counterpart and the direction from the actor’s side', () => {
    const [open] = relationHistory(model, 'a');
    expect(open).toMatchObject({ counterpart: 'c', outgoing: false, directed: true });
    expect(arrowOf(open!)).toBe('←');
    const alliance = relationHistory(model, 'a').find((e) => e.relation.id === 'r-early-short')!;
    expect(arrowOf(alliance)).toBe('–');
  });
});

describe('members, events', () => {
  it('finds members by parent, by label', () => {
    expect(membersOf(model, 'a').map((a) => a.id)).toEqual(['b', 'c']);
    expect(membersOf(model, 'b')).toEqual([]);
  });
  it('lists an actor’s events in date order', () => {
    expect(eventsOf(model, 'a').map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(eventsOf(model, 'b').map((e) => e.id)).toEqual(['e1']);
  });
});

describe('day-dependent keys', () => {
  it('joins the active relation ids of an actor', () => {
    expect(keySet(activeRelationKey(model, 'a', toDay('1995-06-01')))).toEqual(
      new Set(['r-open', 'r-early-short', 'r-early-long']),
    );
    expect(activeRelationKey(model, 'a', toDay('1996-01-01'))).toBe('r-early-long\nr-open');
    expect(activeRelationKey(model, 'nobody', 0)).toBe('');
    expect(keySet('')).toEqual(new Set());
  });
  it('tells whether an actor exists at a day (until is exclusive)', () => {
    const a = model.actorsById.get('a')!;
    expect(actorAlive(a, toDay('1993-12-31'))).toBe(false);
    expect(actorAlive(a, toDay('1994-01-01'))).toBe(true);
    expect(actorAlive(a, toDay('2001-03-04'))).toBe(false);
    expect(actorAlive(model.actorsById.get('b')!, -1e6)).toBe(true);
  });
});

describe('selectors on the seed', () => {
  const seed = validateDataset(JSON.parse(readFileSync('graph-data/seed.json', 'utf8'))).dataset!;
  const seedModel = buildExplorerModel(seed);
  const state = (day: string, kind: 'actor' | 'relation', id: string) =>
    ({ model: seedModel, day: toDay(day), selection: { kind, id } }) as unknown as AppState;

  it('return the same primitive on days where nothing the panel shows changes', () => {
    // Playback moves the day every frame; the key must not change between these two.
    expect(selectActorActiveKey(state('2023-01-01', 'actor', 'pakistan'))).toBe(
      selectActorActiveKey(state('2023-01-02', 'actor', 'pakistan')),
    );
    expect(selectActorActiveKey(state('2021-08-14', 'actor', 'pakistan'))).not.toBe(
      selectActorActiveKey(state('2021-08-15', 'actor', 'pakistan')),
    );
  });
  it('says whether the selected relation is active', () => {
    expect(selectRelationActive(state('1985-01-01', 'relation', 'r-pak-mujahideen-support'))).toBe(
      true,
    );
    expect(selectRelationActive(state('1992-05-01', 'relation', 'r-pak-mujahideen-support'))).toBe(
      false,
    );
  });
});

describe('safeUrl', () => {
  it('links only http(s) sources', () => {
    expect(safeUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeUrl('http://example.org')).toBe('http://example.org/');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,hi')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
    expect(safeUrl(undefined)).toBeUndefined();
  });
});
