/** The content width of an element in whole pixels, following resizes (0 until measured). */
import { useLayoutEffect, useState, type RefObject } from 'react';

/** An element's left and right padding, px: `clientWidth` includes them, the content box does not. */
function paddingX(el: HTMLElement): number {
  const style = getComputedStyle(el);
  return parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
}

export function useWidth(
  ref: RefObject<HTMLElement | null>,
  deps: readonly unknown[] = [],
): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Measured now, before the first paint, so what depends on the width (ticks, markers) is in
    // the first frame; the observer's first report comes only after that paint.
    setWidth(Math.round(el.clientWidth - paddingX(el)));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
    // The element appears once the model is loaded: callers pass that as a dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ref, ...deps]);
  return width;
}
