/**
 * Renders a scene to a standalone SVG document: the graph as on the canvas,
 * with an optional caption (title, date, sources) above and a legend below,
 * drawn into the picture so a report gets both. Labels are real text.
 * The PNG export rasterises this same SVG, so the two always agree.
 */
import type { ExplorerModel } from '../explorer-model';
import { shorten } from '../problems';
import { escapeAttribute } from '../io/xml-write';
import { tokens } from '../tokens';
import type { LineStyle } from '../vocabulary';
import { controlPoint, parallelBows } from './curves';
import { labelBox, placeLabels, type LabelItem, type LabelPlace } from './labels';
import type { Scene, SceneActor } from './scene';
import { dashArray, shapePath, type ShapeName } from './shapes';

export type Background = 'white' | 'transparent' | 'dark';

export interface Region {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Caption {
  title: string;
  /** The date at its precision, as the reader should see it. */
  date: string;
  sources?: string;
}

export interface Legend {
  types: { label: string; color: string; shape: ShapeName }[];
  kinds: { label: string; color: string; lineStyle: LineStyle; directed: boolean }[];
  partOf: boolean;
  dormant: boolean;
}

export interface SvgOptions {
  background: Background;
  caption?: Caption;
  legend?: Legend;
  /** Crop to this region in graph coordinates (the current view); default: the whole graph. */
  region?: Region;
}

export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
}

const NODE_R = tokens.size.node / 2;
const FONT = escapeXml(tokens.font.family);
const FONT_SIZE = tokens.size.label;
const HALO = tokens.size.labelHalo;
const PAD = 24;
const CHAR_W = 6.6; // average glyph width at 12px, for layout estimates
const LABEL_LINE = 14;
/** From the top of a label's box (its halo) to its first line's baseline, at 12 px. */
const LABEL_BASELINE = HALO / 2 + 11;
/** How far an actor's symbol reaches from its centre, its border included (as on the canvas). */
const SYMBOL_R = NODE_R + tokens.size.nodeBorder / 2;

const { color } = tokens;
const LIGHT = { ink: color.ink, muted: color.muted, halo: color.halo, partOf: color.partOf };
const THEMES: Record<
  Background,
  { fill?: string; ink: string; muted: string; halo: string; partOf: string }
> = {
  white: { fill: color.panel, ...LIGHT },
  transparent: LIGHT,
  dark: {
    fill: color.dark.bg,
    ink: color.dark.ink,
    muted: color.dark.muted,
    halo: color.dark.bg,
    partOf: color.dark.partOf,
  },
};

/**
 * Escapes text for SVG content and attribute values. Characters XML 1.0 does
 * not allow even escaped (most C0 controls, lone surrogates, U+FFFE, U+FFFF)
 * become U+FFFD, so the SVG is well-formed whatever the dataset holds and
 * browsers can decode it (PNG export, small multiples).
 */
export function escapeXml(s: string): string {
  return escapeAttribute(s);
}

const n = (v: number) => Number(v.toFixed(1));

/** Splits a label into lines of about 18 characters, like the canvas's 120 px wrap. */
export function wrapLabel(label: string, maxChars = 18): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

function truncate(text: string, width: number, charW: number): string {
  return shorten(text, Math.max(4, Math.floor(width / charW)));
}

/** The legend entries for what a scene shows. */
export function legendFor(model: ExplorerModel, scene: Scene): Legend {
  const types = new Set(scene.actors.map((a) => a.type));
  const kinds = new Set(scene.relations.map((r) => r.kind));
  return {
    types: [...model.vocabulary.actorTypes.values()]
      .filter((t) => types.has(t.id))
      .map((t) => ({ label: t.label, color: t.color, shape: t.shape })),
    kinds: [...model.vocabulary.relationKinds.values()]
      .filter((k) => kinds.has(k.id))
      .map((k) => ({
        label: k.label,
        color: k.color,
        lineStyle: k.lineStyle,
        directed: k.directed,
      })),
    partOf: scene.partOf.length > 0,
    dormant: scene.actors.some((a) => a.dormant),
  };
}

