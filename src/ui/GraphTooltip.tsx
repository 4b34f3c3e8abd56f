/**
 * A tooltip over the canvas for the actor or relation under the pointer. It goes on the side of
 * the actor away from its drawn neighbours (or, for a relation, clear of its two actors), so it
 * never hides the neighbourhood the hover emphasises.
 */
import { useLayoutEffect, useRef } from 'react';
import { humanInterval } from '../core/dates';
import type { ExplorerModel } from '../core/explorer-model';
import { getActiveView } from '../graph/activeView';
import type { GraphHover } from '../graph/contract';
import { placeTooltip, type Point } from './tooltipPlacement';

/**
 * Where the hovered actor or relation is, and the points the tooltip must keep clear of (the
 * drawn neighbours of a hovered actor, or the two actors of a hovered relation), in page pixels.
 */
function hoverGeometry(
  hover: GraphHover,
  model: ExplorerModel,
): { anchor: Point; avoid: Point[] } | null {
  const view = getActiveView();
  const anchor = view?.clientPosition(hover.kind, hover.id);
  if (!view || !anchor) return null;
  let actors: Iterable<string>;
  if (hover.kind === 'actor') {
    // Related at any time, or linked as part and whole; of those, the ones the hover emphasises
    // (not dimmed): those related to it now.
    const linked = model.union.neighboursOf(hover.id);
    const parent = model.actorsById.get(hover.id)?.parent;
    if (parent) linked.add(parent);
    for (const a of model.dataset.actors) if (a.parent === hover.id) linked.add(a.id);
    actors = [...linked].filter((id) => view.emphasis('actor', id) !== 'dimmed');
  } else {
    const r = model.relationsById.get(hover.id);
    actors = r ? [r.source, r.target] : [];
  }
  const avoid: Point[] = [];
  for (const id of actors) {
    const p = view.clientPosition('actor', id);
    if (p) avoid.push(p);
  }
  return { anchor, avoid };
}

export function GraphTooltip({ hover, model }: { hover: GraphHover; model: ExplorerModel }) {
  const ref = useRef<HTMLDivElement>(null);

  // Placed before the browser paints: measured, then moved, in the same frame.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Measured at the frame's corner, where its width is not squeezed by the frame's edge.
    el.style.left = '0px';
    el.style.top = '0px';
    el.style.width = '';
    const frame = el.offsetParent as HTMLElement | null;
    const geometry = hoverGeometry(hover, model);
    // Everything in the frame's pixels (the tooltip is positioned in it).
    const origin = frame?.getBoundingClientRect() ?? { left: 0, top: 0 };
    const inFrame = (p: Point) => ({
      x: p.x - origin.left - (frame?.clientLeft ?? 0),
      y: p.y - origin.top - (frame?.clientTop ?? 0),
    });
    const bounds = frame
      ? { width: frame.clientWidth, height: frame.clientHeight }
      : { width: window.innerWidth, height: window.innerHeight };
    const measured = el.getBoundingClientRect();
    const size = { width: Math.ceil(measured.width), height: Math.ceil(measured.height) };
    // Kept at that width: placed against the frame's edge, a shrink-to-fit box can lose a
    // fraction of a pixel and wrap a line, growing over the point it was placed to avoid.
    el.style.width = `${size.width}px`;
    const p = geometry
      ? placeTooltip(inFrame(geometry.anchor), size, geometry.avoid.map(inFrame), bounds)
      : placeTooltip(hover, size, [], bounds);
    el.style.left = `${p.left}px`;
    el.style.top = `${p.top}px`;
    el.style.visibility = 'visible';
  }, [hover, model]);

  let title: string;
  let detail: string;
  if (hover.kind === 'actor') {
    const actor = model.actorsById.get(hover.id);
    if (!actor) return null;
    title = actor.label;
    const type = model.vocabulary.actorTypes.get(actor.type)?.label ?? actor.type;
    detail =
      actor.from || actor.until
        ? `${type}, ${humanInterval(actor.from, actor.until, model.dataset.timeKind)}`
        : type;
  } else {
    const r = model.relationsById.get(hover.id);
    if (!r) return null;
    const kind = model.vocabulary.relationKinds.get(r.kind);
    const arrow = (r.directed ?? kind?.directed) ? '→' : '–';
    const name = (id: string) => model.actorsById.get(id)?.label ?? id;
    title = `${name(r.source)} ${arrow} ${name(r.target)}`;
    detail = `${kind?.label ?? r.kind}, ${humanInterval(r.from, r.until, model.dataset.timeKind)}`;
  }
  return (
    <div
      ref={ref}
      className="graph-tooltip"
      role="tooltip"
      data-testid="graph-tooltip"
      // Hidden until placed (the layout effect above), so it never shows at the wrong spot.
      style={{ left: 0, top: 0, visibility: 'hidden' }}
    >
      <strong>{title}</strong>
      <span>{detail}</span>
    </div>
  );
}
