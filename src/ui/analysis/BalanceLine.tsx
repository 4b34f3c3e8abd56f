/**
 * The balanced share of triangles through time, laid over the time bar's
 * histogram with the same x scale (days since the start, stretched to the
 * track): solid for balanced, dashed for weakly balanced; gaps where there
 * is no triangle to score. Each run of equal values has its own tooltip.
 * Computed once per model (balanceOverTime at every change, or ~200 days).
 */
import { memo, useMemo } from 'react';
import type { ExplorerModel } from '../../core/explorer-model';
import { timeKindOf } from '../../store/timeView';
import { balanceSeries } from './cache';
import { percent, plural, spanLabel } from './format';
import { runsOf, stepPath } from './series';

const H = 100;
const y = (v: number) => 6 + (1 - v) * (H - 12);

export const BalanceLine = memo(function BalanceLine({ model }: { model: ExplorerModel }) {
  const { start, end } = model.index;
  const samples = useMemo(() => balanceSeries(model), [model]);
  const balanced = stepPath(
    samples.map((s) => ({ day: s.day, value: s.balancedShare })),
    start,
    end,
    y,
  );
  const weak = stepPath(
    samples.map((s) => ({ day: s.day, value: s.weaklyBalancedShare })),
    start,
    end,
    y,
  );
  const runs = runsOf(
    samples.map((s) => ({ day: s.day, value: s })),
    end,
    (p, q) =>
      p.balancedShare === q.balancedShare &&
      p.weaklyBalancedShare === q.weaklyBalancedShare &&
      p.counts.total === q.counts.total,
  );
  const scored = samples.filter((s) => s.balancedShare !== null);
  const low = scored.reduce<(typeof samples)[number] | null>(
    (m, s) => (m === null || s.balancedShare! < m.balancedShare! ? s : m),
    null,
  );
  const summary = low
    ? `Balanced share of triangles over time, from 0 to 100%; lowest ${percent(low.balancedShare)} from ${spanLabel(low.day, low.day, timeKindOf(model))}.`
    : 'No triangle of signed relations in this period.';
  const span = Math.max(1, end - start);

  return (
    <div className="balance-lane" data-testid="balance-line">
      <svg viewBox={`0 0 ${span} ${H}`} preserveAspectRatio="none" role="img" aria-label={summary}>
        <rect className="balance-lane__bg" x={0} y={0} width={span} height={H} />
        {[1, 0].map((v) => (
          <line
            key={v}
            className="balance-lane__guide"
            x1={0}
            x2={span}
            y1={y(v)}
            y2={y(v)}
            vectorEffect="non-scaling-stroke"
          />
        ))}
        <path className="balance-lane__weak" d={weak} vectorEffect="non-scaling-stroke" />
        <path className="balance-lane__line" d={balanced} vectorEffect="non-scaling-stroke" />
        {runs.map((r) => (
          <rect
            key={r.from}
            className="balance-lane__hit"
            x={Math.max(r.from, start) - start}
            width={Math.max(0, Math.min(r.to, end) - Math.max(r.from, start))}
            y={0}
            height={H}
          >
            <title>
              {`${spanLabel(Math.max(r.from, start), Math.min(r.to, end), timeKindOf(model))}: ` +
                (r.value.balancedShare === null
                  ? 'no triangle'
                  : `${percent(r.value.balancedShare)} balanced, ${percent(r.value.weaklyBalancedShare)} weakly (${plural(r.value.counts.total, 'triangle')})`)}
            </title>
          </rect>
        ))}
      </svg>
      <span className="balance-lane__label" aria-hidden="true">
        balanced triangles 0–100%
      </span>
    </div>
  );
});
