/**
 * Small multiples, pure parts: which dates to show (each event, each decade,
 * or the user's list) and the composition of the panels' SVGs into one
 * picture for download. Rendering of each panel is the core's `renderSvg`.
 */
import {
  civilToDays,
  dateProblem,
  daysToCivil,
  humanDate,
  humanDay,
  numberToDay,
  shortDay,
  toDay,
  type Precision,
  type TimeKind,
} from '../../core/dates';
import type { RenderedSvg } from '../../core/render/svg';
import { escapeXml } from '../../core/render/svg';
import { tokens } from '../../core/tokens';
import { replaceIllegalChars } from '../../core/io/text-rules';
import type { MultiplesMode } from '../../store/store';

export interface PanelDate {
  day: number;
  /** The date as the reader sees it, at its precision ("2021", "15 August 2021"). */
  label: string;
  /** What happened then (event titles), if anything. */
  note?: string;
}

export interface DateChoice {
  dates: PanelDate[];
  /** Entries of the user's list that are not dates, in words. */
  problems: string[];
}

/**
 * A `data:` URL for an SVG document. encodeURIComponent throws on a lone
 * surrogate, which would take the whole view down while rendering; the
 * renderer never emits one, and replacing any that reach here keeps it so.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(replaceIllegalChars(svg))}`;
}

/** More panels than this make each too small to read; the rest are dropped (and said so). */
export const MAX_PANELS = 48;

interface EventLike {
  date: string;
  title: string;
}

/** One date per event day (events on the same day share a panel), in time order. */
export function eventDates(events: readonly EventLike[], kind: TimeKind = 'calendar'): PanelDate[] {
  const byDay = new Map<number, PanelDate>();
  for (const e of events) {
    const day = toDay(e.date);
    const known = byDay.get(day);
    if (known) known.note = `${known.note} · ${e.title}`;
    else byDay.set(day, { day, label: humanDate(e.date, kind), note: e.title });
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

/** The coarsest precision that names the day exactly: 2012-01-01 is "2012", 2025-06-01 "June 2025". */
function coarsestPrecision(day: number): Precision {
  const { month, day: dayOfMonth } = daysToCivil(day);
  return dayOfMonth > 1 ? 'day' : month > 1 ? 'month' : 'year';
}

/** Days after the last decade's start from which the period's end gets a panel of its own. */
const END_PANEL_AFTER_DAYS = 366;

/**
 * The first day of every decade (1980, 1990, …) within [start, end], then the end itself when
 * it is more than a year after the last of them, so the period's last years are shown too
 * (1979–2025: 1980 … 2020 and June 2025).
 */
export function decadeDates(start: number, end: number, kind: TimeKind = 'calendar'): PanelDate[] {
  const out: PanelDate[] = [];
  const first = Math.ceil(daysToCivil(start).year / 10) * 10;
  for (let year = first; ; year += 10) {
    const day = civilToDays(year, 1, 1);
    if (day > end) break;
    if (day >= start) out.push({ day, label: humanDay(day, 'year', kind) });
  }
  const last = out.at(-1);
  if (last && end - last.day > END_PANEL_AFTER_DAYS)
    out.push({
      day: end,
      label: humanDay(end, coarsestPrecision(end), kind),
      note: 'end of the period',
    });
  return out;
}

/**
 * Numbers a numeric dataset's times can be: its days stand for the years ISO dates write
 * (core/dates.ts `numberToDay`), 0 up to 10,000 (excluded).
 */
const NUMERIC_TIMES = { min: 0, max: 10_000 };

/** How the user writes a date in their list, as the field's label and a problem say it. */
export const DATE_LIST_EXAMPLES: Record<TimeKind, string> = {
  calendar: '1994, 2001-10, 2021-08-15',
  numeric: '190, 2.5, 1994.25',
};

/** One entry of the user's list as a day, or what is wrong with it. */
function readListEntry(token: string, kind: TimeKind): number | string {
  if (kind === 'calendar')
    return dateProblem(token) === null
      ? toDay(token)
      : `“${token}” is not a date (write 1994, 1994-08 or 1994-08-15)`;
  const value = Number(token);
  if (!Number.isFinite(value)) return `“${token}” is not a number (write 190 or 2.5)`;
  if (value < NUMERIC_TIMES.min || value >= NUMERIC_TIMES.max)
    return `“${token}” is outside the times a dataset can hold (${NUMERIC_TIMES.min} to under ${NUMERIC_TIMES.max.toLocaleString('en')})`;
  return numberToDay(value);
}

/**
 * The user's dates, separated by commas, semicolons or spaces: ISO years, months or days, or in
 * a numeric dataset (GEXF integer or double time) the numbers its times are written in.
 */
export function parseDateList(text: string, kind: TimeKind = 'calendar'): DateChoice {
  const problems: string[] = [];
  const byDay = new Map<number, PanelDate>();
  for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
    const day = readListEntry(token, kind);
    if (typeof day === 'string') {
      problems.push(day);
      continue;
    }
    const label = kind === 'calendar' ? humanDate(token) : humanDay(day, 'day', kind);
    if (!byDay.has(day)) byDay.set(day, { day, label });
  }
  return { dates: [...byDay.values()].sort((a, b) => a.day - b.day), problems };
}

export function chooseDates(
  mode: MultiplesMode,
  model: {
    index: { start: number; end: number };
    dataset: { events: readonly EventLike[]; timeKind?: TimeKind };
  },
  custom: string,
): DateChoice {
  const kind = model.dataset.timeKind ?? 'calendar';
  if (mode === 'events') return { dates: eventDates(model.dataset.events, kind), problems: [] };
  if (mode === 'decades')
    return { dates: decadeDates(model.index.start, model.index.end, kind), problems: [] };
  return parseDateList(custom, kind);
}

/**
 * The default list offered for "my dates": a handful spread over the period, as years (or in a
 * numeric dataset, as the numbers its times are written in).
 */
export function suggestedDates(
  start: number,
  end: number,
  count = 4,
  kind: TimeKind = 'calendar',
): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = Math.round(start + ((end - start) * i) / Math.max(1, count - 1));
    out.push(shortDay(day, kind));
  }
  return [...new Set(out)].join(', ');
}

