import { describe, expect, it } from 'vitest';
import { formatDay } from '../core/dates';
import { buildExplorerModel } from '../core/explorer-model';
import type { Dataset } from '../core/schema';
import { entryView, queryToView, viewToQuery } from './url';
import { useStore } from './store';

const dataset: Dataset = {
  title: 'url test',
  sources: [],
  actorTypes: [],
  relationKinds: [],
  actors: [
    { id: 'a b', label: 'A', type: 'state' },
    { id: 'c', label: 'C', type: 'person' },
  ],
  relations: [
    { id: 'r:1', source: 'a b', target: 'c', kind: 'alliance', from: '2003', evidence: [] },
  ],
  events: [],
};
const model = buildExplorerModel(dataset);

describe('URL view', () => {
  it('round-trips date, selection, filters and view', () => {
    const state = {
      ...useStore.getState(),
      model,
      day: 12345 as never,
      selection: { kind: 'relation' as const, id: 'r:1' },
      hiddenTypes: ['person'],
      hiddenKinds: ['contact', 'tension'],
      neighbourhoodOnly: true,
      view: 'table' as const,
    };
    const query = viewToQuery(state);
    expect(query).toContain(`date=${formatDay(12345)}`);
    expect(queryToView(query, model)).toEqual({
      day: 12345,
      selection: { kind: 'relation', id: 'r:1' },
      hiddenTypes: ['person'],
      hiddenKinds: ['contact', 'tension'],
      neighbourhoodOnly: true,
      view: 'table',
    });
  });

  it('round-trips the play range and the time window', () => {
    const state = {
      ...useStore.getState(),
      model,
      day: 12345 as never,
      playRange: { from: 11000 as never, to: 12000 as never },
      timeWindow: 60,
    };
    const query = viewToQuery(state);
    expect(query).toContain(`range=${formatDay(11000)}..${formatDay(12000)}`);
    expect(query).toContain('window=5y');
    expect(queryToView(query, model)).toMatchObject({
      playRange: { from: 11000, to: 12000 },
      timeWindow: 60,
    });
    expect(queryToView('window=3m', model)).toEqual({ timeWindow: 3 });
    // Malformed values are dropped, not guessed at.
    expect(queryToView('window=5&range=2001..2002-13', model)).toEqual({});
    expect(viewToQuery({ ...state, playRange: null, timeWindow: 0 })).not.toMatch(/range|window/);
  });

  it('round-trips the layout, leaving the default (force-directed) out', () => {
    const state = { ...useStore.getState(), model, selection: { kind: 'actor' as const, id: 'c' } };
    for (const layout of ['radial', 'hierarchy', 'rings'] as const) {
      const query = viewToQuery({ ...state, layout });
      expect(query).toContain(`layout=${layout}`);
      expect(queryToView(query, model)).toMatchObject({ layout });
    }
    // The radial centre is the selection, already in the link.
    expect(queryToView(viewToQuery({ ...state, layout: 'radial' }), model)).toMatchObject({
      selection: { kind: 'actor', id: 'c' },
    });
    expect(viewToQuery({ ...state, layout: 'force' })).not.toContain('layout');
    // An unknown layout is dropped (the current one stays), never guessed at.
    expect(queryToView('layout=spiral', model)).toEqual({});
    expect(queryToView('layout=__proto__', model)).toEqual({});
  });

  it('reads a history entry as the whole view: what it leaves out was at its default', () => {
    const busy = {
      ...useStore.getState(),
      model,
      selection: { kind: 'actor' as const, id: 'c' },
      hiddenKinds: ['alliance'],
      neighbourhoodOnly: true,
      view: 'table' as const,
      timeWindow: 24,
      layout: 'radial' as const,
    };
    const plain = { ...useStore.getState(), model, day: busy.day };
    // Going back from the busy view to the plain one restores every default, not just the date.
    expect(entryView(viewToQuery(plain), model)).toEqual({
      day: busy.day,
      selection: null,
      hiddenTypes: [],
      hiddenKinds: [],
      neighbourhoodOnly: false,
      view: 'graph',
      playRange: null,
      timeWindow: 0,
      layout: 'force',
    });
    expect(entryView(viewToQuery(busy), model)).toMatchObject({
      selection: { kind: 'actor', id: 'c' },
      hiddenKinds: ['alliance'],
      neighbourhoodOnly: true,
      view: 'table',
      timeWindow: 24,
      layout: 'radial',
    });
    // An opening link names only what it sets; the rest is left to the dataset's own defaults.
    expect(queryToView(viewToQuery(plain), model)).toEqual({ day: busy.day });
  });

  it('leaves the date out for a dataset without time', () => {
    const timeless = buildExplorerModel({
      ...dataset,
      relations: [{ ...dataset.relations[0]!, from: undefined }],
    });
    expect(viewToQuery({ ...useStore.getState(), model: timeless })).not.toContain('date=');
  });

  it('ignores what the dataset does not know and malformed values', () => {
    expect(
      queryToView(
        'date=2021-02-30&select=actor:ghost&hide-types=person,alien&view=3d&hide-kinds=',
        model,
      ),
    ).toEqual({ hiddenTypes: ['person'], hiddenKinds: [] });
    expect(queryToView('select=nonsense', model)).toEqual({});
    expect(queryToView('select=actor:a%20b', model)).toEqual({
      selection: { kind: 'actor', id: 'a b' },
    });
  });
});
