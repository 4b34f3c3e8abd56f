/**
 * Bytes to text for imports: UTF-8 with or without a byte order mark. Other
 * encodings are refused with a message that says how to fix the file,
 * rather than read as garbage.
 */

export type Decoded = { text: string } | { error: string };

export function decodeText(bytes: Uint8Array): Decoded {
  if (hasUtf16Bom(bytes) || looksLikeUtf16(bytes))
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

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  );
}

/** How many bytes from the start the UTF-16 check looks at. */
const UTF16_SAMPLE = 1024;

/**
 * UTF-16 without a byte order mark. Its ASCII characters (the brackets,
 * quotes, commas, tags and line breaks every JSON, CSV and GEXF file is full
 * of) are a zero byte beside the character: `{"` is 7B 00 22 00 little-endian,
 * 00 7B 00 22 big-endian. UTF-8 text has no zero bytes at all (U+0000 is not
 * allowed in any of those formats), so zeros at one parity of the first bytes
 * are a safe sign; without this check such a file is valid UTF-8 and fails
 * later with a baffling parse error.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const pairs = Math.floor(Math.min(bytes.length, UTF16_SAMPLE) / 2);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let k = 0; k < pairs; k++) {
    if (bytes[2 * k] === 0) zeroEven++;
    if (bytes[2 * k + 1] === 0) zeroOdd++;
  }
  // Many pairs hold an ASCII character (even text in another script has its
  // punctuation and line breaks), and the zeros are (almost) all on one side.
  const oneSided = (zeros: number, other: number) => zeros * 8 >= pairs && other * 8 <= zeros;
  return pairs > 0 && (oneSided(zeroOdd, zeroEven) || oneSided(zeroEven, zeroOdd));
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

/** A stream of bytes that is not UTF-8 (or is UTF-16): the message says what and how to fix it. */
export class NotUtf8 extends Error {}

/**
 * A file's text piece by piece, as its bytes stream in: UTF-8, a byte
 * order mark dropped, as {@link decodeText} reads a whole file. Throws
 * {@link NotUtf8} at the first piece that is not, naming the byte.
 */
export async function* utf8Pieces(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let offset = 0;
  for await (const chunk of chunks) {
    if (offset === 0 && (hasUtf16Bom(chunk) || looksLikeUtf16(chunk)))
      throw new NotUtf8('is encoded as UTF-16; save it as UTF-8 and import it again');
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      const at = offset + firstInvalidUtf8(chunk);
      throw new NotUtf8(
        `is not valid UTF-8 (near byte ${at + 1}); it may be Latin-1 or Windows-1252: save it as UTF-8 and import it again`,
      );
    }
    offset += chunk.length;
  }
  try {
    yield decoder.decode();
  } catch {
    throw new NotUtf8('is not valid UTF-8: it ends inside a character; save it as UTF-8 again');
  }
}
