import { describe, expect, it } from 'vitest';
import { IdMap } from './idMap';
import { seededRandom } from './layout';

describe('IdMap', () => {
  it('answers like a Map for every id, built-in names included', () => {
    const ids = ['a', 'b', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''];
    for (let i = 0; i < 5000; i++) ids.push(`r${i}`);
    const map = new IdMap(ids.map((id, i) => [id, i] as const));
    const plain = new Map(ids.map((id, i) => [id, i] as const));
    expect(map.size).toBe(plain.size);
    for (const id of ids) expect(map.get(id)).toBe(plain.get(id));
    expect(map.has('missing')).toBe(false);
    expect(new Map(map)).toEqual(plain);
    expect(Object.prototype).not.toHaveProperty('0');
  });

  it('counts a replaced entry once and a deleted one out', () => {
    const map = new IdMap<number>([['x', 1]]);
    map.set('x', 2);
    expect(map.size).toBe(1);
    expect(map.delete('x')).toBe(true);
    expect(map.delete('x')).toBe(false);
    expect(map.size).toBe(0);
  });

  it('keeps a copy and its original apart when either is written', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `id${i}`);
    const original = new IdMap<string>(ids.map((id) => [id, 'old']));
    const copy = original.copy();
    copy.set('id1', 'new');
    copy.delete('id2');
    copy.set('added', 'new');
    original.set('id3', 'changed');
    expect([original.get('id1'), original.get('id2'), original.has('added')]).toEqual([
      'old',
      'old',
      false,
    ]);
    expect([copy.get('id1'), copy.has('id2'), copy.get('added'), copy.get('id3')]).toEqual([
      'new',
      false,
      'new',
      'old',
    ]);
    expect([original.size, copy.size]).toEqual([1000, 1000]);
  });

  it('spreads sequential ids over its shards, so no one table grows large', () => {
    const map = new IdMap<number>();
    for (let i = 0; i < 64_000; i++) map.set(`r${i}`, i);
    const shards = (map as unknown as { shards: Map<string, number>[] }).shards;
    expect(Math.max(...shards.map((s) => s.size))).toBeLessThan(2 * (64_000 / shards.length));
  });

  it('answers like a Map through any mix of sets, deletes and copies', () => {
    // Few ids over many operations: probe runs fill, wrap around their table's end and are
    // emptied again, which is where deleting from an open-addressing table goes wrong.
    const random = seededRandom(7);
    const ids = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `r${i}` : `${i}:${i * 7}`));
    let map = new IdMap<number>();
    let plain = new Map<string, number>();
    const copies: [IdMap<number>, Map<string, number>][] = [];
    for (let step = 0; step < 60_000; step++) {
      const id = ids[Math.floor(random() * ids.length)]!;
      const roll = random();
      if (roll < 0.5) {
        map.set(id, step);
        plain.set(id, step);
      } else if (roll < 0.95) expect(map.delete(id)).toBe(plain.delete(id));
      else if (roll < 0.9502) {
        copies.push([map, new Map(plain)]);
        map = map.copy();
        plain = new Map(plain);
      } else expect(map.get(id)).toBe(plain.get(id));
    }
    for (const [m, p] of [[map, plain] as const, ...copies]) {
      expect(m.size).toBe(p.size);
      for (const id of ids) expect(m.get(id)).toBe(p.get(id));
      expect(new Map(m)).toEqual(p);
    }
  });
});
