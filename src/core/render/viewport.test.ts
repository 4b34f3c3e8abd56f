import { describe, expect, it } from 'vitest';
import { labelBox, type LabelPlace } from './labels';
import {
  fitLabelled,
  fitPoints,
  keepCentre,
  obscuredBottom,
  revealLabelled,
  sameViewport,
  type LabelledPoint,
  type Viewport,
} from './viewport';

const screen = { width: 800, height: 600, padding: 40, radius: 10, minZoom: 0.1, maxZoom: 4 };

/** Where a graph point lands on screen under a viewport. */
const onScreen = (v: { zoom: number; pan: { x: number; y: number } }, x: number, y: number) => ({
  x: v.pan.x + v.zoom * x,
  y: v.pan.y + v.zoom * y,
});

describe('fitPoints', () => {
  it('centres the points and keeps every symbol inside the padding', () => {
    const v = fitPoints(
      [
        { x: -500, y: 0 },
        { x: 1500, y: 200 },
        { x: 300, y: -100 },
      ],
      screen,
    )!;
    // The wide side decides: 2020 graph units across 720 screen pixels.
    expect(v.zoom).toBeCloseTo(720 / 2020);
    expect(onScreen(v, -510, 0).x).toBeCloseTo(40);
    expect(onScreen(v, 1510, 0).x).toBeCloseTo(760);
    const top = onScreen(v, 0, -110).y;
    const bottom = onScreen(v, 0, 210).y;
    expect((top + bottom) / 2).toBeCloseTo(300);
  });

  it('keeps the zoom within its limits', () => {
    expect(fitPoints([{ x: 5, y: 5 }], screen)!.zoom).toBe(4);
    expect(
      fitPoints(
        [
          { x: 0, y: 0 },
          { x: 1e6, y: 0 },
        ],
        screen,
      )!.zoom,
    ).toBe(0.1);
  });

  it('has nothing to fit without points', () => {
    expect(fitPoints([], screen)).toBeNull();
  });
});

