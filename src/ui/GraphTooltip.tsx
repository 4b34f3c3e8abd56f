/** A tooltip over the canvas for the actor or relation under the pointer. */
import { humanInterval } from '../core/dates';
import type { ExplorerModel } from '../core/explorer-model';
import type { GraphHover } from '../graph/adapter';

export function GraphTooltip({ hover, model }: { hover: GraphHover; model: ExplorerModel }) {
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
    <div className="graph-tooltip" role="tooltip" style={{ left: hover.x, top: hover.y }}>
      <strong>{title}</strong>
      <span>{detail}</span>
    </div>
  );
}
