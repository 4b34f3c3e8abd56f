import { describe, expect, it } from 'vitest';
import {
  cleanStrings,
  codePointName,
  findIllegalChars,
  hasIllegalChars,
  replaceIllegalChars,
} from './text-rules';
import { shorten } from '../problems';

const at = (file: string) => () => file;

describe('the text rule (characters XML 1.0 allows)', () => {
  it.each([
    ['NUL', '\u0000', 0x0],
    ['a C0 control', '\u0008', 0x8],
    ['vertical tab', '\u000B', 0xb],
    ['unit separator', '\u001F', 0x1f],
    ['a lone high surrogate', '\uD800', 0xd800],
    ['a lone low surrogate', '\uDC00', 0xdc00],
    ['U+FFFE', '\uFFFE', 0xfffe],
    ['U+FFFF', '\uFFFF', 0xffff],
  ])('finds and replaces %s, with its position', (_, ch, code) => {
    const text = `ab${ch}c`;
    expect(hasIllegalChars(text)).toBe(true);
    expect(findIllegalChars(text)).toEqual([{ position: 3, code }]);
    expect(replaceIllegalChars(text)).toBe('ab\uFFFDc');
  });

  it('keeps tab, line feed, carriage return, surrogate pairs and astral characters', () => {
    const text = 'tab\there\nline\r\n😀 🎌 \uD83D\uDE00 𝄞 \uFFFD \u00A0 \u0085';
    expect(hasIllegalChars(text)).toBe(false);
    expect(findIllegalChars(text)).toEqual([]);
    expect(replaceIllegalChars(text)).toBe(text);
  });

  it('counts positions in characters, so an emoji before a bad one counts once', () => {
    expect(findIllegalChars('😀x\uD800\uFFFF')).toEqual([
      { position: 3, code: 0xd800 },
      { position: 4, code: 0xffff },
    ]);
    // A high surrogate followed by another high one: the first is lone, the pair after it is kept.
    expect(findIllegalChars('\uD83D\uD83D\uDE00')).toEqual([{ position: 1, code: 0xd83d }]);
    expect(replaceIllegalChars('\uD83D\uD83D\uDE00')).toBe('\uFFFD😀');
  });

  it('shortens text without cutting a surrogate pair', () => {
    expect(shorten('abcdef', 10)).toBe('abcdef');
    expect(shorten('abcdef', 4)).toBe('abc…');
    expect(shorten('ab😀def', 4)).toBe('ab…');
    expect(shorten('ab😀def', 5)).toBe('ab😀…');
    for (let max = 2; max < 12; max++)
      expect(hasIllegalChars(shorten('😀'.repeat(8), max))).toBe(false);
  });

  it('names code points as U+XXXX', () => {
    expect(codePointName(0xd800)).toBe('U+D800');
    expect(codePointName(0)).toBe('U+0000');
    expect(codePointName(0x1f600)).toBe('U+1F600');
  });
});

describe('cleanStrings', () => {
  it('replaces in every string of a dataset-like value and warns per field with file, path, position and code point', () => {
    const input = {
      title: 'fine',
      actors: [
        { id: 'a', label: 'A\uD800' },
        { id: 'b', label: 'ok', aliases: ['x', 'y\uFFFEz'] },
      ],
      count: 3,
    };
    const { value, warnings } = cleanStrings(input, at('data.json'));
    expect(value).toEqual({
      title: 'fine',
      actors: [
        { id: 'a', label: 'A\uFFFD' },
        { id: 'b', label: 'ok', aliases: ['x', 'y\uFFFDz'] },
      ],
      count: 3,
    });
    expect(warnings.map((w) => [w.severity, w.file, w.path, w.message])).toEqual([
      [
        'warning',
        'data.json',
        'actors[0].label',
        'character 2 is U+D800 (a high surrogate without its low half): not allowed in text (XML 1.0), replaced by U+FFFD',
      ],
      [
        'warning',
        'data.json',
        'actors[1].aliases[1]',
        'character 2 is U+FFFE (a noncharacter): not allowed in text (XML 1.0), replaced by U+FFFD',
      ],
    ]);
    // The input is not changed, and untouched parts are shared, not copied.
    expect(input.actors[0]!.label).toBe('A\uD800');
    expect(value.actors[1]!.id).toBe('b');
  });

  it('returns the very same object when nothing needs replacing', () => {
    const input = { title: 'fine 😀', actors: [{ id: 'a', label: 'A' }] };
    const out = cleanStrings(input, at('f'));
    expect(out.value).toBe(input);
    expect(out.warnings).toEqual([]);
  });

  it('keeps a field named __proto__ a plain field', () => {
    const input = JSON.parse('{"__proto__": "x\\ud800", "ok": 1}') as Record<string, unknown>;
    const { value } = cleanStrings(input, at('f'));
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBe('x\uFFFD');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('lists the first fields one by one and counts the rest in one summary', () => {
    const labels = Array.from({ length: 50 }, (_, i) => ({ label: `${i}\u0001\u0002` }));
    const { warnings } = cleanStrings({ actors: labels }, at('big.csv'));
    expect(warnings).toHaveLength(21);
    expect(warnings[0]!.message).toContain(
      'character 2 is U+0001 (a control character), character 3 is U+0002',
    );
    expect(warnings[20]!.message).toBe(
      '50 fields held characters not allowed in text (100 characters in all); each was replaced by U+FFFD (the first 20 fields are listed above)',
    );
  });
});
