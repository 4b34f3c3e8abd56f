/**
 * Conformance: every width a stylesheet's @media rule tests is one of the
 * layout breakpoints of core/tokens.ts. Media queries cannot read custom
 * properties, so the numbers are repeated in CSS; this test is what keeps
 * them from drifting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokens } from '../core/tokens';
import { atMost } from './useMediaQuery';

const SRC = join(__dirname, '..');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** Each width an @media prelude compares against, as written ("900px", "40rem"). */
export function mediaWidths(css: string): string[] {
  const widths: string[] = [];
  for (const [, prelude] of css.matchAll(/@media([^{]*)\{/g)) {
    for (const [, value] of prelude!.matchAll(
      /(?:(?:min|max)-width\s*:\s*|width\s*[<>]=?\s*|[<>]=?\s*width\b\s*)?(\d+(?:\.\d+)?[a-z]+)/g,
    ))
      if (!/^\d+(?:\.\d+)?dppx$/.test(value!)) widths.push(value!);
  }
  return widths;
}

const allowed = new Set(Object.values(tokens.breakpoint).map((px) => `${px}px`));

describe('breakpoints', () => {
  it('finds the widths of min-width, max-width and range queries', () => {
    expect(
      mediaWidths(
        '@media (max-width: 900px) { a {} } @media (min-width:40rem) and (width < 1279px) {}',
      ),
    ).toEqual(['900px', '40rem', '1279px']);
  });

  it('writes the query the stylesheets use', () => {
    expect(atMost('narrow')).toBe(`(max-width: ${tokens.breakpoint.narrow}px)`);
  });

  it.each(cssFiles(SRC).map((path) => [relative(SRC, path), path]))(
    'every @media width in %s is a token breakpoint',
    (name, path) => {
      const strays = mediaWidths(readFileSync(path, 'utf8')).filter((w) => !allowed.has(w));
      expect(
        strays.map((w) => `${name}: @media width ${w} is not a breakpoint of core/tokens.ts`),
      ).toEqual([]);
    },
  );
});
