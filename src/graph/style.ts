/**
 * The Cytoscape stylesheet. Colours, shapes and line styles come from the
 * dataset's vocabulary through element data (`data(color)` …), so the sheet
 * is the same for every dataset. Transitions are declared only on the
 * properties we animate (cheaper, per Cytoscape's performance notes).
 *
 * Large graphs (more than LARGE_GRAPH_RELATIONS relations) get cheaper
 * settings, each measured in docs/PERFORMANCE.md: no fades, renderer options
 * for smooth panning and zooming, and solid lines where lines are many
 * (dashed and dotted edges cost 1.4x per frame at 1k actors and 8x at 5k
 * with software rendering; colour still tells polarity).
 */
import type { CytoscapeOptions, StylesheetJson } from 'cytoscape';

export const FADE_MS = 280;

/** Relations in a dataset above which the view switches to its large-graph settings. */
export const LARGE_GRAPH_RELATIONS = 2000;

export const isLargeGraph = (relations: number) => relations > LARGE_GRAPH_RELATIONS;

/**
 * The view's options besides elements and style. For a large graph, pan and zoom move a
 * snapshot instead of redrawing.
 */
export function viewOptions(large: boolean): Partial<CytoscapeOptions> {
  const common: Partial<CytoscapeOptions> = {
    layout: { name: 'preset' },
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
  };
  if (!large) return common;
  return {
    ...common,
    textureOnViewport: true,
    hideLabelsOnViewport: true,
    // A 2x screen quadruples the pixels to rasterise; at this size sharpness is not worth it.
    pixelRatio: 1,
  };
}

/**
 * @param solidLines draw every relation solid. Cytoscape's own drawing needs this for large
 *   graphs; batched drawing (batched/install.ts) keeps line styles and draws a dense view solid
 *   by itself.
 */
export function graphStyle(reducedMotion: boolean, solidLines = false): StylesheetJson {
  const transition = reducedMotion
    ? {}
    : {
        'transition-property': 'opacity, line-color, target-arrow-color',
        'transition-duration': FADE_MS,
      };
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        shape: 'data(shape)' as never,
        'background-color': 'data(color)',
        width: 30,
        height: 30,
        'border-width': 2,
        'border-color': '#ffffff',
        color: '#1d1d1f',
        'font-size': 12,
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '2px',
        'min-zoomed-font-size': 6,
        ...(reducedMotion
          ? {}
          : { 'transition-property': 'opacity', 'transition-duration': FADE_MS }),
      },
    },
    { selector: 'node.dormant', style: { opacity: 0.3 } },
    {
      selector: 'edge.relation',
      style: {
        width: 'mapData(strength, 0, 1, 1.5, 5)',
        'line-color': 'data(color)',
        'line-style': solidLines ? 'solid' : ('data(lineStyle)' as never),
        'target-arrow-color': 'data(color)',
        'curve-style': 'bezier',
        'control-point-step-size': 18,
        'arrow-scale': 1.1,
        ...transition,
      },
    },
    { selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle' } },
    {
      selector: 'edge.part-of',
      style: {
        width: 1,
        'line-color': '#9a9a9a',
        'line-style': 'solid',
        'target-arrow-shape': 'circle',
        'target-arrow-color': '#9a9a9a',
        'arrow-scale': 0.6,
        'curve-style': 'straight',
      },
    },
    { selector: 'edge.fading', style: { opacity: 0 } },
    { selector: '.off, .filtered', style: { display: 'none' } },
    // Analysis overlays: relations shown outside their interval, camps, changes, unbalanced triangles.
    { selector: 'edge.off.overlay-shown', style: { display: 'element', opacity: 0.55 } },
    { selector: 'edge.overlay-shown.filtered', style: { display: 'none' } },
    { selector: 'node.camp-a', style: { 'border-color': '#0072b2', 'border-width': 5 } },
    {
      selector: 'node.camp-b',
      style: { 'border-color': '#d55e00', 'border-width': 5, 'border-style': 'double' },
    },
    {
      selector: 'edge.unbalanced',
      style: { 'underlay-color': '#cc79a7', 'underlay-opacity': 0.45, 'underlay-padding': 5 },
    },
    {
      selector: 'edge.began',
      style: { 'underlay-color': '#009e73', 'underlay-opacity': 0.4, 'underlay-padding': 5 },
    },
    {
      selector: 'edge.ended',
      style: { 'underlay-color': '#7f7f7f', 'underlay-opacity': 0.4, 'underlay-padding': 5 },
    },
    {
      selector: 'edge.flipped',
      style: { 'underlay-color': '#e69f00', 'underlay-opacity': 0.55, 'underlay-padding': 6 },
    },
    { selector: '.dimmed', style: { opacity: 0.15 } },
    { selector: 'node.highlighted', style: { 'border-color': '#1d1d1f', 'border-width': 3 } },
    { selector: 'edge.relation.highlighted', style: { width: 'mapData(strength, 0, 1, 3, 7)' } },
    {
      selector: ':selected',
      style: { 'overlay-color': '#0b57d0', 'overlay-opacity': 0.18, 'overlay-padding': 6 },
    },
  ];
}
