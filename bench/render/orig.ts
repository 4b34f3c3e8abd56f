/** Scratch A/B: the adapter as it was before the performance work (bench/.scratch copy). */
import type { Core } from 'cytoscape';
import { createGraphView, type GraphView } from '../.scratch/adapter.orig';
import { installHarness } from './harness';
import { benchModel } from './model';

let view: GraphView;
let cy: Core;
const params = new URLSearchParams(location.search);

installHarness({
  mount(container, data, day) {
    view = createGraphView(container, benchModel(data), day, {
      reducedMotion: params.get('motion') === 'reduce',
    });
    cy = (container as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
  },
  setDay: (day) => view.setDay(day),
  onNextDraw: (cb) => void cy.one('render', cb),
  drawn: () => ({ nodes: cy.nodes(':visible').length, edges: cy.edges(':visible').length }),
});
