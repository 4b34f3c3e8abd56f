import { describe, expect, it } from 'vitest';
import type { Actor } from '../schema';
import { fold, matchActors } from './actorSearch';

const actor = (id: string, label: string, aliases?: string[]): Actor => ({
  id,
  label,
  type: 'state',
  ...(aliases && { aliases }),
});

const actors: Actor[] = [
  actor('ttp', 'Pakistani Taliban (TTP)', ['Tehrik-i-Taliban Pakistan']),
  actor('afghan-taliban', 'Afghan Taliban'),
  actor('pakistan', 'Pakistan'),
  actor('isi', 'Inter-Services Intelligence', ['ISI']),
  actor('civ', 'Côte d’Ivoire'),
  actor('pk-army', 'Army of Pakistan'),
];

const ids = (query: string, limit = 10, exclude?: ReadonlySet<string>) =>
  matchActors(actors, query, limit, exclude).actors.map((a) => a.id);

describe('matchActors', () => {
  it('lists every actor alphabetically for an empty query', () => {
    expect(ids('')).toEqual(['afghan-taliban', 'pk-army', 'civ', 'isi', 'pakistan', 'ttp']);
  });

  it('puts an exact name first, then names that start with the text, then words, then the rest', () => {
    // “Pakistan” is the name; “Pakistani Taliban” starts with it; “Army of Pakistan” has it as
    // a word; the ISI matches nowhere.
    expect(ids('pakistan')).toEqual(['pakistan', 'ttp', 'pk-army']);
    expect(ids('taliban')).toEqual(['afghan-taliban', 'ttp']);
  });

  it('matches ids and other names, ignoring case and accents', () => {
    expect(ids('ISI')).toEqual(['isi']);
    expect(ids('tehrik')).toEqual(['ttp']);
    expect(ids('pk-')).toEqual(['pk-army']);
    expect(ids('cote')).toEqual(['civ']);
    expect(ids('  CÔTE ')).toEqual(['civ']);
    expect(fold('Côte d’Ivoire')).toBe('cote d’ivoire');
    expect(ids('nowhere')).toEqual([]);
  });

  it('leaves out the excluded actors', () => {
    expect(ids('pakistan', 10, new Set(['pakistan']))).toEqual(['ttp', 'pk-army']);
  });

  it('returns at most `limit` matches, best first, and counts the rest', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      actor(`a${i}`, `Group ${String(i).padStart(5, '0')}`),
    );
    many.push(actor('g', 'Group'));
    const all = matchActors(many, 'group', 50);
    expect(all.actors).toHaveLength(50);
    expect(all.more).toBe(10_001 - 50);
    expect(all.actors[0]!.id).toBe('g'); // the exact name, though it sorts last in the list
    expect(all.actors[1]!.label).toBe('Group 00000');
    const narrow = matchActors(many, 'group 0999', 50);
    expect(narrow.actors.map((a) => a.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `a${9990 + i}`),
    );
    expect(narrow.more).toBe(0);
  });
});
