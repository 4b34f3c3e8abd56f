/**
 * A one-line chart of a value through time, over the dataset's period (the
 * same span as the time bar), drawn as steps: values hold between samples
 * as the graph does between changes. Its text alternative names the peak
 * and its date; the value at the shown date is in the table beside.
 */
import { humanDay } from '../../core/dates';
import { useStore } from '../../store/store';
import { selectTimeKind } from '../../store/timeView';
import { NowLine } from './NowLine';
import { niceMax, stepPath, type Point } from './series';

const H = 100;

export function Sparkline({
  label,
  points,
  start,
  end,
  variant,
  format = String,
  max: fixedMax,
}: {
  label: string;
  points: readonly Point[];
  start: number;
  end: number;
  variant: 'positive' | 'negative' | 'betweenness';
  format?: (v: number) => string;
  /** Shared vertical scale (e.g. the two degree charts); default: this series' own. */
  max?: number;
}) {
  const kind = useStore(selectTimeKind);
  let peak: Point | null = null;
  for (const p of points)
    if (p.value !== null && (peak === null || p.value > peak.value!)) peak = p;
  const max = fixedMax ?? niceMax(peak?.value ?? 0);
  const y = (v: number) => 4 + (1 - v / max) * (H - 8);
  const d = stepPath(points, start, end, y);
  const summary =
    peak && peak.value! > 0
      ? `${label}: highest ${format(peak.value!)}, from ${humanDay(peak.day, 'month', kind)}.`
      : `${label}: none over the period.`;
  return (
    <div className={`spark spark--${variant}`}>
      <p className="spark__head">
        <span className="spark__label">{label}</span>
        <span className="spark__scale">0 – {format(max)}</span>
      </p>
      <div className="spark__plot">
        <svg
          className="spark__svg"
          viewBox={`0 0 ${Math.max(1, end - start)} ${H}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={summary}
        >
          <line
            className="spark__base"
            x1={0}
            x2={end - start}
            y1={y(0)}
            y2={y(0)}
            vectorEffect="non-scaling-stroke"
          />
          <path className="spark__line" d={d} vectorEffect="non-scaling-stroke" />
        </svg>
        <NowLine start={start} end={end} />
      </div>
    </div>
  );
}
