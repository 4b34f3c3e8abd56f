/**
 * Image exports of what the graph shows: the scene from the view's drawn
 * elements, rendered to SVG by the core (caption and legend drawn in), and
 * rasterised for PNG at the requested scale within the browser's limits.
 */
import { formatDay, humanDay } from '../core/dates';
import type { ExplorerModel } from '../core/explorer-model';
import { buildScene } from '../core/render/scene';
import { legendFor, renderSvg, type Background, type RenderedSvg } from '../core/render/svg';
import type { GraphView } from '../graph/contract';
import { fitScale, rasterise, type RasteriseResult } from './rasterise';

export interface ImageOptions {
  area: 'whole' | 'view';
  background: Background;
  caption: boolean;
  legend: boolean;
}

/** The SVG of the graph as the view draws it now. */
export function composeSvg(
  model: ExplorerModel,
  view: GraphView,
  day: number,
  o: ImageOptions,
): RenderedSvg {
  const scene = buildScene(model, {
    actors: view.drawnActors(),
    liveActors: view.liveActors(),
    relations: view.drawnRelations(),
  });
  const { dataset } = model;
  return renderSvg(scene, {
    background: o.background,
    region: o.area === 'view' ? view.extent() : undefined,
    caption: o.caption
      ? {
          title: dataset.title,
          date: humanDay(day, 'day', dataset.timeKind),
          sources: dataset.sources.map((s) => s.title).join('; ') || undefined,
        }
      : undefined,
    legend: o.legend ? legendFor(model, scene) : undefined,
  });
}

/** The output size a PNG request will get, and whether the limits reduce it. */
export function pngSize(svg: RenderedSvg, scale: number) {
  const used = fitScale(svg.width, svg.height, scale);
  const toPx = used < scale ? Math.floor : Math.round; // as rasterise() does
  return {
    width: Math.max(1, toPx(svg.width * used)),
    height: Math.max(1, toPx(svg.height * used)),
    reduced: used < scale,
  };
}

export function exportPng(svg: RenderedSvg, scale: number): Promise<RasteriseResult> {
  return rasterise({ svg: svg.svg, width: svg.width, height: svg.height, scale });
}

/** `allegiance-2021-09-04.png`: the file name carries the date shown. */
export function exportFileName(day: number, extension: string): string {
  return `allegiance-${formatDay(day)}.${extension}`;
}
