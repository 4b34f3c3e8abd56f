/**
 * The Cytoscape stylesheet. Colours, shapes and line styles come from the
 * dataset's vocabulary through element data (`data(color)` …), so the sheet
 * is the same for every dataset. Transitions are declared only on the
 * properties we animate (cheaper, per Cytoscape's performance notes).
 *
 * Large graphs (more than LARGE_GRAPH_RELATIONS relations) get cheaper
 * settings, each measured in docs/PERFORMANCE.md: no fades, renderer options
 * for smooth panning and zooming, and solid lines when Cytoscape draws them
 * itself (its dashed and dotted edges cost 1.4x per frame at 1k actors and
 * 8x at 5k with software rendering); batched drawing, the large graphs'
 * usual one, keeps line styles.
 */
import type { CytoscapeOptions, StylesheetJson } from 'cytoscape';
import { tokens } from '../core/tokens';

const { color, size, opacity } = tokens;

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
    // A fit must show the whole graph: 0.1 left the UCDP example (1,000 actors) wider than a
    // phone and the synthetic XL (10,000) taller than a desktop's canvas; 0.02 fits 10,000
    // actors on a phone.
    minZoom: 0.02,
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
 *   graphs; batched drawing (batched/install.ts) keeps line styles, with patterns in device
 *   pixels when the view is dense (batched/edgeBatches.ts).
 * @param large a large graph (see LARGE_GRAPH_RELATIONS): relations keep Cytoscape's automatic
 *   spreading of parallel edges and labels a translucent box, because the per-relation bows and
 *   the label placement pass (labels.ts) cost too much for thousands of elements, and a solid
 *   halo would hide the actors that labels overlap in a dense view.
 * @param labelScale labels (font, wrapping width, halo) drawn this many times their size: a phone
 *   zoomed out to fit the graph keeps them legible this way (labels.ts `setMinLabelPx`).
 */
