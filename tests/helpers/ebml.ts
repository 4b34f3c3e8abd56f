/**
 * A minimal EBML (Matroska/WebM) walker for tests: enough to check that a
 * file is WebM and to count its frames (SimpleBlocks inside Clusters).
 */
const SEGMENT = 0x18538067;
const CLUSTER = 0x1f43b675;
const SIMPLE_BLOCK = 0xa3;
const BLOCK_GROUP = 0xa0;

function readVint(
  buf: Uint8Array,
  pos: number,
  keepMarker: boolean,
): { value: number; length: number } {
  const first = buf[pos]!;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (length > 8) throw new Error(`invalid EBML length at byte ${pos}`);
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + buf[pos + i]!;
    allOnes &&= buf[pos + i] === 0xff;
  }
  return { value: !keepMarker && allOnes ? Infinity : value, length };
}

/** Counts the video frames of a WebM file (SimpleBlocks and BlockGroups in Clusters). */
export function countWebmFrames(buf: Uint8Array): number {
  let frames = 0;
  const walk = (start: number, end: number, depth: number) => {
    let pos = start;
    while (pos < end) {
      const id = readVint(buf, pos, true);
      const size = readVint(buf, pos + id.length, false);
      const body = pos + id.length + size.length;
      const next = size.value === Infinity ? end : body + size.value;
      if (id.value === SEGMENT || id.value === CLUSTER) walk(body, Math.min(next, end), depth + 1);
      else if (depth === 2 && (id.value === SIMPLE_BLOCK || id.value === BLOCK_GROUP)) frames++;
      pos = next;
    }
  };
  walk(0, buf.length, 0);
  return frames;
}

const TRACKS = 0x1654ae6b;
const TRACK_ENTRY = 0xae;
const VIDEO = 0xe0;
const PIXEL_WIDTH = 0xb0;
const PIXEL_HEIGHT = 0xba;

/** The frame size a WebM file declares (Segment › Tracks › TrackEntry › Video). */
export function webmVideoSize(buf: Uint8Array): { width: number; height: number } {
  const size = { width: 0, height: 0 };
  const uint = (pos: number, length: number) => {
    let v = 0;
    for (let i = 0; i < length; i++) v = v * 256 + buf[pos + i]!;
    return v;
  };
  const walk = (start: number, end: number) => {
    let pos = start;
    while (pos < end) {
      const id = readVint(buf, pos, true);
      const length = readVint(buf, pos + id.length, false);
      const body = pos + id.length + length.length;
      const next = length.value === Infinity ? end : body + length.value;
      if ([SEGMENT, TRACKS, TRACK_ENTRY, VIDEO].includes(id.value)) walk(body, Math.min(next, end));
      else if (id.value === PIXEL_WIDTH) size.width = uint(body, length.value);
      else if (id.value === PIXEL_HEIGHT) size.height = uint(body, length.value);
      if (id.value === CLUSTER) return; // the header is before the first cluster
      pos = next;
    }
  };
  walk(0, buf.length);
  return size;
}
