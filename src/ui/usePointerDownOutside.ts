/**
 * Calls `onOutside` when the pointer goes down outside `root` while `active`: how a popup
 * (the header menu, the full title) closes on a tap or click elsewhere.
 */
import { useEffect, type RefObject } from 'react';

export function usePointerDownOutside(
  root: RefObject<HTMLElement | null>,
  active: boolean,
  onOutside: () => void,
): void {
  useEffect(() => {
    if (!active) return;
    const onPointerDown = (e: PointerEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) onOutside();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
    // The caller's callback may be a new function each render; the listener follows `active`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, root]);
}