/** An actor with its label's lines, its box for the placement pass, and where it went. */
interface PlacedLabel {
  actor: SceneActor;
  lines: string[];
  item: LabelItem;
  place: LabelPlace;
}

/**
 * Where each actor's label goes, by the canvas's rules (core/render/labels.ts): below its
 * symbol, or above, right or left when that is taken, or hidden when every place collides;
 * actors alive at the day first, then the most connected, so the picture keeps the labels the
 * canvas keeps. Labels at the edges need not face inward as on the canvas: the picture grows
 * to hold them. Boxes are estimated from the wrapped lines (there is no font to measure with
 * in Node).
 */
function placedLabels(scene: Scene): PlacedLabel[] {
  const degree = new Map<string, number>();
  const count = (id: string) => degree.set(id, (degree.get(id) ?? 0) + 1);
  for (const r of scene.relations) {
    count(r.source);
    count(r.target);
  }
  const labelled = scene.actors.map((actor) => {
    const lines = wrapLabel(actor.label);
    const longest = Math.max(...lines.map((l) => l.length));
    const item: LabelItem = {
      id: actor.id,
      x: actor.x,
      y: actor.y,
      radius: SYMBOL_R,
      width: longest > 0 ? longest * CHAR_W + HALO : 0,
      height: lines.length * LABEL_LINE + HALO,
      priority: (actor.dormant ? 0 : 1e6) + (degree.get(actor.id) ?? 0),
    };
    return { actor, lines, item };
  });
  const places = placeLabels(
    labelled.map((l) => l.item).filter((item) => item.width > 0),
    tokens.size.labelGap,
  );
  return labelled.map((l) => ({ ...l, place: places.get(l.actor.id) ?? 'hidden' }));
}

const boxOf = (label: PlacedLabel): Region =>
  labelBox(label.item, label.place, tokens.size.labelGap);

/** The graph-coordinate box that holds every node and its label where it is placed. */
export function sceneBounds(scene: Scene): Region {
  return boundsOf(placedLabels(scene));
}

function boundsOf(labels: readonly PlacedLabel[]): Region {
  if (labels.length === 0) return { x1: -100, y1: -60, x2: 100, y2: 60 };
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  const include = (b: Region) => {
    box.x1 = Math.min(box.x1, b.x1);
    box.y1 = Math.min(box.y1, b.y1);
    box.x2 = Math.max(box.x2, b.x2);
    box.y2 = Math.max(box.y2, b.y2);
  };
  for (const label of labels) {
    const { x, y } = label.actor;
    include({ x1: x - SYMBOL_R, y1: y - SYMBOL_R, x2: x + SYMBOL_R, y2: y + SYMBOL_R });
    if (label.place !== 'hidden') include(boxOf(label));
  }
  return box;
}

