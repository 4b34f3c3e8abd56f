/**
 * (b) Naive Cytoscape: each step replaces every element with those active
 * at the day (what a wrapper that re-renders from props does), in one
 * batch. Same element definitions, stylesheet and options as (a) at the
 * same size, without fades (a replaced element cannot fade), so the
 * difference is the update strategy.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { buildElements, relationIdOf } from '../../src/graph/elements';
import { graphStyle, isLargeGraph, viewOptions } from '../../src/graph/style';
import type { ExplorerModel } from '../../src/core/explorer-model';
import { installHarness } from './harness';
import { benchModel } from './model';

let cy: Core;
let model: ExplorerModel;
let all: ElementDefinition[];

/** Every element that should be drawn at a day (finding them is not what is measured: ~0.1 ms). */
function elementsAt(day: number): ElementDefinition[] {
  const state = model.index.stateAt(day);
  const live = new Set(state.actors);
  const active = new Set(state.relations);
  const out: ElementDefinition[] = [];
  for (const e of all) {
    const id = e.data.id!;
    if (e.group === 'nodes') out.push({ ...e, classes: live.has(id) ? '' : 'dormant' });
    else if (id.startsWith('rel:')) {
      if (active.has(relationIdOf(id)))
        out.push({ ...e, classes: (e.classes as string).replace(' off', '') });
    } else out.push(e);
  }
  return out;
}

installHarness({
  mount(container, data, day) {
    model = benchModel(data);
    all = buildElements(model);
    const large = isLargeGraph(model.dataset.relations.length);
    cy = cytoscape({
      container,
      elements: elementsAt(day),
      style: graphStyle(true, large),
      ...viewOptions(large),
    });
    cy.fit(undefined, 40);
  },
  setDay(day) {
    const next = elementsAt(day);
    cy.batch(() => {
      cy.elements().remove();
      cy.add(next);
    });
  },
  onNextDraw: (cb) => void cy.one('render', cb),
  drawn: () => ({ nodes: cy.nodes(':visible').length, edges: cy.edges(':visible').length }),
});
