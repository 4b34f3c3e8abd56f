import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/layout';
import { CHUNK_EDGES, EdgeBatches, type PathSink } from './edgeBatches';
import type { Box, EdgeScratch, RenderedElement } from './internals';
import type { EdgeLook } from './looks';
import { EdgesInSight, type EdgeBox } from './paths';

/** A path that records its commands; `addPath` appends the other path's. */
class RecordedPath implements PathSink {
  readonly ops: string[] = [];
  moveTo(x: number, y: number) {
    this.ops.push(`M${x},${y}`);
  }
  lineTo(x: number, y: number) {
    this.ops.push(`L${x},${y}`);
  }
  quadraticCurveTo(cx: number, cy: number, x: number, y: number) {
    this.ops.push(`Q${cx},${cy},${x},${y}`);
  }
  arc(x: number, y: number, radius: number) {
    this.ops.push(`A${x},${y},${radius}`);
  }
  closePath() {
    this.ops.push('Z');
  }
  addPath(path: Path2D) {
    this.ops.push(...(path as unknown as RecordedPath).ops);
  }
}

/**
 * A path's subpaths, sorted: within one stroke (one colour, one width) the order of subpaths
 * does not change the picture, so this is what a stroke draws.
 */
function subpaths(path: unknown): string[] {
  const all: string[] = [];
  for (const op of (path as RecordedPath).ops)
    if (op.startsWith('M') || all.length === 0) all.push(op);
    else all[all.length - 1] += ` ${op}`;
  return all.sort();
}

/** The strokes and fills a frame made, in order, with the state they were made in. */
function recordingContext() {
  const calls: string[] = [];
  let dash: readonly number[] = [];
  const context = {
    save() {},
    restore() {},
    setLineDash(d: readonly number[]) {
      dash = d;
    },
    stroke(path: unknown) {
      calls.push(`stroke ${String(context.strokeStyle)} ${context.lineWidth} [${dash.join()}]`);
      calls.push(...subpaths(path));
    },
    fill(path: unknown) {
      calls.push(`fill ${String(context.fillStyle)}`);
      calls.push(...subpaths(path));
    },
    lineJoin: '',
    lineCap: '',
    lineWidth: 0,
    strokeStyle: '' as unknown,
    fillStyle: '' as unknown,
  };
  return { context: context as unknown as CanvasRenderingContext2D, calls };
}

function edgeLook(color: string, width: number, arrow: boolean, dash: number[] = []): EdgeLook {
  return {
    special: false,
    kind: 'edge',
    shown: true,
    takesSpace: true,
    interactive: true,
    zOrder: null,
    zIndex: 0,
    invisible: false,
    lineKey: `${color}|1|${dash.length > 0 ? 'dashed' : 'solid'}`,
    color,
    width,
    dash,
    arrow: arrow
      ? { key: color, color, size: 3 * width, points: [-0.15, -0.3, 0, 0, 0.15, -0.3] }
      : null,
    pad: width + (arrow ? 3 * width : 0),
  };
}

const LOOKS = [
  edgeLook('red', 1, false),
  edgeLook('red', 1.1, false), // the same batch as the first, once bucketed
  edgeLook('red', 4, true),
  edgeLook('blue', 2, true),
  edgeLook('blue', 2, false, [6, 3]),
  edgeLook('green', 0.5, false),
];

interface FakeEdge {
  ele: RenderedElement;
  look: EdgeLook;
  /** The edge's z-order record, which keeps its box between frames. */
  holder: { box: EdgeBox | null };
}

/**
 * Edges with Cytoscape's geometry fields, and the steps a view makes: additions and removals
 * (Cytoscape's pool moves its last element into a removed one's slot), restyles, an actor
 * dragged (its edges get new geometry arrays), pans and zooms.
 */
function world(seed: number) {
  const random = seededRandom(seed);
  const pool: FakeEdge[] = [];
  let made = 0;
  const geometry = (rs: EdgeScratch) => {
    const x = random() * 1000;
    const y = random() * 1000;
    const curved = random() < 0.5;
    rs.edgeType = curved ? 'bezier' : 'straight';
    rs.allpts = curved
      ? [x, y, x + 20, y + 40, x + 60, y + 10]
      : [x, y, x + random() * 200, y + random() * 200];
    rs.arrowEndX = rs.allpts[rs.allpts.length - 2];
    rs.arrowEndY = rs.allpts[rs.allpts.length - 1];
    rs.tgtArrowAngle = random() * 6;
  };
  const pick = () => pool[Math.floor(random() * pool.length)]!;
  const add = () => {
    const rs: EdgeScratch = { badLine: false, isRound: false };
    geometry(rs);
    const ele = { _private: { group: 'edges', rscratch: rs, id: `e${made++}` } };
    pool.push({
      ele: ele as unknown as RenderedElement,
      look: LOOKS[Math.floor(random() * LOOKS.length)]!,
      holder: { box: null },
    });
  };
  const remove = () => {
    const at = Math.floor(random() * pool.length);
    const last = pool.pop()!;
    if (at < pool.length) pool[at] = last;
  };
  return {
    pool,
    add,
    remove,
    restyle: () => {
      pick().look = LOOKS[Math.floor(random() * LOOKS.length)]!;
    },
    drag: () => geometry(pick().ele._private.rscratch),
    sight(extent: Box) {
      const sight = new EdgesInSight(extent);
      for (const edge of pool) sight.add(edge.ele, edge.look, edge.holder);
      return sight;
    },
  };
}

