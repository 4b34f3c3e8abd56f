/**
 * Bytes to text for imports: UTF-8 with or without a byte order mark. Other
 * encodings are refused with a message that says how to fix the file,
 * rather than read as garbage.
 */

export type Decoded = { text: string } | { error: string };

export function decodeText(bytes: Uint8Array): Decoded {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return { error: 'is encoded as UTF-16; save it as UTF-8 and import it again' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, '') };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return {
      error: `is not valid UTF-8 (byte ${at + 1} is 0x${bytes[at]!.toString(16).padStart(2, '0')}); it may be Latin-1 or Windows-1252: save it as UTF-8 and import it again`,
    };
  }
}

/** Offset of the first byte that breaks UTF-8 (for the message). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : (b & 0xe0) === 0xc0
          ? 1
          : (b & 0xf0) === 0xe0
            ? 2
            : (b & 0xf8) === 0xf0
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}
