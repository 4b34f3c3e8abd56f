/**
 * The marks each analysis lays over the graph, as the adapter's
 * `GraphOverlay` (classes styled in src/graph/style.ts). Pure: built from
 * the core's reports.
 */
import type { BalanceReport, CampsReport, DateComparison } from '../../core/analysis';
import type { GraphOverlay } from '../../graph/contract';

export const EMPTY_OVERLAY: GraphOverlay = {
  actorClasses: new Map(),
  relationClasses: new Map(),
  extraRelations: [],
};

/**
 * Compare dates: relations that began or ended between t1 and t2, and every
 * relation of a pair whose net sign flipped (before and after). All of them
 * are drawn whatever the shown day, so the change stays visible at t1 and t2.
 */
export function compareOverlay(cmp: DateComparison): GraphOverlay {
  const classes = new Map<string, string>();
  for (const ch of [...cmp.entered, ...cmp.left])
    classes.set(ch.relation.id, ch.event === 'start' ? 'began' : 'ended');
  // A flip wins over began/ended: it is the change that matters for the pair.
  for (const f of cmp.flips)
    for (const id of [...f.before.relations, ...f.after.relations]) classes.set(id, 'flipped');
  return { actorClasses: new Map(), relationClasses: classes, extraRelations: [...classes.keys()] };
}

/**
 * Balance: the sides of unbalanced triangles, and actors coloured by camp.
 * Only actors with a signed relation get a camp: a lone actor's camp 0 is a
 * convention, not a finding.
 */
export function balanceOverlay(
  report: BalanceReport | null,
  camps: CampsReport | null,
): GraphOverlay {
  const relationClasses = new Map<string, string>();
  for (const t of report?.unbalancedTriangles ?? [])
    for (const side of t.sides)
      for (const id of side.relations) relationClasses.set(id, 'unbalanced');
  const actorClasses = new Map<string, string>();
  for (const comp of camps?.components ?? []) {
    if (comp.actors.length < 2) continue;
    for (const id of comp.actors)
      actorClasses.set(id, camps!.camp.get(id) === 1 ? 'camp-b' : 'camp-a');
  }
  return { actorClasses, relationClasses, extraRelations: [] };
}

export function isEmptyOverlay(o: GraphOverlay): boolean {
  return o.actorClasses.size === 0 && o.relationClasses.size === 0 && o.extraRelations.length === 0;
}