export interface ComposedPanel {
  date: PanelDate;
  svg: RenderedSvg;
}

const LABEL_H = 44;
const GAP = 16;
const MARGIN = 24;
const TITLE_H = 46;

/**
 * One SVG with every panel in a grid under a title, each labelled with its
 * date, and the legend below. Panels share one size (same region), so the
 * grid is regular and positions match from panel to panel.
 */
export function composeGrid(
  panels: readonly ComposedPanel[],
  title: string,
  /** Draws the legend for the picture's width (null: none). */
  legendFor: ((width: number) => RenderedSvg) | null,
  columns = Math.min(4, Math.max(1, panels.length)),
): RenderedSvg {
  const cellW = Math.max(1, ...panels.map((p) => p.svg.width));
  const cellH = Math.max(1, ...panels.map((p) => p.svg.height)) + LABEL_H;
  const rows = Math.ceil(panels.length / columns);
  const width = MARGIN * 2 + columns * cellW + (columns - 1) * GAP;
  const gridH = rows * cellH + Math.max(0, rows - 1) * GAP;
  const legend = legendFor ? legendFor(width) : null;
  const legendH = legend ? legend.height : 0;
  const height = Math.ceil(TITLE_H + gridH + MARGIN * 2 + legendH);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="${tokens.color.panel}"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 20}" font-size="22" font-weight="700" fill="${tokens.color.ink}">${escapeXml(title)}</text>`,
  ];
  panels.forEach((p, i) => {
    const x = MARGIN + (i % columns) * (cellW + GAP);
    const y = MARGIN + TITLE_H + Math.floor(i / columns) * (cellH + GAP);
    const note = p.date.note ? truncate(p.date.note, Math.floor(cellW / 7.2)) : '';
    // renderSvg names its clip path "view": give each panel its own id.
    const inner = p.svg.svg
      .replaceAll('id="view"', `id="view-${i}"`)
      .replaceAll('url(#view)', `url(#view-${i})`);
    parts.push(
      `<rect x="${x}" y="${y}" width="${cellW}" height="${cellH}" fill="none" stroke="${tokens.color.line}"/>`,
      `<text x="${x + 12}" y="${y + 22}" font-size="17" font-weight="700" fill="${tokens.color.ink}">${escapeXml(p.date.label)}</text>`,
      note
        ? `<text x="${x + 12}" y="${y + 38}" font-size="12" fill="${tokens.color.muted}">${escapeXml(note)}</text>`
        : '',
      `<g transform="translate(${x},${y + LABEL_H})">${inner}</g>`,
    );
  });
  if (legend)
    parts.push(`<g transform="translate(0,${MARGIN + TITLE_H + gridH})">${legend.svg}</g>`);
  parts.push('</svg>');
  return { svg: parts.join(''), width, height };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** The panel's accessible description: date, and what it shows. */
export function panelAlt(date: PanelDate, actors: number, relations: number): string {
  const rel = `${relations} relation${relations === 1 ? '' : 's'}`;
  return `The graph at ${date.label}: ${rel} among ${actors} actor${actors === 1 ? '' : 's'} in existence.`;
}
