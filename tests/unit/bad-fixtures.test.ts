/**
 * The corpus of bad files in tests/fixtures/bad: each produces its expected,
 * precise error through the same path as the app's import and the validate
 * CLI (size, encoding, format, schema, cross-checks).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/core/problems';
import { importBytes } from '../../src/import/importBytes';

const DIR = 'tests/fixtures/bad';
const expected = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as Record<string, string>;

describe('bad fixtures', () => {
  it('has an expectation for every file and at least 40 files', () => {
    const files = readdirSync(DIR).filter((f) => f !== 'expected.json');
    expect(files.sort()).toEqual(Object.keys(expected).sort());
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(Object.entries(expected))('%s: %s', (name, message) => {
    const result = importBytes([{ name, bytes: readFileSync(`${DIR}/${name}`) }]);
    expect(result.dataset).toBeUndefined();
    const lines = result.errors.map(formatProblem);
    expect(
      lines.some((l) => l.includes(message)),
      lines.join('\n'),
    ).toBe(true);
    expect(result.errors.every((e) => e.file === name)).toBe(true);
  });
});