describe('fitLabelled', () => {
  const phone = {
    width: 390,
    height: 500,
    padding: 40,
    paddingTop: 40,
    minZoom: 0.1,
    maxZoom: 4,
    gapAt: () => 4,
  };
  const point = (id: string, x: number, y: number, place: LabelPlace, width = 100) => ({
    ...{ id, x, y, radius: 16, width, height: 20, priority: 0, place },
  });
  /** A row of actors wider than the phone, labels left and right at the ends. */
  const row: LabelledPoint[] = [
    point('west', -400, 0, 'left', 160),
    point('middle', 0, 0, 'bottom'),
    point('east', 400, 0, 'right', 160),
  ];

  /** Each label's and symbol's box on screen under a viewport, at the label scale it implies. */
  function screenBoxes(v: Viewport, points: LabelledPoint[], scaleAt: (zoom: number) => number) {
    const toScreen = (b: { x1: number; y1: number; x2: number; y2: number }) => ({
      ...{ x1: v.pan.x + v.zoom * b.x1, x2: v.pan.x + v.zoom * b.x2 },
      ...{ y1: v.pan.y + v.zoom * b.y1, y2: v.pan.y + v.zoom * b.y2 },
    });
    return points.flatMap((p) => [
      toScreen({ x1: p.x - p.radius, x2: p.x + p.radius, y1: p.y - p.radius, y2: p.y + p.radius }),
      ...(p.place === 'hidden' ? [] : [toScreen(labelBox(p, p.place, 4, scaleAt(v.zoom)))]),
    ]);
  }

  it('keeps labels that stick out beyond the outer actors inside the padding', () => {
    const scaleAt = () => 1;
    const v = fitLabelled(() => row, { ...phone, labelScaleAt: scaleAt })!;
    const boxes = screenBoxes(v, row, scaleAt);
    const left = Math.min(...boxes.map((b) => b.x1));
    const right = Math.max(...boxes.map((b) => b.x2));
    // The labels decide the width: 2 × (400 + 16 + 4 + 160) graph units across 310 pixels.
    expect(v.zoom).toBeCloseTo(310 / 1160, 3);
    expect(left).toBeCloseTo(40, 1);
    expect(right).toBeCloseTo(350, 1);
    // A fit on the symbols alone would have cut both end labels.
    const symbolsOnly = fitPoints(row, { ...phone, radius: 16 })!;
    expect(symbolsOnly.zoom).toBeGreaterThan(v.zoom * 1.3);
  });

  it('makes room for labels that keep their screen size as the view zooms out (a phone)', () => {
    // Labels drawn at least 11 px tall whatever the zoom: zooming out grows them in graph units.
    const scaleAt = (zoom: number) => Math.max(1, 11 / (12 * zoom));
    const wide = [point('west', -400, 0, 'left', 60), point('east', 400, 0, 'right', 60)];
    const v = fitLabelled(() => wide, { ...phone, labelScaleAt: scaleAt })!;
    expect(scaleAt(v.zoom)).toBeGreaterThan(1);
    for (const b of screenBoxes(v, wide, scaleAt)) {
      expect(b.x1).toBeGreaterThanOrEqual(40 - 1e-6);
      expect(b.x2).toBeLessThanOrEqual(350 + 1e-6);
    }
    // The fit at scale 1 would push the grown labels past the padding, halfway to the edge.
    const atScaleOne = fitLabelled(() => wide, { ...phone, labelScaleAt: () => 1 })!;
    const grown = screenBoxes(atScaleOne, wide, scaleAt);
    expect(Math.max(...grown.map((b) => b.x2))).toBeGreaterThan(350 + 20);
  });

  it('leaves hidden labels out, and centres what is left', () => {
    const hidden = row.map((p) => ({ ...p, place: 'hidden' as const }));
    const v = fitLabelled(() => hidden, { ...phone, labelScaleAt: () => 1 })!;
    expect(v.zoom).toBeCloseTo(310 / 832, 4);
    expect(v.pan.x).toBeCloseTo(195);
  });

  it('keeps the zoom within its limits, and has nothing to fit without points', () => {
    const one = [point('alone', 5, 5, 'bottom', 10)];
    expect(fitLabelled(() => one, { ...phone, labelScaleAt: () => 1 })!.zoom).toBe(4);
    const far = [point('a', 0, 0, 'bottom'), point('b', 1e6, 0, 'bottom')];
    expect(fitLabelled(() => far, { ...phone, labelScaleAt: () => 1 })!.zoom).toBe(0.1);
    expect(fitLabelled(() => [], { ...phone, labelScaleAt: () => 1 })).toBeNull();
  });

  it('fits the labels as placed at the zoom it picks, where a zoom further out hides some', () => {
    // A label too wide for the window stays shown until labels are drawn twice their size
    // (the placement pass then hides it), as a crowded phone view would.
    const scaleAt = (zoom: number) => Math.max(1, 0.5 / zoom);
    const pointsAt = (labelScale: number): LabelledPoint[] => [
      point('west', -400, 0, 'bottom'),
      point('east', 400, 0, labelScale < 2 ? 'right' : 'hidden', 1000),
    ];
    const v = fitLabelled(pointsAt, { ...phone, labelScaleAt: scaleAt })!;
    // Shown, the wide label cannot fit at any zoom: the fit picks one where it is hidden...
    expect(scaleAt(v.zoom)).toBeGreaterThanOrEqual(2);
    for (const b of screenBoxes(v, pointsAt(scaleAt(v.zoom)), scaleAt)) {
      expect(b.x1).toBeGreaterThanOrEqual(40 - 1e-6);
      expect(b.x2).toBeLessThanOrEqual(350 + 1e-6);
    }
    // ...and the largest such: just where the scale reaches 2 (the search's precision aside).
    expect(v.zoom).toBeGreaterThan(0.25 * 0.99);
  });

  it('narrows the last step in a few placements, to the largest zoom that fits', () => {
    // A phone's crowd: 120 actors, labels of many widths on every side, a third of them hidden
    // once labels are drawn at 1.6 times their size or more.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const places: LabelPlace[] = ['bottom', 'left', 'right', 'top'];
    const crowd = Array.from({ length: 120 }, (_, i) =>
      point(`a${i}`, random() * 1500, random() * 1000, places[i % 4]!, 40 + random() * 120),
    );
    const scaleAt = (zoom: number) => Math.max(1, 11 / (12 * zoom));
    let placements = 0;
    const pointsAt = (scale: number): LabelledPoint[] => {
      placements++;
      return crowd.map((p, i) => ({
        ...p,
        place: scale > 1.6 && i % 3 === 0 ? 'hidden' : p.place,
      }));
    };
    const options = { ...phone, minZoom: 0.02, labelScaleAt: scaleAt };
    const v = fitLabelled(pointsAt, options)!;
    // Steps of a tenth down to 0.05, then the last step narrowed: halving it seven times made
    // 25 placements.
    expect(placements).toBeLessThanOrEqual(20);
    const width = (zoom: number) => {
      const boxes = screenBoxes({ zoom, pan: { x: 0, y: 0 } }, pointsAt(scaleAt(zoom)), scaleAt);
      return Math.max(...boxes.map((b) => b.x2)) - Math.min(...boxes.map((b) => b.x1));
    };
    expect(width(v.zoom)).toBeLessThanOrEqual(310 + 1e-6);
    expect(width(v.zoom * 1.001)).toBeGreaterThan(310);
  });
});

