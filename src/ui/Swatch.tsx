/** Small SVG keys that draw a node shape or a line style as the graph and its exports do. */
import { dashArray, shapePath } from '../core/render/shapes';
import type { LineStyle, ResolvedActorType } from '../core/vocabulary';

export function ShapeSwatch({ type }: { type: Pick<ResolvedActorType, 'shape' | 'color'> }) {
  return (
    <svg className="swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d={shapePath(type.shape, 8, 8, 7)} fill={type.color} />
    </svg>
  );
}

export function LineSwatch({
  color,
  lineStyle,
  directed,
}: {
  color: string;
  lineStyle: LineStyle;
  directed: boolean;
}) {
  return (
    <svg
      className="swatch swatch--line"
      width="34"
      height="16"
      viewBox="0 0 34 16"
      aria-hidden="true"
    >
      <line
        x1="2"
        y1="8"
        x2={directed ? 26 : 32}
        y2="8"
        stroke={color}
        strokeWidth="3"
        strokeDasharray={dashArray(lineStyle, 3)}
        strokeLinecap={lineStyle === 'dotted' ? 'round' : 'butt'}
      />
      {directed && <polygon points="25,3 33,8 25,13" fill={color} />}
    </svg>
  );
}
