/** Playback icons, drawn in SVG so they look the same on every platform (no emoji fonts). */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="timebar__icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const PlayIcon = () => (
  <Icon>
    <path d="M4 2.5v11l9.5-5.5z" fill="currentColor" />
  </Icon>
);

export const PauseIcon = () => (
  <Icon>
    <rect x="3.5" y="2.5" width="3" height="11" rx="0.5" fill="currentColor" />
    <rect x="9.5" y="2.5" width="3" height="11" rx="0.5" fill="currentColor" />
  </Icon>
);

export const StartIcon = () => (
  <Icon>
    <rect x="2.5" y="3" width="2" height="10" rx="0.5" fill="currentColor" />
    <path d="M13.5 3v10L5.5 8z" fill="currentColor" />
  </Icon>
);

export const EndIcon = () => (
  <Icon>
    <path d="M2.5 3v10l8-5z" fill="currentColor" />
    <rect x="11.5" y="3" width="2" height="10" rx="0.5" fill="currentColor" />
  </Icon>
);

/** An event diamond with an arrow: matches the markers on the track. */
export const PreviousEventIcon = () => (
  <Icon>
    <path d="M8.5 3.5v9L2 8z" fill="currentColor" />
    <path d="M12 4.5l3 3.5-3 3.5-3-3.5z" fill="currentColor" />
  </Icon>
);

export const NextEventIcon = () => (
  <Icon>
    <path d="M4 4.5l3 3.5-3 3.5L1 8z" fill="currentColor" />
    <path d="M7.5 3.5v9L14 8z" fill="currentColor" />
  </Icon>
);

export const LoopIcon = () => (
  <Icon>
    <path
      d="M3 7.5V6.5a2 2 0 0 1 2-2h7M13 8.5v1a2 2 0 0 1-2 2H4"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
    />
    <path d="M10.5 2l2.5 2.5-2.5 2.5zM5.5 9l-2.5 2.5L5.5 14z" fill="currentColor" />
  </Icon>
);
