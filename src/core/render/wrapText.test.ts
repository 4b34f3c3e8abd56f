import { describe, expect, it } from 'vitest';
import { wrapText } from './wrapText';

/** Every character 1 unit wide: widths are lengths. */
const width = (s: string) => s.length;

describe('wrapText', () => {
  it('fills lines greedily, word by word', () => {
    expect(wrapText('the quick brown fox jumps', 10, width, 5)).toEqual([
      'the quick',
      'brown fox',
      'jumps',
    ]);
  });

  it('keeps the text’s own line breaks, U+2028 and U+2029 included', () => {
    expect(wrapText('one\ntwo\u2028three\u2029four', 20, width, 5)).toEqual([
      'one',
      'two',
      'three',
      'four',
    ]);
  });

  it('cuts a word wider than a line between characters', () => {
    expect(wrapText('a abcdefghijkl', 5, width, 5)).toEqual(['a', 'abcde', 'fghij', 'kl']);
  });

  it('ends the last line with an ellipsis when the text is longer than the lines allowed', () => {
    const lines = wrapText('aaaa bbbb cccc dddd eeee', 9, width, 2);
    expect(lines).toEqual(['aaaa bbbb', 'cccc ddd…']);
    expect(lines.every((l) => l.length <= 9)).toBe(true);
  });
});
