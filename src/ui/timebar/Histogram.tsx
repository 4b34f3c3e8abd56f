/**
 * Relations active per calendar bin, stacked by polarity in the legend's
 * colours. The SVG's x axis is days since the dataset's start, stretched to
 * the track, so bars line up with the slider at any width. It depends only
 * on the model: memoised, and it never subscribes to the day.
 */
import { memo, useMemo } from 'react';
import { shortDay } from '../../core/dates';
import { timeKindOf } from '../../store/timeView';
import { selectModel } from '../../store/selectors';
import { useStore } from '../../store/store';
import { binEdges, binLabel } from './timeScale';

const HEIGHT = 100; // viewBox units; the CSS sets the pixel height
const LAYERS = [
  { key: 'positive', className: 'timebar__bar--positive' },
  { key: 'negative', className: 'timebar__bar--negative' },
  { key: 'neutral', className: 'timebar__bar--neutral' },
] as const;

export const Histogram = memo(function Histogram() {
  const model = useStore(selectModel);
  const bins = useMemo(() => {
    if (!model) return [];
    const { start, end } = model.index;
    return model.index.activity(binEdges(start, end, undefined, timeKindOf(model)));
  }, [model]);
  if (!model) return null;

  const kind = timeKindOf(model);
  const label = (bin: { start: number; end: number }) => binLabel(bin.start, bin.end, kind);
  const { start, end } = model.index;
  const span = Math.max(1, end - start);
  const peak = Math.max(1, ...bins.map((b) => b.positive + b.negative + b.neutral));
  const busiest = bins.find((b) => b.positive + b.negative + b.neutral === peak);
  const summary = busiest
    ? `Relations active per period, ${shortDay(start, kind)} to ${shortDay(end, kind)}; most in ${label(busiest)}: ${peak}.`
    : 'No relations in this period.';

  return (
    <svg
      className="timebar__histogram"
      viewBox={`0 0 ${span} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={summary}
      data-peak={peak}
    >
      {bins.map((bin) => {
        const total = bin.positive + bin.negative + bin.neutral;
        let top = HEIGHT;
        return (
          <g
            key={bin.start}
            className="timebar__bin"
            data-start={bin.start}
            data-end={bin.end}
            data-positive={bin.positive}
            data-negative={bin.negative}
            data-neutral={bin.neutral}
          >
            <title>
              {`${label(bin)}: ${total} relation${total === 1 ? '' : 's'} active (${bin.positive} positive, ${bin.negative} negative, ${bin.neutral} neutral)`}
            </title>
            {/* A full-height hit area, so the tooltip shows over short bars too. */}
            <rect
              className="timebar__bin-hit"
              x={bin.start - start}
              width={bin.end - bin.start}
              y={0}
              height={HEIGHT}
            />
            {LAYERS.map(({ key, className }) => {
              const h = (bin[key] / peak) * HEIGHT * 0.92;
              if (h === 0) return null;
              top -= h;
              return (
                <rect
                  key={key}
                  className={`timebar__bar ${className}`}
                  x={bin.start - start}
                  width={bin.end - bin.start}
                  y={top}
                  height={h}
                  vectorEffect="non-scaling-stroke"
                />
              );
            })}
          </g>
        );
      })}
    </svg>
  );
});
