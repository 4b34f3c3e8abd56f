import { describe, expect, it } from 'vitest';
import { formatDay } from '../core/dates';
import { buildExplorerModel } from '../core/explorer-model';
import type { Dataset } from '../core/schema';
import { queryToView, viewToQuery } from './url';
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
