/**
 * The model's part of an edit (issue #17), in Node: for the edits a user
 * makes most, the time to build the edit (the builders, with validation as on
 * import), and to make the next model by following it (`applyEditToModel`,
 * which applies it to the dataset too) against rebuilding the model from the
 * edited dataset (`buildExplorerModel`, given the positions, so the layout is
 * not counted: the rebuild is timed at its cheapest). Engineer C's
 * `edit.bench.ts` measures edit to screen in the browser.
 *
 * The edits, on the synthetic dataset: add a relation between two actors;
 * change the dates of the relation in the middle of the list; delete the
 * actor in the middle of the list, with its relations. Each is followed
 * FOLLOW_RUNS times from the same model (the union graph, updated in place,
 * is put back by the inverse edit between runs, untimed) and rebuilt
 * REBUILD_RUNS times; medians are reported, with the CPU pressure of the
 * size's run (Linux PSI: the share of time some task waited for a core; other
 * jobs on a shared machine inflate every number here).
 *
 * Run alone: `npx tsx bench/edit-model.bench.ts [M,L]`.
 */
import { pathToFileURL } from 'node:url';
import { invertEdit } from '../src/core/edit/apply';
import { addItem, newId, removeItem, updateItem, type EditResult } from '../src/core/edit/builders';
import type { Edit } from '../src/core/edit/edit';
import { applyEditToModel } from '../src/core/edit/model';
import { buildExplorerModel, type ExplorerModel } from '../src/core/explorer-model';
import type { Point } from '../src/core/layout';
import type { Dataset } from '../src/core/schema';
import { generateSynthetic, type SyntheticSize } from '../src/core/synthetic';
import { SEED } from './data';
import { cpuStallMicros } from './pressure';
import { median, round } from './stats';

const FOLLOW_RUNS = 15;
const REBUILD_RUNS = 5;

export interface EditModelTiming {
  edit: string;
  /** Median ms to build the edit (builder and its validation), on a dataset already checked once. */
  buildMs: number;
  /** Median ms of `applyEditToModel`. */
  followMs: number;
  /** Median ms of `buildExplorerModel` of the edited dataset, positions given. */
  rebuildMs: number;
}

export interface EditModelResult {
  size: SyntheticSize;
  actors: number;
  relations: number;
  /** Share of the size's run in which some task waited for a core (Linux PSI), or null. */
  cpuPressure: number | null;
  edits: EditModelTiming[];
}

/** The three benchmark edits, built the way the UI builds them. */
function benchEdits(d: Dataset): [string, () => EditResult][] {
  const middle = d.relations[Math.floor(d.relations.length / 2)]!;
  const [a, b] = [d.actors[1]!, d.actors[d.actors.length - 2]!];
  const victim = d.actors[Math.floor(d.actors.length / 2)]!;
  return [
    [
      'add one relation',
      () =>
        addItem(d, 'relations', {
          id: newId(d, 'relations', `${a.label} ${b.label} hostility`),
          source: a.id,
          target: b.id,
          kind: 'hostility',
          from: '2007-12',
          evidence: [],
        }),
    ],
    [
      "change one relation's dates",
      () => updateItem(d, 'relations', middle.id, { ...middle, until: '2030-05-02' }),
    ],
    [
      `remove one actor (${d.relations.filter((r) => r.source === victim.id || r.target === victim.id).length} relations)`,
      () => removeItem(d, 'actors', victim.id),
    ],
  ];
}

function timed(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function timeEdit(model: ExplorerModel, label: string, build: () => EditResult): EditModelTiming {
  build(); // warm: the validation caches are built once per dataset
  let result: EditResult = build();
  const buildMs = median(
    Array.from({ length: FOLLOW_RUNS }, () => timed(() => (result = build()))),
  );
  if (!('edit' in result)) throw new Error(`${label}: ${result.refused}`);
  const edit: Edit = result.edit;
  const undo = invertEdit(edit);
  const follow: number[] = [];
  let edited = model;
  for (let run = 0; run < FOLLOW_RUNS; run++) {
    follow.push(timed(() => (edited = applyEditToModel(model, edit).model)));
    applyEditToModel(edited, undo); // puts the shared union graph back
  }
  const positions: Map<string, Point> = edited.positions;
  const dataset = edited.dataset;
  const rebuild = Array.from({ length: REBUILD_RUNS }, () =>
    timed(() => buildExplorerModel(dataset, positions)),
  );
  return {
    edit: label,
    buildMs: round(buildMs, 3),
    followMs: round(median(follow), 3),
    rebuildMs: round(median(rebuild), 1),
  };
}

export function runEditModelBench(
  sizes: readonly SyntheticSize[] = ['M', 'L'],
  log: (s: string) => void = console.log,
): EditModelResult[] {
  return sizes.map((size) => {
    const { dataset } = generateSynthetic(size, SEED);
    // Positions do not enter these edits' timing; a row keeps the layout out of the benchmark.
    const positions = new Map(dataset.actors.map((a, i) => [a.id, { x: 10 * i, y: 0 }]));
    const model = buildExplorerModel(dataset, positions);
    const stallStart = cpuStallMicros();
    const started = performance.now();
    const edits = benchEdits(dataset).map(([label, build]) => timeEdit(model, label, build));
    const cpuPressure = pressureSince(stallStart, started);
    for (const e of edits)
      log(
        `edit model ${size}, ${e.edit}: build ${e.buildMs} ms, follow ${e.followMs} ms, ` +
          `rebuild ${e.rebuildMs} ms (CPU pressure ${cpuPressure ?? '–'}%)`,
      );
    return {
      size,
      actors: dataset.actors.length,
      relations: dataset.relations.length,
      cpuPressure,
      edits,
    };
  });
}

function pressureSince(stallStart: number | null, startedMs: number): number | null {
  const end = cpuStallMicros();
  if (stallStart === null || end === null) return null;
  return round((100 * (end - stallStart)) / ((performance.now() - startedMs) * 1000), 1);
}

/** The RESULTS.md section: one row per size and edit. */
export function editModelMarkdown(results: readonly EditModelResult[]): string[] {
  if (results.length === 0) return [];
  const rows = results.flatMap((r) =>
    r.edits.map(
      (e) =>
        `| ${r.size} | ${r.actors} / ${r.relations} | ${e.edit} | ${e.buildMs} | **${e.followMs}** | ` +
        `**${e.rebuildMs}** | ${round(e.rebuildMs / e.followMs, 0)}x | ${r.cpuPressure ?? '–'}% |`,
    ),
  );
  return [
    '## Edit: the model (Node)',
    '',
    '| size | actors / relations | edit | build ms | follow ms | rebuild ms | rebuild / follow | CPU pressure |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Median of ${FOLLOW_RUNS} runs (rebuild: ${REBUILD_RUNS}), bench/edit-model.bench.ts. Build: the ` +
      'builder with its validation. Follow: `applyEditToModel` (the edited dataset, index, union ' +
      'graph, id maps and positions). Rebuild: `buildExplorerModel` of the edited dataset with the ' +
      'positions given (no layout: the cheapest rebuild).',
    '',
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = (process.argv[2]?.split(',') as SyntheticSize[] | undefined) ?? ['M', 'L'];
  console.log(JSON.stringify(runEditModelBench(sizes), null, 2));
}
