import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './jsonErrorOffset';

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a": 1,}', 8],
    ['{"title": "x",\n "actors": [}', 27],
    ['[1, 2', 5],
    ['{"a" 1}', 5],
    ['{"a": tru}', 9],
    ['{"a": "x\ny"}', 8],
    ['{} extra', 3],
    ['{"a": 01}', 7],
    ['', 0],
  ])('finds where %j goes wrong', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('accepts exactly what JSON.parse accepts (offset = length)', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(jsonErrorOffset(text)).toBe(text.length);
      }),
    );
  });
});
