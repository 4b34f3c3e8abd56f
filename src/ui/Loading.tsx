/**
 * What a panel loaded on first use shows while its code arrives (a moment on a slow connection):
 * a visible line that a screen reader announces politely, in place of the panel.
 */
export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}
