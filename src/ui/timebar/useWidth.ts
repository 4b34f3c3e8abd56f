/** The content width of an element in whole pixels, following resizes (0 until measured). */
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useWidth(
  ref: RefObject<HTMLElement | null>,
  deps: readonly unknown[] = [],
): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
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
