import { describe, expect, it } from 'vitest';
import { describeNearMiss, excerptAround, findQuote } from './quotes';

const SOURCE =
  'In December 2007 some forty militant groups came together as Tehrik-i-Taliban Pakistan. ' +
  'Its leader said: “We will fight the army\u00a0until the end” — and\nthe army answered in kind.';

describe('findQuote', () => {
  it('finds every exact occurrence, as offsets into the text', () => {
    const text = 'the army, the army, the navy';
    expect(findQuote(text, 'the army')).toEqual({
      occurrences: [
        { start: 0, end: 8 },
        { start: 10, end: 18 },
      ],
      nearMiss: null,
    });
  });

  it('accepts only the exact characters: a near-miss is reported with what differs, never as an occurrence', () => {
    const search = findQuote(SOURCE, '"We will fight the army until the end" - and the army');
    expect(search.occurrences).toEqual([]);
    expect(search.nearMiss?.differences).toEqual(['whitespace', 'quotes', 'dashes']);
    const { start, end } = search.nearMiss!;
    expect(SOURCE.slice(start, end)).toBe(
      '“We will fight the army\u00a0until the end” — and\nthe army',
    );
  });

  it('names a single kind of difference, and letter case', () => {
    expect(findQuote(SOURCE, 'tehrik-i-taliban pakistan').nearMiss?.differences).toEqual(['case']);
    expect(findQuote('He paused… then spoke.', 'He paused... then spoke').nearMiss).toEqual({
      start: 0,
      end: 21,
      differences: ['ellipsis'],
    });
    expect(findQuote(SOURCE, 'In December  2007').nearMiss?.differences).toEqual(['whitespace']);
  });

  it('finds nothing for words that are not there, or an empty quote', () => {
    expect(findQuote(SOURCE, 'forty-two militant groups')).toEqual({
      occurrences: [],
      nearMiss: null,
    });
    expect(findQuote(SOURCE, '')).toEqual({ occurrences: [], nearMiss: null });
  });

  it('words a near-miss for the user', () => {
    expect(
      describeNearMiss({ start: 0, end: 1, differences: ['whitespace', 'quotes', 'dashes'] }),
    ).toBe(
      'not verbatim: the source has these words with other spaces or line breaks, quotation marks (straight or curly) and dashes or hyphens',
    );
  });
});

describe('excerptAround', () => {
  it('shows the match with its context, cut at spaces, with an ellipsis where the text goes on', () => {
    const at = SOURCE.indexOf('forty');
    const excerpt = excerptAround(SOURCE, at, at + 'forty militant groups'.length, 12);
    expect(excerpt).toEqual({
      before: '…2007 some ',
      match: 'forty militant groups',
      after: ' came…',
    });
  });

  it('needs no ellipsis at the ends of the text, and never cuts a character in two', () => {
    expect(excerptAround('short text', 0, 5)).toEqual({
      before: '',
      match: 'short',
      after: ' text',
    });
    const emoji = '😀😀😀quote';
    const { before } = excerptAround(emoji, 6, 11, 3);
    expect(before).toBe('…😀');
  });
});
