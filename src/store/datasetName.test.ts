import { describe, expect, it } from 'vitest';
import { checkDatasetName, MAX_NAME_LENGTH, nameFromTitle } from './datasetName';

describe('checkDatasetName', () => {
  it('accepts a name up to the limit, trimmed', () => {
    expect(checkDatasetName('  Kabul 2021 ')).toEqual({ ok: true, name: 'Kabul 2021' });
    const longest = 'x'.repeat(MAX_NAME_LENGTH);
    expect(checkDatasetName(longest)).toEqual({ ok: true, name: longest });
  });

  it('refuses a longer name, saying the limit and the length', () => {
    expect(checkDatasetName('x'.repeat(5000))).toEqual({
      ok: false,
      message: 'A dataset name can have at most 200 characters; this one has 5,000.',
    });
    expect(checkDatasetName('x'.repeat(201))).toMatchObject({ ok: false });
  });

  it('refuses an empty or blank name', () => {
    expect(checkDatasetName(' \t ')).toEqual({
      ok: false,
      message: 'A dataset name cannot be empty.',
    });
  });
});

describe('nameFromTitle', () => {
  it('keeps a title that fits', () => {
    expect(nameFromTitle('Pakistan and the Taliban')).toBe('Pakistan and the Taliban');
    expect(nameFromTitle('x'.repeat(MAX_NAME_LENGTH))).toBe('x'.repeat(MAX_NAME_LENGTH));
  });

  it('cuts a longer title to the limit with an ellipsis', () => {
    const name = nameFromTitle('a'.repeat(500));
    expect(name).toBe(`${'a'.repeat(MAX_NAME_LENGTH - 1)}…`);
    expect(checkDatasetName(name)).toEqual({ ok: true, name });
  });

  it('does not end the cut on a space or half of a two-unit character', () => {
    expect(nameFromTitle(`${'a'.repeat(198)} ${'b'.repeat(50)}`)).toBe(`${'a'.repeat(198)}…`);
    const emoji = nameFromTitle('😀'.repeat(150)); // 300 UTF-16 units
    expect(emoji).toBe(`${'😀'.repeat(99)}…`);
    expect(emoji.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
  });
});
