/**
 * The relations of a dataset by id, read through the id map a model already
 * keeps of their positions (`ExplorerModel.relationIndex`) rather than a map
 * of their own. A second map of the same million ids held another ~15 MB on
 * the page, which every major garbage collection marks again, inside
 * whichever task it interrupts (docs/PERFORMANCE.md, "Big imports").
 *
 * Immutable like the model: an edit makes a new one over its new positions
 * and relations.
 */
import type { Relation } from './schema';

export class RelationsById implements ReadonlyMap<string, Relation> {
  constructor(
    /** Each relation's position in `relations`, by id. */
    private readonly positions: ReadonlyMap<string, number>,
    private readonly relations: readonly Relation[],
  ) {}

  get size(): number {
    return this.positions.size;
  }

  get(id: string): Relation | undefined {
    const i = this.positions.get(id);
    return i === undefined ? undefined : this.relations[i];
  }

  has(id: string): boolean {
    return this.positions.has(id);
  }

  forEach(visit: (value: Relation, id: string, map: ReadonlyMap<string, Relation>) => void): void {
    for (const [id, relation] of this) visit(relation, id, this);
  }

  *entries(): MapIterator<[string, Relation]> {
    for (const [id, i] of this.positions) yield [id, this.relations[i]!];
  }

  keys(): MapIterator<string> {
    return this.positions.keys();
  }

  *values(): MapIterator<Relation> {
    for (const i of this.positions.values()) yield this.relations[i]!;
  }

  [Symbol.iterator](): MapIterator<[string, Relation]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'RelationsById';
  }
}
