import { describe, expect, it } from 'vitest';
import { formatProblem, MAX_VALUE_CHARS, problemValue, showValue, sourceText } from './problems';

describe('problem values', () => {
  it('shows numbers JSON cannot write as themselves, not null', () => {
    expect(showValue(Infinity)).toBe('Infinity');
    expect(showValue(-Infinity)).toBe('-Infinity');
    expect(showValue(NaN)).toBe('NaN');
  });

  it('keeps scalars, cuts long strings, turns lists and objects into a short preview', () => {
    expect(problemValue('2021-13')).toBe('2021-13');
    expect(problemValue(0.5)).toBe(0.5);
    expect(problemValue('x'.repeat(1_000_000))).toBe(`${'x'.repeat(MAX_VALUE_CHARS - 1)}…`);
    expect(problemValue(['a', { b: 1 }])).toEqual({ shown: '["a",{"b":1}]' });
    expect(problemValue(problemValue([1, 2]))).toEqual({ shown: '[1,2]' });
  });

  it('previews a huge or deep value without walking all of it', () => {
    const deep: unknown[] = [];
    let inner = deep;
    for (let i = 0; i < 20_000; i++) inner = (inner[0] = []) as unknown[];
    expect(showValue(deep)).toBe(`${'['.repeat(MAX_VALUE_CHARS - 1)}…`);
    const wide = Array.from({ length: 100_000 }, (_, i) => i);
    expect(showValue(wide)).toHaveLength(MAX_VALUE_CHARS);
  });

  it('never cuts a character made of two UTF-16 units in half', () => {
    const shown = showValue(`${'x'.repeat(MAX_VALUE_CHARS - 3)}😀😀`);
    expect(shown).toBe(`"${'x'.repeat(MAX_VALUE_CHARS - 3)}…`);
    expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
  });

  it('shows source text as written', () => {
    const p = { severity: 'error' as const, path: 'x', message: 'must be finite' };
    expect(formatProblem({ ...p, value: sourceText('1e400') })).toBe(
      'x: must be finite (got 1e400)',
    );
    expect(formatProblem({ ...p, value: '1e400' })).toBe('x: must be finite (got "1e400")');
  });
});
