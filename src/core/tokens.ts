/**
 * Design tokens: the one place for the colours and sizes shared by the app's
 * CSS (written as custom properties on the document at start, see
 * `applyCssTokens`), the canvas style (graph/style.ts) and the SVG renderer
 * (core/render/svg.ts), so the picture on screen, its export and the panels
 * around it cannot drift apart. A plain object: add a token here, then use it
 * from every side that needs it instead of repeating its literal.
 */
export const tokens = {
  color: {
    /** Page background behind panels. */
    bg: '#f4f4f1',
    /** Panels and the graph canvas. */
    panel: '#ffffff',
    ink: '#1d1d1f',
    muted: '#555559',
    line: '#d4d4da',
    focus: '#0b57d0',
    accent: '#0b57d0',
    positive: '#0072b2',
    negative: '#d55e00',
    neutral: '#8a8a8a',
    /** Halo around labels and the border of actor symbols: the canvas background. */
    halo: '#ffffff',
    /** "Part of" links (a member to its parent). */
    partOf: '#9a9a9a',
    /** The legends' swatch for "greyed: outside the actor's lifetime" (drawn at opacity.dormant). */
    dormantSwatch: '#4c6a92',
    /** An actor type or relation kind the vocabulary does not know. */
    unknownActor: '#595959',
    unknownRelation: '#999999',
    /** The selection's translucent overlay on the canvas. */
    selection: '#0b57d0',
    /** Analysis marks on the canvas and their keys in the analysis panel. */
    campA: '#0072b2',
    campB: '#d55e00',
    unbalanced: '#cc79a7',
    began: '#009e73',
    ended: '#7f7f7f',
    /**
     * A pair whose sign flipped: Paul Tol's "wine". Far darker than every built-in relation
     * colour (the orange of tension and the vermilion of hostility above all), so it stays
     * distinct by lightness under every kind of colour blindness, and dark enough for white text.
     */
    flipped: '#882255',
    /** The dark export theme. */
    dark: { bg: '#1d1d1f', ink: '#f2f2f2', muted: '#c4c4c8', partOf: '#8a8a8a' },
    // ---- the panels' chrome (CSS only) ----
    /** Secondary text darker than `muted`: quotes, captions, table notes. */
    inkSoft: '#3c3c40',
    /** Disabled text, placeholders, and the rules beside quotes. */
    faint: '#8f8f95',
    /** Dividers, chips and hover washes a step darker than a panel. */
    subtle: '#ececef',
    /** Wells set into a panel: quoted evidence, table headers. */
    well: '#f7f7f5',
    /** Text and rings on dark or saturated fills. */
    onDark: '#ffffff',
    /** Dark surfaces on light panels (tooltips, pressed toggles) and the muted text on them. */
    inverse: '#3a3a40',
    inverseMuted: '#d6d6dc',
    /** Selected rows and chips; the lighter hover of a row; the text on the tint. */
    accentTint: '#e8effc',
    accentWash: '#f4f6fa',
    accentInk: '#0842a0',
    /**
     * Darker kin of `positive` and `negative` for text on a panel (4.5:1), a fill under white
     * text, and the lighter stripe of a hatched negative; the tint behind a negative notice.
     */
    positiveInk: '#005b8f',
    negativeInk: '#a33f00',
    negativeStrong: '#b34700',
    negativeLight: '#ef9d6c',
    negativeTint: '#fff4ec',
    /** Text and the wash of the "unbalanced" analysis mark. */
    unbalancedInk: '#6b2a57',
    unbalancedTint: '#faf1f6',
    /** "Active now" badges and added items. */
    success: '#1a7f4b',
    successTint: '#dff3e8',
    successInk: '#0f5a32',
    /** Failures in lists (a dataset that cannot be opened). */
    error: '#b3261e',
    errorTint: '#fdecea',
    errorInk: '#8a1c12',
    /** Notices that need attention but block nothing; the compare band of the time bar. */
    warning: '#a86e00',
    warningStrong: '#8f5b00',
    warningInk: '#6b4e00',
    /** The colour of shadows and backdrops (mixed with transparency where used). */
    shadow: '#000000',
  },
  size: {
    /** Corner radius of panels and controls (CSS). */
    radius: 6,
    /** Diameter of an actor's symbol, in graph units. */
    node: 30,
    nodeBorder: 2,
    /** Width of the keyboard cursor's focus ring around an actor, and its gap (as CSS outlines). */
    focusRing: 3,
    /** Label font size in graph units. */
    label: 12,
    /** Width of the halo's stroke around a label's glyphs (half of it lies outside them). */
    labelHalo: 4,
    /** Gap between a symbol and its label. */
    labelGap: 4,
    /** Labels wrap at this width. */
    labelMaxWidth: 120,
    /**
     * Margins, in CSS pixels, the camera's fit keeps between the canvas's edges and the picture
     * (labels included); more at the top, where the canvas's tools (Fit, Layout) lie over it.
     */
    fitPadding: 16,
    fitPaddingTop: 44,
    /** Relation widths for strength 0 and 1 (and when emphasised). */
    relationWidth: [1.5, 5],
    emphasisedWidth: [3, 7],
    /**
     * Distance between the midpoints of two neighbouring parallel relations (the same pair of
     * actors), in graph units: wide enough for two 5 px lines and a visible gap at the zoom a
     * desktop fit gives the seed.
     */
    parallelGap: 16,
    /** How far an analysis mark (a band in the mark's colour) reaches either side of its line. */
    analysisMark: 3,
  },
  opacity: {
    /** Actors outside their lifetime. */
    dormant: 0.3,
    /** Everything outside the hovered or selected neighbourhood. */
    dimmed: 0.15,
    /** Analysis marks: began, ended, unbalanced; "flipped" is drawn solid. */
    analysisMark: 0.55,
    flippedMark: 1,
  },
  /**
   * Layout breakpoints, in CSS pixels of viewport width. Media queries cannot read variables,
   * so stylesheets repeat these numbers; `src/ui/breakpoints.test.ts` fails on any @media width
   * that is not one of them.
   * - `narrow` and below (phones): one column, side panels open as bottom sheets, the header's
   *   controls fold into a menu;
   * - `medium` and below (small laptops, 1024 px tablets): the legend starts folded to a rail and
   *   the dataset controls and export fold into the header's menu, so the header keeps one row
   *   and the canvas most of the width.
   */
  breakpoint: {
    narrow: 900,
    medium: 1279,
  },
  /**
   * The caption band drawn into a story's video frames (export/storyVideo.ts), in the colours
   * of the dark theme. Sizes are shares of the frame's height, so every frame size reads alike.
   */
  videoCaption: {
    /** The band across the bottom of the frame that holds the date, caption and quote. */
    band: 0.28,
    padding: 0.028,
    dateSize: 0.05,
    textSize: 0.036,
    quoteSize: 0.031,
    lineHeight: 1.28,
    backdropOpacity: 0.9,
  },
  /** The smallest rendered label size on a phone, in CSS pixels (smaller labels are hidden). */
  phoneLabelMinPx: 11,
  font: {
    family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  },
} as const;

