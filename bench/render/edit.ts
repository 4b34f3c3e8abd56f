/**
 * Edit-to-screen (issue #17): how long a user waits, after an edit, for the
 * frame that shows it. The same edits are shown two ways:
 * - follow: the view on screen applies the edit (`GraphView.updateModel`),
 *   re-reading only the edited elements;
 * - rebuild: a new view is made for the edited model (what the app did before
 *   it followed edits), timed until its first whole frame.
 * Each is timed from the call until the frame showing the edit is finished
 * (the draw event, then the rest of that frame). The next model is made
 * first by `applyEditToModel` (core/edit/model.ts), outside both times, and
 * timed on its own (`modelMs`).
 *
 * The edits: add a relation between two drawn actors that had none; change a
 * drawn relation's dates so that it ends before the shown day (it leaves the
 * picture). Each is followed FOLLOW_RUNS times (undoing it in between,
 * untimed) and rebuilt REBUILD_RUNS times; medians are reported.
 */
import type { Core } from 'cytoscape';
import { invertEdit } from '../../src/core/edit/apply';
import type { Edit } from '../../src/core/edit/edit';
import { applyEditToModel } from '../../src/core/edit/model';
import { formatDay } from '../../src/core/dates';
import type { ExplorerModel } from '../../src/core/explorer-model';
import type { Relation } from '../../src/core/schema';
import { createGraphView, loadBatchedDrawing } from '../../src/graph/adapter';
import type { GraphView } from '../../src/graph/contract';
import type { PagePayload } from './harness';
import { benchModel } from './model';

const FOLLOW_RUNS = 5;
const REBUILD_RUNS = 3;

export interface EditTiming {
  edit: string;
  /** Median ms from the call until the frame showing the edit is finished. */
  followMs: number;
  /** Of which the synchronous call (`updateModel`), median ms. */
  followUpdateMs: number;
  rebuildMs: number;
  /** Elements the view added to its canvas to follow the edit once. */
  followMounted: number;
  /** Median ms to make the next model (not part of the two times above). */
  modelMs: number;
}

export interface EditResult {
  size: string;
  actors: number;
  relations: number;
  edits: EditTiming[];
}

declare global {
  interface Window {
    __benchEdit?: { run(url: string): Promise<EditResult> };
  }
}

const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cyOf = (container: HTMLElement) =>
  (container as unknown as { _cyreg: { cy: Core } })._cyreg.cy;

/** Resolves at the end of the first frame in which the view is drawn whole. */
function drawnWhole(view: GraphView, container: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    const wait = () =>
      cyOf(container).one('render', () => {
        if (!view.mountedAll()) return wait();
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve();
        ch.port2.postMessage(0);
      });
    wait();
  });
}

/** The two benchmark edits, on what the view draws at the start. */
function benchEdits(model: ExplorerModel, view: GraphView, day: number): [string, Edit][] {
  const relations = model.dataset.relations;
  const paired = new Set(relations.map((r) => `${r.source}\u0000${r.target}`));
  const drawn = view.liveActors();
  const [a, b] = drawn.flatMap((x, i) =>
    drawn
      .slice(i + 1, i + 50)
      .filter((y) => !paired.has(`${x}\u0000${y}`) && !paired.has(`${y}\u0000${x}`))
      .map((y) => [x, y]),
  )[0]!;
  const added: Relation = {
    id: 'bench-edit-added',
    source: a!,
    target: b!,
    kind: relations[0]!.kind,
    from: formatDay(day - 365),
    evidence: [],
  };
  const changed = model.relationsById.get(view.drawnRelations()[0]!)!;
  const index = model.relationIndex.get(changed.id)!;
  return [
    [
      'add one relation between two drawn actors',
      { op: 'add', list: 'relations', item: added, index: relations.length },
    ],
    [
      "change one drawn relation's dates (it ends before the shown day)",
      {
        op: 'update',
        list: 'relations',
        before: changed,
        after: { ...changed, from: formatDay(day - 730), until: formatDay(day - 1) },
        index,
      },
    ],
  ];
}

/** Times `run` and the frame that shows it: [until drawn, of which `run` itself] in ms. */
async function time(
  run: () => void,
  view: () => GraphView,
  container: HTMLElement,
): Promise<[number, number]> {
  await nextFrame();
  const t = performance.now();
  run();
  const ran = performance.now() - t;
  await drawnWhole(view(), container);
  return [performance.now() - t, ran];
}

/** Follows an edit FOLLOW_RUNS times, undoing it in between (untimed). */
async function timeFollow(
  view: GraphView,
  container: HTMLElement,
  model: ExplorerModel,
  edit: Edit,
) {
  const total: number[] = [];
  const update: number[] = [];
  const modelTimes: number[] = [];
  let mounted = 0;
  for (let i = 0; i < FOLLOW_RUNS; i++) {
    const t = performance.now();
    const next = applyEditToModel(model, edit);
    modelTimes.push(performance.now() - t);
    const before = view.elementsMounted();
    const [all, call] = await time(
      () => view.updateModel(next.model, next.change),
      () => view,
      container,
    );
    total.push(all);
    update.push(call);
    mounted = view.elementsMounted() - before;
    const back = applyEditToModel(next.model, invertEdit(edit));
    view.updateModel(back.model, back.change);
    await drawnWhole(view, container);
  }
  return {
    followMs: median(total),
    followUpdateMs: median(update),
    followMounted: mounted,
    modelMs: median(modelTimes),
  };
}

/** Builds a new view for the edited model REBUILD_RUNS times; leaves a view of `model` on screen. */
async function timeRebuild(
  view: GraphView,
  container: HTMLElement,
  model: ExplorerModel,
  edit: Edit,
  day: number,
) {
  const edited = applyEditToModel(model, edit);
  const times: number[] = [];
  for (let i = 0; i < REBUILD_RUNS; i++) {
    const [all] = await time(
      () => {
        view.destroy();
        view = createGraphView(container, edited.model, day);
      },
      () => view,
      container,
    );
    times.push(all);
  }
  view.destroy();
  // The union graph is shared and updated in place (core/edit/model.ts): undo the edit in it too.
  applyEditToModel(edited.model, invertEdit(edit));
  view = createGraphView(container, model, day);
  await drawnWhole(view, container);
  return { view, rebuildMs: median(times) };
}

window.__benchEdit = {
  async run(url: string): Promise<EditResult> {
    // Large graphs draw in batches, whose code is loaded on demand (adapter.ts), as in the app.
    await loadBatchedDrawing();
    const data = (await (await fetch(url)).json()) as PagePayload;
    const container = document.getElementById('graph')!;
    const day = data.steps[0]!;
    const model = benchModel(data);
    let view = createGraphView(container, model, day);
    await drawnWhole(view, container);
    const edits: EditTiming[] = [];
    for (const [name, edit] of benchEdits(model, view, day)) {
      const followed = await timeFollow(view, container, model, edit);
      const rebuilt = await timeRebuild(view, container, model, edit, day);
      view = rebuilt.view;
      edits.push({ edit: name, ...followed, rebuildMs: rebuilt.rebuildMs });
    }
    view.destroy();
    return {
      size: data.size,
      actors: model.dataset.actors.length,
      relations: model.dataset.relations.length,
      edits,
    };
  },
};
