/**
 * SVG → PNG in a browser, within the browser's canvas limits. Self-contained
 * (no imports, no helpers) because the headless CLI also hands it to
 * Chromium through playwright's `page.evaluate`.
 */

export interface RasteriseRequest {
  svg: string;
  /** The SVG's own size in CSS pixels. */
  width: number;
  height: number;
  /** Requested output scale (e.g. 2 for 2x). */
  scale: number;
}

export interface RasteriseResult {
  /** PNG as a data URL. */
  dataUrl: string;
  width: number;
  height: number;
  /** The scale actually used, lower than requested when the browser's limits forced it. */
  scale: number;
  reduced: boolean;
}

/**
 * Output limits. Chromium's canvas allows 32,767 px a side and 268,435,456 px
 * in area (past them `toDataURL` silently returns "data:,", a blank export).
 * We keep the side limit and cap the area at a quarter of Chromium's, 64 Mpx
 * (8,192 × 8,192): larger PNGs take minutes and gigabytes to encode, and no
 * report needs them (300 dpi on letter paper is about 5 Mpx).
 */
export const MAX_SIDE = 32_767;
export const MAX_AREA = 67_108_864;

/** The largest scale ≤ requested whose canvas fits the limits. */
export function fitScale(width: number, height: number, scale: number): number {
  const bySide = Math.min(MAX_SIDE / width, MAX_SIDE / height);
  const byArea = Math.sqrt(MAX_AREA / (width * height));
  return Math.min(scale, bySide, byArea);
}

export async function rasterise(req: RasteriseRequest): Promise<RasteriseResult> {
  // Limits repeated inline: this function must not reference module scope (see above).
  const limit = Math.min(
    32_767 / req.width,
    32_767 / req.height,
    Math.sqrt(67_108_864 / (req.width * req.height)),
  );
  const scale = Math.min(req.scale, limit);
  // Round to the requested size, but never past the limit when we had to reduce.
  const toPx = scale < req.scale ? Math.floor : Math.round;
  const width = Math.max(1, toPx(req.width * scale));
  const height = Math.max(1, toPx(req.height * scale));
  const url = URL.createObjectURL(new Blob([req.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    const loaded = new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the SVG could not be decoded as an image'));
    });
    img.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser gave no 2D canvas');
    ctx.drawImage(img, 0, 0, width, height);
    const dataUrl = canvas.toDataURL('image/png');
    // Chromium returns "data:," instead of throwing when a canvas is too large.
    if (dataUrl.length < 30)
      throw new Error(`the browser could not encode a ${width}×${height} PNG`);
    return { dataUrl, width, height, scale, reduced: scale < req.scale };
  } finally {
    URL.revokeObjectURL(url);
  }
}
