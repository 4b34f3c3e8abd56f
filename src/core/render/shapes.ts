/**
 * Node shapes as SVG path data, matching Cytoscape's shapes closely enough
 * that exports and legend swatches look like the canvas.
 */
import type { ResolvedActorType } from '../vocabulary';

export type ShapeName = ResolvedActorType['shape'];

const f = (n: number) => Number(n.toFixed(2));

function polygon(points: [number, number][]): string {
  return `M${points.map(([x, y]) => `${f(x)},${f(y)}`).join('L')}Z`;
}

function regular(cx: number, cy: number, r: number, sides: number, rotate: number): string {
  return polygon(
    Array.from({ length: sides }, (_, i) => {
      const a = rotate + (i * 2 * Math.PI) / sides;
      return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as [number, number];
    }),
  );
}

/** Path data for a shape of half-size r centred on (cx, cy). */
export function shapePath(shape: ShapeName, cx: number, cy: number, r: number): string {
  switch (shape) {
    case 'ellipse':
      return `M${f(cx - r)},${f(cy)}A${f(r)},${f(r)} 0 1,0 ${f(cx + r)},${f(cy)}A${f(r)},${f(r)} 0 1,0 ${f(cx - r)},${f(cy)}Z`;
    case 'rectangle':
      return polygon([
        [cx - r, cy - r],
        [cx + r, cy - r],
        [cx + r, cy + r],
        [cx - r, cy + r],
      ]);
    case 'round-rectangle': {
      const k = r * 0.5;
      return (
        `M${f(cx - r + k)},${f(cy - r)}H${f(cx + r - k)}Q${f(cx + r)},${f(cy - r)} ${f(cx + r)},${f(cy - r + k)}` +
        `V${f(cy + r - k)}Q${f(cx + r)},${f(cy + r)} ${f(cx + r - k)},${f(cy + r)}H${f(cx - r + k)}` +
        `Q${f(cx - r)},${f(cy + r)} ${f(cx - r)},${f(cy + r - k)}V${f(cy - r + k)}Q${f(cx - r)},${f(cy - r)} ${f(cx - r + k)},${f(cy - r)}Z`
      );
    }
    case 'diamond':
      return polygon([
        [cx, cy - r],
        [cx + r, cy],
        [cx, cy + r],
        [cx - r, cy],
      ]);
    case 'hexagon':
      return regular(cx, cy, r, 6, 0);
    case 'octagon':
      return regular(cx, cy, r, 8, Math.PI / 8);
    case 'pentagon':
      return regular(cx, cy, r, 5, -Math.PI / 2);
    case 'triangle':
      return regular(cx, cy, r, 3, -Math.PI / 2);
    case 'star':
      return polygon(
        Array.from({ length: 10 }, (_, i) => {
          const a = -Math.PI / 2 + (i * Math.PI) / 5;
          const rr = i % 2 === 0 ? r : r * 0.42;
          return [cx + rr * Math.cos(a), cy + rr * Math.sin(a)] as [number, number];
        }),
      );
    case 'vee':
      return polygon([
        [cx - r, cy - r * 0.8],
        [cx, cy - r * 0.25],
        [cx + r, cy - r * 0.8],
        [cx, cy + r],
      ]);
    case 'tag':
      return polygon([
        [cx - r, cy - r * 0.75],
        [cx + r * 0.4, cy - r * 0.75],
        [cx + r, cy],
        [cx + r * 0.4, cy + r * 0.75],
        [cx - r, cy + r * 0.75],
      ]);
  }
}

/** SVG dash pattern for a line style at a stroke width. */
export function dashArray(style: 'solid' | 'dashed' | 'dotted', width: number): string | undefined {
  if (style === 'dashed') return `${f(width * 3)} ${f(width * 1.6)}`;
  if (style === 'dotted') return `${f(width * 0.1)} ${f(width * 1.8)}`;
  return undefined;
}
