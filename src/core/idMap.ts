/**
 * A map from ids (user text) to items, split into a fixed number of smaller
 * `Map`s by a hash of the id.
 *
 * Why not one `Map`: a `Map` grows by doubling its table in a single step. At
 * a million entries that one step costs 150–190 ms of CPU, inside whichever
 * task happens to add the entry that overflows it, and a million-relation
 * dataset is loaded on the page's main thread in slices that must each stay
 * short. Split in 64, no table holds more than about 16,000 entries of a
 * million, so no step costs more than a few milliseconds.
 *
 * `copy()` shares the shards and copies one only when either side first
 * writes to it, so an edit that touches a few items of a big dataset does not
 * copy a million entries.
 *
 * Iteration visits shard by shard: it is not insertion order.
 */
const SHARD_BITS = 6;
const SHARDS = 1 << SHARD_BITS;

/** A well-spread shard number for an id (FNV-1a over its UTF-16 code units). */
function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) & (SHARDS - 1);
}

export class IdMap<V> implements ReadonlyMap<string, V> {
  private readonly shards: Map<string, V>[];
  /** Whether this map alone holds shard i (else it is shared with a copy: copy before writing). */
  private readonly own: boolean[];
  private count = 0;

  constructor(entries?: Iterable<readonly [string, V]>) {
    this.shards = Array.from({ length: SHARDS }, () => new Map<string, V>());
    this.own = new Array<boolean>(SHARDS).fill(true);
    if (entries) for (const [id, value] of entries) this.set(id, value);
  }

  get size(): number {
    return this.count;
  }

  get(id: string): V | undefined {
    return this.shards[shardOf(id)]!.get(id);
  }

  has(id: string): boolean {
    return this.shards[shardOf(id)]!.has(id);
  }

  set(id: string, value: V): this {
    const shard = this.writable(shardOf(id));
    const before = shard.size;
    shard.set(id, value);
    this.count += shard.size - before;
    return this;
  }

  delete(id: string): boolean {
    const s = shardOf(id);
    if (!this.shards[s]!.has(id)) return false;
    this.writable(s).delete(id);
    this.count--;
    return true;
  }

  /** A map with the same entries; writing to either leaves the other as it was. */
  copy(): IdMap<V> {
    const out = new IdMap<V>();
    for (let s = 0; s < SHARDS; s++) {
      out.shards[s] = this.shards[s]!;
      out.own[s] = this.own[s] = false;
    }
    out.count = this.count;
    return out;
  }

  forEach(visit: (value: V, id: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [id, value] of this) visit(value, id, this);
  }

  *entries(): MapIterator<[string, V]> {
    for (const shard of this.shards) yield* shard.entries();
  }

  *keys(): MapIterator<string> {
    for (const shard of this.shards) yield* shard.keys();
  }

  *values(): MapIterator<V> {
    for (const shard of this.shards) yield* shard.values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'IdMap';
  }

  private writable(s: number): Map<string, V> {
    if (!this.own[s]) {
      this.shards[s] = new Map(this.shards[s]);
      this.own[s] = true;
    }
    return this.shards[s]!;
  }
}