function edgesSvg(scene: Scene, theme: (typeof THEMES)[Background]): string {
  const at = new Map(scene.actors.map((a) => [a.id, a]));
  const out: string[] = [];
  for (const link of scene.partOf) {
    const a = at.get(link.child)!;
    const b = at.get(link.parent)!;
    const d = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ux = (b.x - a.x) / d;
    const uy = (b.y - a.y) / d;
    const ex = b.x - ux * (NODE_R + 3);
    const ey = b.y - uy * (NODE_R + 3);
    out.push(
      `<line x1="${n(a.x + ux * NODE_R)}" y1="${n(a.y + uy * NODE_R)}" x2="${n(ex)}" y2="${n(ey)}" stroke="${theme.partOf}" stroke-width="1"/>`,
      `<circle cx="${n(ex)}" cy="${n(ey)}" r="2.5" fill="${theme.partOf}"/>`,
    );
  }
  // Parallel relations between a pair bow apart exactly as on the canvas (curves.ts).
  const bows = parallelBows(scene.relations, tokens.size.parallelGap);
  for (const r of scene.relations) {
    const a = at.get(r.source)!;
    const b = at.get(r.target)!;
    const { x: cx, y: cy } = controlPoint(a, b, bows.get(r.id) ?? 0);
    const dir = (px: number, py: number, qx: number, qy: number) => {
      const l = Math.hypot(qx - px, qy - py) || 1;
      return [(qx - px) / l, (qy - py) / l] as const;
    };
    const [sx, sy] = dir(a.x, a.y, cx, cy);
    const [tx, ty] = dir(cx, cy, b.x, b.y);
    const arrow = r.directed ? 5 + r.width * 1.4 : 0;
    const x0 = a.x + sx * NODE_R;
    const y0 = a.y + sy * NODE_R;
    const x1 = b.x - tx * (NODE_R + arrow);
    const y1 = b.y - ty * (NODE_R + arrow);
    const dash = dashArray(r.lineStyle, r.width);
    out.push(
      `<path d="M${n(x0)},${n(y0)}Q${n(cx)},${n(cy)} ${n(x1)},${n(y1)}" fill="none" stroke="${r.color}" stroke-width="${n(r.width)}"` +
        `${dash ? ` stroke-dasharray="${dash}"` : ''}${r.lineStyle === 'dotted' ? ' stroke-linecap="round"' : ''}><title>${escapeXml(r.id)}</title></path>`,
    );
    if (r.directed) {
      const tipX = b.x - tx * NODE_R;
      const tipY = b.y - ty * NODE_R;
      const w = arrow * 0.6;
      out.push(
        `<polygon points="${n(tipX)},${n(tipY)} ${n(x1 - ty * w)},${n(y1 + tx * w)} ${n(x1 + ty * w)},${n(y1 - tx * w)}" fill="${r.color}"/>`,
      );
    }
  }
  return out.join('');
}

/** The label's lines as SVG text at its place: centred above or below, or beside the symbol. */
function labelText(label: PlacedLabel, theme: (typeof THEMES)[Background]): string {
  if (label.place === 'hidden') return '';
  const box = boxOf(label);
  const [anchor, x] =
    label.place === 'right'
      ? ['start', box.x1 + HALO / 2]
      : label.place === 'left'
        ? ['end', box.x2 - HALO / 2]
        : ['middle', label.actor.x];
  const tspans = label.lines
    .map(
      (line, i) =>
        `<tspan x="${n(x)}" y="${n(box.y1 + LABEL_BASELINE + i * LABEL_LINE)}">${escapeXml(line)}</tspan>`,
    )
    .join('');
  return `<text font-size="${FONT_SIZE}" text-anchor="${anchor}" fill="${theme.ink}" stroke="${theme.halo}" stroke-width="${HALO}" stroke-linejoin="round" paint-order="stroke">${tspans}</text>`;
}

/** Each actor's symbol and label; a label the placement hid is still the group's title. */
function nodesSvg(labels: readonly PlacedLabel[], theme: (typeof THEMES)[Background]): string {
  return labels
    .map((label) => {
      const a = label.actor;
      return (
        `<g${a.dormant ? ` opacity="${tokens.opacity.dormant}"` : ''}>` +
        (label.place === 'hidden' ? `<title>${escapeXml(a.label)}</title>` : '') +
        `<path d="${shapePath(a.shape, a.x, a.y, NODE_R)}" fill="${a.color}" stroke="${theme.halo}" stroke-width="${tokens.size.nodeBorder}"/>` +
        labelText(label, theme) +
        `</g>`
      );
    })
    .join('');
}

