/**
 * Conformance: the stylesheets take every colour from the design tokens
 * (core/tokens.ts, written on :root as custom properties at start), so the
 * panels, the canvas and the exports cannot drift apart. A colour written as
 * a literal in a stylesheet, or a `var(--name)` that nothing defines (a typo
 * renders as no colour at all), fails here with the file and the value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cssCustomProperties } from '../core/tokens';

const SRC = join(__dirname, '..');

function filesEndingIn(dir: string, ending: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesEndingIn(path, ending);
    return ending.test(entry.name) ? [path] : [];
  });
}

const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** Each declaration's property and value (selectors, with their pseudo-classes, are skipped). */
export function declarations(css: string): [property: string, value: string][] {
  return [...withoutComments(css).matchAll(/([-a-z]+)\s*:\s*([^;{}]+)(?=[;}])/g)].map(
    ([, property, value]) => [property!, value!.trim()],
  );
}

const NAMED_COLOURS =
  /\b(white|black|red|green|blue|gr[ae]y|orange|yellow|purple|pink|brown|silver|navy|teal|maroon|olive|lime|aqua|fuchsia)\b/;

/** The colour literals in a declaration's value: hex, rgb()/hsl() and the common names. */
export function colourLiterals(value: string): string[] {
  const found = [...value.matchAll(/#[0-9a-f]{3,8}\b|\b(?:rgb|rgba|hsl|hsla)\(/gi)].map(
    (m) => m[0],
  );
  const named = NAMED_COLOURS.exec(value);
  return named ? [...found, named[0]] : found;
}

const files = filesEndingIn(SRC, /\.css$/).map((path) => [
  relative(SRC, path),
  readFileSync(path, 'utf8'),
]);

/** Custom properties components set in an inline style (`style={{ '--kind': colour }}`). */
const setInline = filesEndingIn(SRC, /\.tsx$/).flatMap((path) =>
  [...readFileSync(path, 'utf8').matchAll(/['"](--[-a-z0-9]+)['"]\s*:/g)].map(([, name]) => name!),
);

/**
 * Custom properties defined anywhere: the tokens', the stylesheets' own (`--tb-track: 20px`)
 * and those set inline.
 */
const defined = new Set([
  ...cssCustomProperties().map(([name]) => name),
  ...setInline,
  ...files.flatMap(([, css]) =>
    declarations(css!)
      .map(([property]) => property)
      .filter((p) => p.startsWith('--')),
  ),
]);

describe('stylesheets take their colours from the tokens', () => {
  it('finds literal colours and reads declarations, not selectors', () => {
    expect(declarations('a:hover { color: #fff; } /* b { color: red } */ .c { --x: 1px }')).toEqual(
      [
        ['color', '#fff'],
        ['--x', '1px'],
      ],
    );
    expect(colourLiterals('0 1px 2px rgb(0 0 0 / 12%)')).toEqual(['rgb(']);
    expect(colourLiterals('1px solid #ececef')).toEqual(['#ececef']);
    expect(colourLiterals('white')).toEqual(['white']);
    expect(colourLiterals('color-mix(in srgb, var(--shadow) 12%, transparent)')).toEqual([]);
  });

  it.each(files)('%s has no colour literal and no undefined custom property', (name, css) => {
    const problems = declarations(css!).flatMap(([property, value]) => [
      ...colourLiterals(value).map(
        (c) => `${name}: ${property}: ${value}: the colour ${c}… is not a token (core/tokens.ts)`,
      ),
      ...[...value.matchAll(/var\(\s*(--[-a-z0-9]+)/g)]
        .filter(([, v]) => !defined.has(v!))
        .map(([, v]) => `${name}: ${property}: ${value}: ${v} is not defined`),
    ]);
    expect(problems).toEqual([]);
  });
});
