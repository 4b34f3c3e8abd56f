/**
 * The view in the URL: date, selection, filters and view mode, so a link
 * reopens the same picture. Parsing drops what the dataset does not know
 * (a stale link never breaks the page).
 */
import { dateProblem, formatDay, toDay, type DayNumber } from '../core/dates';
import type { ExplorerModel } from '../core/explorer-model';
import { isLayoutName } from '../core/layouts';
import {
  SEED_KEY,
  type AppState,
  type Selection,
  type SelectionKind,
  type ViewState,
} from './store';

/** The dataset a query names (the seed when it names none). */
export function queryDataset(search: string): string {
  return new URLSearchParams(search).get('dataset') || SEED_KEY;
}

export type UrlView = ViewState;

/** A window in months as the URL writes it: whole years as `5y`, otherwise months (`3m`). */
const windowText = (months: number) => (months % 12 === 0 ? `${months / 12}y` : `${months}m`);

function parseWindow(text: string): number | undefined {
  const m = /^(\d{1,4})([my])$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * (m[2] === 'y' ? 12 : 1);
}

/** `from..to`, two ISO dates; undefined when either is not one. */
function parseRange(text: string): { from: DayNumber; to: DayNumber } | undefined {
  const [from, to, ...rest] = text.split('..');
  if (from === undefined || to === undefined || rest.length > 0) return undefined;
  if (dateProblem(from) !== null || dateProblem(to) !== null) return undefined;
  return { from: toDay(from), to: toDay(to) };
}

const KINDS: readonly SelectionKind[] = ['actor', 'relation', 'event'];

/** The query string (without '?') for a state; defaults are left out to keep links short. */
export function viewToQuery(s: AppState): string {
  const q = new URLSearchParams();
  if (s.datasetKey && s.datasetKey !== SEED_KEY) q.set('dataset', s.datasetKey);
  // A static dataset has no time: its day is a placeholder, not worth a link's words.
  if (!s.model?.index.timeless) q.set('date', formatDay(s.day));
  if (s.playRange) q.set('range', `${formatDay(s.playRange.from)}..${formatDay(s.playRange.to)}`);
  if (s.timeWindow > 0) q.set('window', windowText(s.timeWindow));
  if (s.selection) q.set('select', `${s.selection.kind}:${s.selection.id}`);
  if (s.hiddenTypes.length) q.set('hide-types', s.hiddenTypes.join(','));
  if (s.hiddenKinds.length) q.set('hide-kinds', s.hiddenKinds.join(','));
  if (s.neighbourhoodOnly) q.set('neighbourhood', '1');
  if (s.view !== 'graph') q.set('view', s.view);
  // The radial layout's centre is the selection (`select`), or the most connected actor.
  if (s.layout !== 'force') q.set('layout', s.layout);
  // A story being presented: a link opens it in Present mode at the same step (1-based).
  if (s.presentation) {
    q.set('story', s.presentation.storyId);
    q.set('step', String(s.presentation.step + 1));
  }
  return q.toString();
}

/**
 * The story a query asks to present, and the step (0-based; `step=3` is the third, absent is
 * the first); null when it names none. Whether the dataset has that story is the store's to say.
 */
export function queryStory(search: string): { storyId: string; step: number } | null {
  const q = new URLSearchParams(search);
  const storyId = q.get('story');
  if (!storyId) return null;
  const step = Number(q.get('step') ?? '1');
  return { storyId, step: Number.isInteger(step) && step >= 1 ? step - 1 : 0 };
}

/**
 * The whole view a history entry stands for (Back and Forward): `viewToQuery` leaves defaults
 * out, so what the entry does not name was at its default when the entry was made, and is
 * restored to it rather than kept from the view being left.
 */
export function entryView(search: string, model: ExplorerModel): UrlView {
  return {
    selection: null,
    hiddenTypes: [],
    hiddenKinds: [],
    neighbourhoodOnly: false,
    view: 'graph',
    playRange: null,
    timeWindow: 0,
    layout: 'force',
    ...queryToView(search, model),
  };
}

/** Reads a query string against a model; absent or unknown values are simply not set. */
export function queryToView(search: string, model: ExplorerModel): UrlView {
  const q = new URLSearchParams(search);
  const out: UrlView = {};

  const date = q.get('date');
  if (date !== null && dateProblem(date) === null) out.day = toDay(date) as DayNumber;
  const range = q.get('range');
  const playRange = range === null ? undefined : parseRange(range);
  if (playRange) out.playRange = playRange;
  const window = q.get('window');
  const months = window === null ? undefined : parseWindow(window);
  if (months !== undefined) out.timeWindow = months;

  const select = q.get('select');
  if (select !== null) {
    const at = select.indexOf(':');
    const kind = select.slice(0, at) as SelectionKind;
    const id = select.slice(at + 1);
    const known =
      (kind === 'actor' && model.actorsById.has(id)) ||
      (kind === 'relation' && model.relationsById.has(id)) ||
      (kind === 'event' && model.eventsById.has(id));
    if (at > 0 && KINDS.includes(kind) && known) out.selection = { kind, id } satisfies Selection;
  }

  const list = (name: string, known: ReadonlyMap<string, unknown>) => {
    const v = q.get(name);
    if (v === null) return undefined;
    return [...new Set(v.split(',').filter((x) => known.has(x)))].sort();
  };
  const types = list('hide-types', model.vocabulary.actorTypes);
  if (types) out.hiddenTypes = types;
  const kinds = list('hide-kinds', model.vocabulary.relationKinds);
  if (kinds) out.hiddenKinds = kinds;
  if (q.has('neighbourhood')) out.neighbourhoodOnly = q.get('neighbourhood') === '1';
  const view = q.get('view');
  if (view === 'graph' || view === 'table' || view === 'multiples') out.view = view;
  const layout = q.get('layout');
  if (isLayoutName(layout)) out.layout = layout;
  return out;
}
