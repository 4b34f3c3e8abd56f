/**
 * The strip timeline of a pair, over their relations' span (or the whole
 * period): on top, the pair's net polarity through time; below, one lane
 * per relation, a bar from its start to its end in
 * its kind's colour, lighter where the date is known only to the year or
 * month, with an arrow where it is open. Bars are buttons (keyboard and
 * screen reader reachable); colour is doubled by pattern and text.
 */
import { useMemo, useRef, useState, type CSSProperties } from 'react';
import type { PairHistory, PairRelation } from '../../core/analysis';
import { humanInterval } from '../../core/dates';
import type { ExplorerModel } from '../../core/explorer-model';
import { tokens } from '../../core/tokens';
import { timeKindOf } from '../../store/timeView';
import { axisTicks } from '../timebar/timeScale';
import { useWidth } from '../timebar/useWidth';
import { segmentPeriod, STATUS_WORD } from './format';
import { NowLine } from './NowLine';
import {
  labelPlace,
  labelWidth,
  stripBars,
  stripDomain,
  stripFraction,
  stripSegments,
  type Span,
} from './strip';

const pct = (f: number) => `${(f * 100).toFixed(3)}%`;
const place = (s: Span) => ({ left: pct(s.left), width: pct(s.width) });

/** The strip's key: segment status and the word for it. */
const KEY = [
  ['positive', 'positive'],
  ['negative', 'negative'],
  ['mixed', 'both'],
  ['neutral', 'contact'],
] as const;

/** "Support, Pakistan → Afghan Taliban, 1994 – 2022". */
export function relationTitle(model: ExplorerModel, r: PairRelation): string {
  const name = (id: string) => model.actorsById.get(id)?.label ?? id;
  const who = r.directed
    ? `${name(r.source)} → ${name(r.target)}`
    : `${name(r.source)} and ${name(r.target)}`;
  return `${r.kindLabel}, ${who}, ${humanInterval(r.from, r.until)}`;
}

export function PairStrip({
  model,
  history,
  chosen,
  onChoose,
}: {
  model: ExplorerModel;
  history: PairHistory;
  chosen: string | null;
  onChoose: (id: string) => void;
}) {
  const axis = useRef<HTMLDivElement>(null);
  const width = useWidth(axis);
  const [whole, setWhole] = useState(false);
  const domain = useMemo(
    () => stripDomain(history, model.index.start, model.index.end, whole),
    [history, model, whole],
  );
  const bars = useMemo(() => stripBars(history, domain), [history, domain]);
  const segments = useMemo(() => stripSegments(history, domain), [history, domain]);
  const ticks = axisTicks(domain.start, domain.end, width, 44);
  const colorOf = (kind: string) =>
    model.vocabulary.relationKinds.get(kind)?.color ?? tokens.color.unknownRelation;

  return (
    <figure className="strip" data-testid="pair-strip">
      <div className="strip__body">
        <div className="strip__status" data-testid="pair-segments">
          {segments.map(({ segment, span }, i) => (
            <div
              key={i}
              className={`strip__seg strip__seg--${segment.status}`}
              style={place(span)}
              data-status={segment.status}
              title={`${STATUS_WORD[segment.status]}, ${segmentPeriod(segment, timeKindOf(model))}`}
            >
              {span.width * width >= labelWidth(STATUS_WORD[segment.status]) && (
                <span className="strip__seg-label">{STATUS_WORD[segment.status]}</span>
              )}
            </div>
          ))}
        </div>
        <ol className="strip__lanes" aria-label="Relations between them">
          {bars.map(({ relation: r, bar, fuzzyStart, fuzzyEnd, openStart, openEnd }) => {
            const where = labelPlace(bar, labelWidth(r.kindLabel), width);
            return (
              <li
                key={r.id}
                className="strip__lane"
                style={{ '--kind': colorOf(r.kind) } as CSSProperties}
              >
                {fuzzyEnd && (
                  <span className="strip__fuzzy strip__fuzzy--end" style={place(fuzzyEnd)} />
                )}
                <button
                  type="button"
                  className={`strip__bar strip__bar--${r.polarity}`}
                  style={place(bar)}
                  aria-pressed={chosen === r.id}
                  aria-label={relationTitle(model, r)}
                  data-relation-id={r.id}
                  data-open-start={openStart || undefined}
                  data-open-end={openEnd || undefined}
                  title={`${relationTitle(model, r)}${r.evidence[0] ? `\n“${r.evidence[0].quote}”` : ''}`}
                  onClick={() => onChoose(r.id)}
                >
                  {where === 'inside' && (
                    <span className="strip__bar-label" aria-hidden="true">
                      {r.kindLabel}
                    </span>
                  )}
                </button>
                {fuzzyStart && (
                  <span className="strip__fuzzy strip__fuzzy--start" style={place(fuzzyStart)} />
                )}
                {where !== 'inside' && (
                  <span
                    className={`strip__outside strip__outside--${where}`}
                    style={
                      where === 'after'
                        ? { left: pct(bar.left + bar.width) }
                        : { right: pct(1 - bar.left) }
                    }
                    aria-hidden="true"
                  >
                    {r.kindLabel}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
        <NowLine start={domain.start} end={domain.end} />
        <div className="strip__axis" ref={axis} aria-hidden="true">
          {ticks.map((t) => (
            <span
              key={t.day}
              className="strip__tick"
              style={{ left: pct(stripFraction(t.day, domain) ?? 0) }}
            >
              {t.label}
            </span>
          ))}
        </div>
      </div>
      <label className="a-check strip__whole">
        <input type="checkbox" checked={whole} onChange={(e) => setWhole(e.target.checked)} />
        <span>Show the dataset’s whole period</span>
      </label>
      <figcaption className="strip__key">
        {KEY.map(([status, word]) => (
          <span key={status} className="strip__key-item">
            <span className={`strip__swatch strip__seg--${status}`} /> {word}
          </span>
        ))}
        <span className="strip__key-item">
          <span className="strip__swatch strip__fuzzy-key" /> date known to the year or month
        </span>
      </figcaption>
    </figure>
  );
}
