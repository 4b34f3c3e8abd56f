/**
 * What may lie over the graph canvas: on a phone the legend, the details and analysis, and a
 * story's details in Present mode open as bottom sheets over its lower part, and the first-visit
 * card and an example's credit line stretch across its bottom. Each registers its
 * element (`useCanvasCover`); the graph canvas watches them (`watchObscured`) and tells its view
 * how tall a band at its bottom they cover, so the camera keeps the selection in the part still
 * in sight (graph/camera.ts). Whether an element covers the canvas is read from where it is
 * (core/render/viewport.ts `obscuredBottom`), not from the breakpoint: the same panels beside
 * the canvas on a desktop cover nothing.
 */
import { useLayoutEffect, type RefObject } from 'react';
import { obscuredBottom } from '../core/render/viewport';

const covers = new Set<Element>();
/** Called with an element that began or stopped being a cover. */
const watchers = new Set<(cover: Element, registered: boolean) => void>();

/**
 * Registers the element as one that may lie over the graph canvas, while it is mounted and
 * `shown` (for an element rendered only at times: pass whether it is rendered).
 */
export function useCanvasCover(ref: RefObject<Element | null>, shown = true) {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!shown || !element) return;
    covers.add(element);
    watchers.forEach((watch) => watch(element, true));
    return () => {
      covers.delete(element);
      watchers.forEach((watch) => watch(element, false));
    };
  }, [ref, shown]);
}

/** How tall a band at the canvas's bottom the registered covers hide now, in CSS pixels. */
export function measureObscured(canvas: Element): number {
  return obscuredBottom(
    canvas.getBoundingClientRect(),
    [...covers].map((cover) => cover.getBoundingClientRect()),
  );
}

/**
 * Calls `onChange` with the band the covers hide whenever it changes: a sheet opened, closed or
 * resized (a ResizeObserver on each), one mounted or unmounted, or the canvas resized (a phone
 * turned). A sheet opens by changing size (folded, it is a toggle below the canvas), so size
 * changes are all there is to observe. `initial` is the band the caller already knows.
 */
export function watchObscured(
  canvas: Element,
  initial: number,
  onChange: (bottom: number) => void,
): () => void {
  let band = initial;
  const measure = () => {
    const next = measureObscured(canvas);
    if (next === band) return;
    band = next;
    onChange(band);
  };
  const observer = new ResizeObserver(measure);
  observer.observe(canvas);
  covers.forEach((cover) => observer.observe(cover));
  const follow = (cover: Element, registered: boolean) => {
    if (registered) observer.observe(cover);
    else observer.unobserve(cover);
    // Now rather than at the observer's first report: a sheet open at the page's start is
    // registered before the graph's first frame, whose camera can then frame it at once.
    measure();
  };
  watchers.add(follow);
  return () => {
    watchers.delete(follow);
    observer.disconnect();
  };
}