function legendSvg(
  legend: Legend,
  width: number,
  theme: (typeof THEMES)[Background],
): { svg: string; height: number } {
  const items: { w: number; draw: (x: number, y: number) => string }[] = [];
  for (const t of legend.types) {
    items.push({
      w: 22 + t.label.length * CHAR_W,
      draw: (x, y) =>
        `<path d="${shapePath(t.shape, x + 8, y, 7)}" fill="${t.color}"/><text x="${x + 22}" y="${y + 4}" font-size="12" fill="${theme.ink}">${escapeXml(t.label)}</text>`,
    });
  }
  const line = (label: string, color: string, style: LineStyle, directed: boolean) => ({
    w: 40 + label.length * CHAR_W,
    draw: (x: number, y: number) => {
      const dash = dashArray(style, 3);
      return (
        `<line x1="${x}" y1="${y}" x2="${x + (directed ? 26 : 32)}" y2="${y}" stroke="${color}" stroke-width="3"${dash ? ` stroke-dasharray="${dash}"` : ''}${style === 'dotted' ? ' stroke-linecap="round"' : ''}/>` +
        (directed
          ? `<polygon points="${x + 25},${y - 5} ${x + 33},${y} ${x + 25},${y + 5}" fill="${color}"/>`
          : '') +
        `<text x="${x + 40}" y="${y + 4}" font-size="12" fill="${theme.ink}">${escapeXml(label)}</text>`
      );
    },
  });
  for (const k of legend.kinds) items.push(line(k.label, k.color, k.lineStyle, k.directed));
  if (legend.partOf) items.push(line('part of', theme.partOf, 'solid', false));
  if (legend.dormant)
    items.push({
      w: 22 + 30 * CHAR_W,
      draw: (x, y) =>
        `<circle cx="${x + 8}" cy="${y}" r="7" fill="${tokens.color.dormantSwatch}" opacity="${tokens.opacity.dormant}"/><text x="${x + 22}" y="${y + 4}" font-size="12" fill="${theme.muted}">greyed: outside the actor’s lifetime</text>`,
    });
  const rows: string[] = [];
  let x = PAD;
  let y = 14;
  for (const item of items) {
    if (x > PAD && x + item.w > width - PAD) {
      x = PAD;
      y += 22;
    }
    rows.push(item.draw(x, y));
    x += item.w + 18;
  }
  return { svg: rows.join(''), height: items.length ? y + 16 : 0 };
}

/** Renders a scene (see scene.ts) to an SVG document with its pixel size at scale 1. */
export function renderSvg(scene: Scene, options: SvgOptions): RenderedSvg {
  const theme = THEMES[options.background];
  const labels = placedLabels(scene);
  const box = options.region ?? boundsOf(labels);
  const graphW = Math.max(1, box.x2 - box.x1);
  const graphH = Math.max(1, box.y2 - box.y1);
  const width = Math.ceil(Math.max(graphW + 2 * PAD, 420));
  const captionH = options.caption ? (options.caption.sources ? 74 : 58) : 0;
  const legend = options.legend ? legendSvg(options.legend, width, theme) : { svg: '', height: 0 };
  const legendH = legend.height ? legend.height + 12 : 0;
  const height = Math.ceil(captionH + graphH + 2 * PAD + legendH);
  const gx = (width - graphW) / 2 - box.x1;
  const gy = captionH + PAD - box.y1;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
  ];
  if (options.caption)
    parts.push(`<title>${escapeXml(`${options.caption.title} — ${options.caption.date}`)}</title>`);
  if (theme.fill) parts.push(`<rect width="${width}" height="${height}" fill="${theme.fill}"/>`);
  if (options.caption) {
    const c = options.caption;
    parts.push(
      `<text x="${PAD}" y="30" font-size="18" font-weight="700" fill="${theme.ink}">${escapeXml(truncate(c.title, width - 2 * PAD, 10))}</text>`,
      `<text x="${PAD}" y="52" font-size="15" font-weight="600" fill="${theme.ink}" class="caption-date">${escapeXml(c.date)}</text>`,
    );
    if (c.sources)
      parts.push(
        `<text x="${PAD}" y="68" font-size="11" fill="${theme.muted}">${escapeXml(truncate(`Sources: ${c.sources}`, width - 2 * PAD, 5.8))}</text>`,
      );
  }
  const clip = options.region !== undefined;
  if (clip)
    parts.push(
      `<clipPath id="view"><rect x="${n(gx + box.x1)}" y="${n(gy + box.y1)}" width="${n(graphW)}" height="${n(graphH)}"/></clipPath>`,
    );
  parts.push(
    `<g${clip ? ' clip-path="url(#view)"' : ''}><g transform="translate(${n(gx)},${n(gy)})">`,
    edgesSvg(scene, theme),
    nodesSvg(labels, theme),
    `</g></g>`,
  );
  if (legend.height)
    parts.push(`<g transform="translate(0,${captionH + graphH + 2 * PAD})">${legend.svg}</g>`);
  parts.push('</svg>');
  return { svg: parts.join(''), width, height };
}