export function graphStyle(
  reducedMotion: boolean,
  solidLines = false,
  large = false,
  labelScale = 1,
): StylesheetJson {
  const transition = reducedMotion
    ? {}
    : {
        'transition-property': 'opacity, line-color, target-arrow-color',
        'transition-duration': FADE_MS,
      };
  const [thinnest, thickest] = size.relationWidth;
  const [emphasisedThinnest, emphasisedThickest] = size.emphasisedWidth;
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        shape: 'data(shape)' as never,
        'background-color': 'data(color)',
        width: size.node,
        height: size.node,
        'border-width': size.nodeBorder,
        'border-color': color.halo,
        color: color.ink,
        'font-size': size.label * labelScale,
        'font-family': tokens.font.family,
        'text-valign': 'bottom',
        'text-margin-y': size.labelGap,
        'text-wrap': 'wrap',
        'text-max-width': `${size.labelMaxWidth * labelScale}px`,
        ...(large
          ? {
              'text-background-color': color.halo,
              'text-background-opacity': 0.8,
              'text-background-padding': '2px',
            }
          : {
              // A halo in the canvas's colour hugging the glyphs: lines under a label stop at
              // its letters instead of crossing them, and the picture keeps the lines around the
              // text (a box behind each label hid far more of them).
              'text-outline-color': color.halo,
              'text-outline-width': size.labelHalo * labelScale,
              'text-outline-opacity': 1,
            }),
        'min-zoomed-font-size': 6,
        ...(reducedMotion
          ? {}
          : { 'transition-property': 'opacity', 'transition-duration': FADE_MS }),
      },
    },
    // Where the label collision pass (graph/labels.ts) moved or hid a label.
    {
      selector: 'node.label-top',
      style: { 'text-valign': 'top', 'text-margin-y': -size.labelGap },
    },
    {
      selector: 'node.label-right',
      style: {
        'text-valign': 'center',
        'text-halign': 'right',
        'text-margin-x': size.labelGap,
        'text-margin-y': 0,
      },
    },
    {
      selector: 'node.label-left',
      style: {
        'text-valign': 'center',
        'text-halign': 'left',
        'text-margin-x': -size.labelGap,
        'text-margin-y': 0,
      },
    },
    { selector: 'node.label-hidden', style: { label: '' } },
    { selector: 'node.dormant', style: { opacity: tokens.opacity.dormant } },
    {
      selector: 'edge.relation',
      style: {
        width: `mapData(strength, 0, 1, ${thinnest}, ${thickest})`,
        'line-color': 'data(color)',
        'line-style': solidLines ? 'solid' : ('data(lineStyle)' as never),
        'target-arrow-color': 'data(color)',
        ...(large
          ? { 'curve-style': 'bezier', 'control-point-step-size': 18 }
          : {
              // Each relation's own bow (elements.ts, from core/render/curves.ts): parallel
              // relations are distinct curves a fixed gap apart, as in the SVG export.
              'curve-style': 'unbundled-bezier',
              'control-point-distances': 'data(bow)' as never,
              'control-point-weights': 0.5,
            }),
        'arrow-scale': 1.1,
        ...transition,
      },
    },
    { selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle' } },
    {
      selector: 'edge.part-of',
      style: {
        width: 1,
        'line-color': color.partOf,
        'line-style': 'solid',
        'target-arrow-shape': 'circle',
        'target-arrow-color': color.partOf,
        'arrow-scale': 0.6,
        'curve-style': 'straight',
      },
    },
    { selector: 'edge.fading', style: { opacity: 0 } },
    { selector: '.off, .filtered', style: { display: 'none' } },
    // Analysis overlays: relations shown outside their interval, camps, changes, unbalanced triangles.
    { selector: 'edge.off.overlay-shown', style: { display: 'element', opacity: 0.55 } },
    { selector: 'edge.overlay-shown.filtered', style: { display: 'none' } },
    { selector: 'node.camp-a', style: { 'border-color': color.campA, 'border-width': 5 } },
    {
      selector: 'node.camp-b',
      style: { 'border-color': color.campB, 'border-width': 5, 'border-style': 'double' },
    },
    // A narrow band along the line, in the mark's colour: wide halos ran together where several
    // marked relations meet an actor and washed the colours out (a translucent "flipped" read as
    // rivalry's pink). "Flipped", the change that matters most, is opaque.
    ...(
      [
        ['unbalanced', color.unbalanced, opacity.analysisMark],
        ['began', color.began, opacity.analysisMark],
        ['ended', color.ended, opacity.analysisMark],
        ['flipped', color.flipped, opacity.flippedMark],
      ] as const
    ).map(([mark, markColor, markOpacity]) => ({
      selector: `edge.${mark}`,
      style: {
        'underlay-color': markColor,
        'underlay-opacity': markOpacity,
        'underlay-padding': size.analysisMark,
      },
    })),
    // Emphasis (emphasis.ts): the hovered or selected actor's neighbourhood, or a selected
    // relation and its two actors, stand out; everything else is dimmed until cleared.
    { selector: '.dimmed', style: { opacity: tokens.opacity.dimmed } },
    {
      selector: 'node.highlighted',
      // A hidden label comes back for the emphasised neighbourhood.
      style: { label: 'data(label)', 'border-color': color.ink, 'border-width': 3, 'z-index': 2 },
    },
    // Except a phone's selection label that had no free place: it would cover its neighbours'.
    { selector: 'node.label-crowded', style: { label: '' } },
    {
      selector: 'edge.relation.highlighted',
      style: {
        width: `mapData(strength, 0, 1, ${emphasisedThinnest}, ${emphasisedThickest})`,
        'z-index': 1,
      },
    },
    {
      selector: ':selected',
      style: { 'overlay-color': color.selection, 'overlay-opacity': 0.18, 'overlay-padding': 6 },
    },
    // Drawing a relation (drawRelations.ts): the actor the line starts from and the one under
    // the pointer it would end at, ringed in the accent colour with their labels shown.
    {
      selector: 'node.draw-source, node.draw-target',
      style: {
        label: 'data(label)',
        'border-color': color.accent,
        'border-width': size.focusRing,
        'z-index': 3,
      },
    },
    // The keyboard cursor (cursor.ts): a focus ring in the page's focus colour
    // around the actor the arrow keys reached, its label shown even if the label pass hid it.
    {
      selector: 'node.cursor',
      style: {
        label: 'data(label)',
        'outline-color': color.focus,
        // Scaled with labels: on a zoomed-out phone the ring must stay as visible as they are.
        'outline-width': size.focusRing * labelScale,
        'outline-offset': size.focusRing * labelScale,
        'outline-opacity': 1,
        'z-index': 3,
      },
    },
  ];
}
