import { describe, expect, it } from 'vitest';
import { decodeText } from './decodeText';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('decodeText', () => {
  it('reads UTF-8 with or without a BOM', () => {
    expect(decodeText(new TextEncoder().encode('Kābul'))).toEqual({ text: 'Kābul' });
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ text: 'a' });
  });

  it('refuses UTF-16 and says how to fix it', () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x61, 0x00))).toEqual({
      error: expect.stringContaining('UTF-16; save it as UTF-8'),
    });
  });

  it('refuses Latin-1 bytes, naming the first bad byte', () => {
    // "Kab" + 0xE9 (é in Latin-1) + "l"
    expect(decodeText(bytes(0x4b, 0x61, 0x62, 0xe9, 0x6c))).toEqual({
      error: expect.stringContaining('byte 4 is 0xe9'),
    });
  });
});