/** What a frame strokes and fills. */
function drawnBy(batches: EdgeBatches, sight: EdgesInSight, scale: number): string[] {
  const { context, calls } = recordingContext();
  batches.draw(context, sight, scale);
  return calls;
}

const newPath = () => new RecordedPath();

describe('edge batches kept in chunks', () => {
  for (const seed of [1, 2, 3])
    it(`draw what batches built from scratch draw, after each change (seed ${seed})`, () => {
      const w = world(seed);
      for (let i = 0; i < 700; i++) w.add();
      const kept = new EdgeBatches(newPath);
      let extent: Box = { x1: 0, y1: 0, x2: 1300, y2: 1300 };
      let scale = 0.8;
      const random = seededRandom(seed + 100);
      const changes: [string, () => void][] = [
        ['add', () => w.add()],
        ['remove', () => w.remove()],
        ['restyle', () => w.restyle()],
        ['drag', () => w.drag()],
        [
          'pan',
          () => {
            const dx = (random() - 0.5) * 600;
            extent = { x1: dx, y1: dx / 2, x2: dx + 700, y2: dx / 2 + 700 };
          },
        ],
        ['zoom', () => (scale = [0.8, 1.5, 0.4][Math.floor(random() * 3)]!)],
      ];
      for (let step = 0; step < 60; step++) {
        const done: string[] = [];
        for (let n = 1 + Math.floor(random() * 8); n > 0; n--) {
          const [name, change] = changes[Math.floor(random() * changes.length)]!;
          change();
          done.push(name);
        }
        const sight = w.sight(extent);
        const scratch = drawnBy(new EdgeBatches(newPath), w.sight(extent), scale);
        expect(drawnBy(kept, sight, scale), `step ${step}: ${done.join(', ')}`).toEqual(scratch);
      }
    });

  it('keep dashed and dotted lines apart from solid ones in a dense view, a few device pixels per dash', () => {
    const looks = [
      edgeLook('blue', 2, false),
      edgeLook('red', 2, false, [6, 3]),
      { ...edgeLook('orange', 2, false, [1, 1]), lineKey: 'orange|1|dotted' },
    ];
    const edges = Array.from({ length: 3000 }, (_, i) => {
      const rs: EdgeScratch = { badLine: false, isRound: false, edgeType: 'straight' };
      rs.allpts = [i, 0, i, 100];
      const ele = { _private: { group: 'edges', rscratch: rs, id: `e${i}` } };
      return { ele: ele as unknown as RenderedElement, look: looks[i % 3]!, holder: { box: null } };
    });
    const dashesAt = (scale: number, count: number) => {
      const sight = new EdgesInSight({ x1: -10, y1: -10, x2: 3100, y2: 1000 });
      for (const edge of edges.slice(0, count)) sight.add(edge.ele, edge.look, edge.holder);
      return drawnBy(new EdgeBatches(newPath), sight, scale)
        .filter((call) => call.startsWith('stroke'))
        .map((call) => {
          const [, colour, width, dash] = call.split(' ');
          const px = dash!.slice(1, -1).split(',').filter(Boolean);
          return `${colour} ${Number(width) * scale} [${px.map((d) => Number(d) * scale).join()}]`;
        });
    };
    // Dense (more than 500 edges in sight, zoomed out): hairlines, each style's own pattern.
    expect(dashesAt(0.25, 900)).toEqual(['blue 0.5 []', 'red 0.5 [8,4]', 'orange 0.5 [2,5]']);
    // Zoomed in, or few edges: the styles' own patterns in graph units.
    expect(dashesAt(2, 900)).toEqual(['blue 4 []', 'red 4 [12,6]', 'orange 4 [2,2]']);
    expect(dashesAt(0.25, 300)).toEqual([
      'blue 0.5 []',
      'red 0.5 [1.5,0.75]',
      'orange 0.5 [0.25,0.25]',
    ]);
    // A tangle of thousands of hairlines: all solid.
    expect(dashesAt(0.25, 3000)).toEqual(['blue 0.5 []', 'red 0.5 []', 'orange 0.5 []']);
  });

  it('rebuild only the chunks a step changed, and nothing in a frame that changed nothing', () => {
    const w = world(7);
    for (let i = 0; i < 2000; i++) w.add();
    const extent = { x1: 0, y1: 0, x2: 1300, y2: 1300 };
    const kept = new EdgeBatches(newPath);
    drawnBy(kept, w.sight(extent), 0.8);
    expect(kept.stats.rebuiltEdges).toBe(2000);

    drawnBy(kept, w.sight(extent), 0.8);
    expect(kept.stats.rebuiltChunks).toBe(0);

    // A playback step: a few relations end and a few begin.
    for (let i = 0; i < 5; i++) w.remove();
    for (let i = 0; i < 5; i++) w.add();
    const scratch = drawnBy(new EdgeBatches(newPath), w.sight(extent), 0.8);
    expect(drawnBy(kept, w.sight(extent), 0.8)).toEqual(scratch);
    // Each removal dirties one chunk at most; the new edges join those chunks or the last ones.
    expect(kept.stats.rebuiltChunks).toBeLessThanOrEqual(5 + LOOKS.length);
    expect(kept.stats.rebuiltEdges).toBeLessThan(2000 / 4);
    expect(kept.stats.chunks).toBeGreaterThanOrEqual(2000 / CHUNK_EDGES);
  });
});