describe('following a canvas’s size', () => {
  const camera: Viewport = { zoom: 1.5, pan: { x: -120, y: 40 } };
  /** The graph point at the centre of a canvas of this size. */
  const centre = (v: Viewport, width: number, height: number) => ({
    x: (width / 2 - v.pan.x) / v.zoom,
    y: (height / 2 - v.pan.y) / v.zoom,
  });

  it('keeps the zoom and the graph point at the centre', () => {
    const from = { width: 390, height: 844 };
    const to = { width: 844, height: 390 };
    const kept = keepCentre(camera, from, to);
    expect(kept.zoom).toBe(1.5);
    expect(centre(kept, to.width, to.height)).toEqual(centre(camera, from.width, from.height));
  });

  it('tells the app’s camera from one moved by less than a pixel, or by a zoom', () => {
    const nudged = (dx: number, zoom = camera.zoom) => ({
      zoom,
      pan: { x: camera.pan.x + dx, y: camera.pan.y },
    });
    expect(sameViewport(camera, nudged(0.2))).toBe(true);
    expect(sameViewport(camera, nudged(3))).toBe(false);
    expect(sameViewport(camera, nudged(0, camera.zoom * 1.01))).toBe(false);
  });
});

describe('what covers a canvas', () => {
  const canvas = { left: 0, top: 44, right: 390, bottom: 560 };

  it('is the band a bottom sheet covers, up to its top edge', () => {
    const sheet = { left: 0, top: 321, right: 390, bottom: 844 };
    expect(obscuredBottom(canvas, [sheet])).toBe(239);
    // A sheet taller than the canvas covers it all, not more.
    expect(obscuredBottom(canvas, [{ ...sheet, top: 10 }])).toBe(516);
  });

  it('leaves out what does not span the canvas’s width or reach its bottom', () => {
    const sideCard = { left: 16, top: 16, right: 300, bottom: 400 }; // a story's card, a desktop
    const besidePanel = { left: 390, top: 44, right: 700, bottom: 560 }; // a side panel
    const foldedToggles = { left: 0, top: 560, right: 390, bottom: 600 }; // below the canvas
    const clear = { left: 24, top: 480, right: 366, bottom: 552 }; // a card clear of the edges
    const high = { left: 0, top: 300, right: 390, bottom: 500 }; // a band left in sight below it
    const empty = { left: 6, top: 554, right: 384, bottom: 554 }; // an empty box covers nothing
    const covers = [sideCard, besidePanel, foldedToggles, clear, high, empty];
    expect(obscuredBottom(canvas, covers)).toBe(0);
    expect(obscuredBottom(canvas, [])).toBe(0);
  });

  it('counts a card short of the edges by a sliver, and covers stacked on one that counts', () => {
    const card = { left: 6, top: 460, right: 384, bottom: 554 }; // a phone's first-visit card
    expect(obscuredBottom(canvas, [card])).toBe(100);
    // Above the example's credit line, itself a sliver short of the edges.
    const credit = { left: 6, top: 520, right: 384, bottom: 554 };
    const above = { ...card, top: 420, bottom: 514 };
    expect(obscuredBottom(canvas, [above, credit])).toBe(140);
    // Without the line, the card leaves a band in sight under it.
    expect(obscuredBottom(canvas, [above])).toBe(0);
  });
});