/** The CSS custom properties app.css uses, by name (written on :root at start). */
export function cssCustomProperties(): [name: string, value: string][] {
  const c = tokens.color;
  return [
    ['--bg', c.bg],
    ['--panel', c.panel],
    ['--ink', c.ink],
    ['--muted', c.muted],
    ['--line', c.line],
    ['--focus', c.focus],
    ['--accent', c.accent],
    ['--positive', c.positive],
    ['--negative', c.negative],
    ['--neutral', c.neutral],
    ['--mark-unbalanced', c.unbalanced],
    ['--mark-began', c.began],
    ['--mark-ended', c.ended],
    ['--mark-flipped', c.flipped],
    ['--part-of', c.partOf],
    ['--dormant-swatch', c.dormantSwatch],
    ['--ink-soft', c.inkSoft],
    ['--faint', c.faint],
    ['--subtle', c.subtle],
    ['--well', c.well],
    ['--on-dark', c.onDark],
    ['--inverse', c.inverse],
    ['--inverse-muted', c.inverseMuted],
    ['--accent-tint', c.accentTint],
    ['--accent-wash', c.accentWash],
    ['--accent-ink', c.accentInk],
    ['--positive-ink', c.positiveInk],
    ['--negative-ink', c.negativeInk],
    ['--negative-strong', c.negativeStrong],
    ['--negative-light', c.negativeLight],
    ['--negative-tint', c.negativeTint],
    ['--unbalanced-ink', c.unbalancedInk],
    ['--unbalanced-tint', c.unbalancedTint],
    ['--success', c.success],
    ['--success-tint', c.successTint],
    ['--success-ink', c.successInk],
    ['--error', c.error],
    ['--error-tint', c.errorTint],
    ['--error-ink', c.errorInk],
    ['--warning', c.warning],
    ['--warning-strong', c.warningStrong],
    ['--warning-ink', c.warningInk],
    ['--shadow', c.shadow],
    ['--dormant-opacity', String(tokens.opacity.dormant)],
    ['--radius', `${tokens.size.radius}px`],
  ];
}

/** Writes the tokens' CSS custom properties on an element (the document's root at start). */
export function applyCssTokens(root: {
  style: { setProperty(name: string, value: string): void };
}) {
  for (const [name, value] of cssCustomProperties()) root.style.setProperty(name, value);
}
