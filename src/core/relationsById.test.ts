import { describe, expect, it } from 'vitest';
import { IdMap } from './idMap';
import { RelationsById } from './relationsById';
import type { Relation } from './schema';

const relation = (id: string): Relation =>
  ({ id, source: 'a', target: 'b', kind: 'alliance', evidence: [] }) as unknown as Relation;

describe('RelationsById', () => {
  const relations = [relation('r1'), relation('constructor'), relation('r3')];
  const positions = new IdMap(relations.map((r, i) => [r.id, i] as const));
  const byId = new RelationsById(positions, relations);

  it('reads each relation through its position', () => {
    expect(byId.size).toBe(3);
    expect(byId.get('r3')).toBe(relations[2]);
    expect(byId.get('constructor')).toBe(relations[1]);
    expect(byId.has('r1')).toBe(true);
  });

  it('knows nothing of ids without a position, built-in names included', () => {
    expect(byId.get('r4')).toBeUndefined();
    expect(byId.has('toString')).toBe(false);
    expect(byId.get('__proto__')).toBeUndefined();
  });

  it('lists the same entries as a map of the relations would', () => {
    const expected = new Map(relations.map((r) => [r.id, r]));
    expect(new Map(byId)).toEqual(expected);
    expect(new Set(byId.keys())).toEqual(new Set(expected.keys()));
    expect(new Set(byId.values())).toEqual(new Set(expected.values()));
    const visited: string[] = [];
    byId.forEach((r, id, map) => {
      expect(map).toBe(byId);
      expect(r.id).toBe(id);
      visited.push(id);
    });
    expect(visited.sort()).toEqual(['constructor', 'r1', 'r3']);
  });
});