describe('bringing a selection into sight', () => {
  const visible = {
    width: 390,
    height: 300,
    padding: 16,
    paddingTop: 44,
    minZoom: 0.1,
    maxZoom: 4,
    gapAt: () => 4,
    labelScaleAt: () => 1,
    legibleZoom: 0.9,
  };
  const actor = (id: string, x: number, y: number): LabelledPoint => ({
    ...{ id, x, y, radius: 16, width: 60, height: 16, priority: 0, place: 'bottom' },
  });
  const own = new Set(['selected']);
  /** What a viewport puts on screen: each point's symbol and label box. */
  const boxesOn = (v: Viewport, points: LabelledPoint[]) =>
    points.flatMap((p) =>
      [
        { x1: p.x - p.radius, y1: p.y - p.radius, x2: p.x + p.radius, y2: p.y + p.radius },
        labelBox(p, p.place, 4, 1),
      ].map((b) => ({
        id: p.id,
        ...{ x1: v.pan.x + v.zoom * b.x1, x2: v.pan.x + v.zoom * b.x2 },
        ...{ y1: v.pan.y + v.zoom * b.y1, y2: v.pan.y + v.zoom * b.y2 },
      })),
    );
  const inSight = (b: { x1: number; y1: number; x2: number; y2: number }) =>
    b.x1 >= visible.padding - 1e-6 &&
    b.x2 <= visible.width - visible.padding + 1e-6 &&
    b.y1 >= visible.paddingTop - 1e-6 &&
    b.y2 <= visible.height - visible.padding + 1e-6;

  it('does nothing when the selection and its counterparts are in sight', () => {
    const points = [actor('selected', 0, 0), actor('counterpart', 80, 20)];
    const current = { zoom: 1, pan: { x: 150, y: 120 } };
    expect(revealLabelled(current, () => points, own, visible)).toBeNull();
  });

  it('pans as little as it takes, at the same zoom, to lift them above the sheet', () => {
    const points = [actor('selected', 0, 0), actor('counterpart', 80, -40)];
    // The selection sits 100 px below the part in sight (under the sheet).
    const current = { zoom: 1, pan: { x: 150, y: 400 } };
    const v = revealLabelled(current, () => points, own, visible)!;
    expect(v.zoom).toBe(1);
    expect(v.pan.x).toBe(150);
    const boxes = boxesOn(v, points);
    expect(boxes.every(inSight)).toBe(true);
    // Just inside: the lowest box (the selection's label) touches the bottom margin.
    expect(Math.max(...boxes.map((b) => b.y2))).toBeCloseTo(visible.height - visible.padding);
  });

  it('zooms out to fit the counterparts, but not below the legible zoom', () => {
    // 252 graph units from the top symbol's edge to the lower label's: 240 px of room.
    const near = [actor('selected', 0, 0), actor('counterpart', 0, 200)];
    const current = { zoom: 1, pan: { x: 150, y: 100 } };
    const fitted = revealLabelled(current, () => near, own, visible)!;
    expect(fitted.zoom).toBeLessThan(1);
    expect(fitted.zoom).toBeGreaterThanOrEqual(visible.legibleZoom);
    expect(boxesOn(fitted, near).every(inSight)).toBe(true);

    // Counterparts too far apart to fit at a legible zoom: the selection alone is in sight.
    const far = [actor('selected', 0, 0), actor('north', 0, -900), actor('south', 0, 900)];
    const v = revealLabelled({ zoom: 2, pan: { x: 150, y: 700 } }, () => far, own, visible)!;
    expect(v.zoom).toBe(visible.legibleZoom);
    const boxes = boxesOn(v, far);
    expect(boxes.filter((b) => b.id === 'selected').every(inSight)).toBe(true);
    expect(boxes.filter((b) => b.id !== 'selected').some(inSight)).toBe(false);
  });

  it('never zooms in, nor out from a camera already zoomed out past the legible zoom', () => {
    const points = [actor('selected', 0, 0), actor('far', 2000, 0)];
    const current = { zoom: 0.3, pan: { x: 150, y: 600 } };
    const v = revealLabelled(current, () => points, own, visible)!;
    expect(v.zoom).toBe(0.3);
    expect(
      boxesOn(v, points)
        .filter((b) => b.id === 'selected')
        .every(inSight),
    ).toBe(true);
  });
});
