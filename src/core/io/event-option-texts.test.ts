import { describe, expect, it } from 'vitest';
import { EVENT_IMPORT_DEFAULTS } from './event-options';
import { optionTexts, readOptionTexts } from './event-option-texts';

describe('event option texts', () => {
  it('shows the defaults and reads them back', () => {
    const texts = optionTexts({});
    expect(texts.windowMonths).toBe('12');
    expect(readOptionTexts(texts).options).toEqual(EVENT_IMPORT_DEFAULTS);
  });

  it('reads a minus sign and a decimal comma', () => {
    const r = readOptionTexts({
      ...optionTexts({}),
      hostilityAt: '\u22122,5',
      cooperationAt: ' 3 ',
    });
    expect(r.options).toMatchObject({ hostilityAt: -2.5, cooperationAt: 3 });
  });

  it('says what is wrong with each field, with the text as typed', () => {
    const r = readOptionTexts({
      ...optionTexts({}),
      windowMonths: 'abc',
      minEvents: '',
      maxEvidence: '1.5',
    });
    expect(Object.fromEntries(r.errors!)).toEqual({
      windowMonths: '"abc" is not a number',
      minEvents: 'is empty',
    });
    const ranges = readOptionTexts({ ...optionTexts({}), windowMonths: '0', maxEvidence: '1.5' });
    expect(Object.fromEntries(ranges.errors!)).toEqual({
      windowMonths: '"0" must be a whole number from 1 to 1200',
      maxEvidence: '"1.5" must be a whole number from 0 to 100',
    });
  });

  it('refuses a hostility threshold that is not below the cooperation threshold', () => {
    const r = readOptionTexts({ ...optionTexts({}), hostilityAt: '2' });
    expect(Object.fromEntries(r.errors!)).toEqual({
      hostilityAt: '"2" must be below cooperationAt (1)',
    });
  });
});
