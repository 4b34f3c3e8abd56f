/**
 * A map from ids (user text) to items, split into a fixed number of smaller
 * tables by a hash of the id.
 *
 * Why not one `Map`: a `Map` grows by doubling its table in a single step. At
 * a million entries that one step costs 150–190 ms of CPU, inside whichever
 * task happens to add the entry that overflows it, and a million-relation
 * dataset is loaded on the page's main thread in slices that must each stay
 * short. Split in 64, no table holds more than about 16,000 entries of a
 * million, so no step costs more than a few milliseconds.
 *
 * Why not `Map`s at all: Chromium's V8 internalizes the strings used as `Map`
 * and `Set` keys, and every major garbage collection walks the table of
 * internalized strings while the page waits. A million relation ids in it
 * added 50–220 ms to each such pause on the page (docs/PERFORMANCE.md, "Big
 * imports"). Each shard is therefore a table of its own (open addressing,
 * linear probing) over plain arrays, whose keys stay ordinary strings.
 *
 * `copy()` shares the shards and copies one only when either side first
 * writes to it, so an edit that touches a few items of a big dataset does not
 * copy a million entries.
 *
 * Iteration visits shard by shard, slot by slot: it is not insertion order.
 */
const SHARD_BITS = 6;
const SHARDS = 1 << SHARD_BITS;
/** A shard's table doubles before it is fuller than this: probe runs stay short. */
const MAX_LOAD = 0.6;
const FIRST_CAPACITY = 8;

/**
 * Hashes keep 30 bits: small integers that V8 stores in a plain array without boxing them, so
 * a table needs no typed array, whose memory every regrowth would leave to the GC's sweep of
 * array buffers.
 */
const HASH_BITS = 30;

/**
 * A well-spread hash of an id: FNV-1a over its UTF-16 code units, then MurmurHash3's
 * finaliser, since the top bits pick the shard and the low bits the slot.
 */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & ((1 << HASH_BITS) - 1);
}

const shardOf = (hash: number) => hash >>> (HASH_BITS - SHARD_BITS);

/** One shard: ids and their values in slots, an empty slot's key `undefined`. */
class Table<V> {
  size = 0;

  constructor(
    private keys: (string | undefined)[] = new Array<undefined>(FIRST_CAPACITY).fill(undefined),
    private values: (V | undefined)[] = new Array<undefined>(FIRST_CAPACITY).fill(undefined),
    /** Each used slot's `hashOf` its key: compared before the strings, kept for regrowing. */
    private hashes: number[] = new Array<number>(FIRST_CAPACITY).fill(0),
  ) {}

  /** The slot holding `id`, or the empty slot that ends its probe run (where it would go). */
  private slotOf(id: string, hash: number): number {
    const mask = this.keys.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const key = this.keys[i];
      if (key === undefined || (this.hashes[i] === hash && key === id)) return i;
    }
  }

  get(id: string, hash: number): V | undefined {
    return this.values[this.slotOf(id, hash)];
  }

  has(id: string, hash: number): boolean {
    return this.keys[this.slotOf(id, hash)] !== undefined;
  }

  /** Sets `id`; true if it was not there before. */
  set(id: string, hash: number, value: V): boolean {
    let i = this.slotOf(id, hash);
    const added = this.keys[i] === undefined;
    if (added && this.size + 1 > this.keys.length * MAX_LOAD) {
      this.regrow(2 * this.keys.length);
      i = this.slotOf(id, hash);
    }
    this.keys[i] = id;
    this.values[i] = value;
    this.hashes[i] = hash;
    if (added) this.size++;
    return added;
  }

  /**
   * Removes `id`; true if it was there. The entries after it in its probe run that may move
   * back are moved into the gap (backward-shift deletion), so that no later look-up stops at
   * an empty slot before the entry it looks for.
   */
  delete(id: string, hash: number): boolean {
    let gap = this.slotOf(id, hash);
    if (this.keys[gap] === undefined) return false;
    const mask = this.keys.length - 1;
    for (let j = (gap + 1) & mask; this.keys[j] !== undefined; j = (j + 1) & mask) {
      const home = this.hashes[j]! & mask;
      // The entry at j may fill the gap unless its home slot lies after the gap, up to j.
      const homeAfterGap = gap < j ? gap < home && home <= j : gap < home || home <= j;
      if (homeAfterGap) continue;
      this.keys[gap] = this.keys[j];
      this.values[gap] = this.values[j];
      this.hashes[gap] = this.hashes[j]!;
      gap = j;
    }
    this.keys[gap] = undefined;
    this.values[gap] = undefined;
    this.size--;
    return true;
  }

  copy(): Table<V> {
    const out = new Table<V>(this.keys.slice(), this.values.slice(), this.hashes.slice());
    out.size = this.size;
    return out;
  }

  *entries(): Generator<[string, V], undefined, unknown> {
    for (let i = 0; i < this.keys.length; i++) {
      const key = this.keys[i];
      if (key !== undefined) yield [key, this.values[i]!];
    }
  }

  private regrow(capacity: number): void {
    const { keys, values, hashes } = this;
    this.keys = new Array<undefined>(capacity).fill(undefined);
    this.values = new Array<undefined>(capacity).fill(undefined);
    this.hashes = new Array<number>(capacity).fill(0);
    const mask = capacity - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === undefined) continue;
      let j = hashes[i]! & mask;
      while (this.keys[j] !== undefined) j = (j + 1) & mask;
      this.keys[j] = keys[i];
      this.values[j] = values[i];
      this.hashes[j] = hashes[i]!;
    }
  }
}

export class IdMap<V> implements ReadonlyMap<string, V> {
  private readonly shards: Table<V>[];
  /** Whether this map alone holds shard i (else it is shared with a copy: copy before writing). */
  private readonly own: boolean[];
  private count = 0;

  constructor(entries?: Iterable<readonly [string, V]>) {
    this.shards = Array.from({ length: SHARDS }, () => new Table<V>());
    this.own = new Array<boolean>(SHARDS).fill(true);
    if (entries) for (const [id, value] of entries) this.set(id, value);
  }

  get size(): number {
    return this.count;
  }

  get(id: string): V | undefined {
    const hash = hashOf(id);
    return this.shards[shardOf(hash)]!.get(id, hash);
  }

  has(id: string): boolean {
    const hash = hashOf(id);
    return this.shards[shardOf(hash)]!.has(id, hash);
  }

  set(id: string, value: V): this {
    const hash = hashOf(id);
    if (this.writable(shardOf(hash)).set(id, hash, value)) this.count++;
    return this;
  }

  delete(id: string): boolean {
    const hash = hashOf(id);
    const s = shardOf(hash);
    if (!this.shards[s]!.has(id, hash)) return false;
    this.writable(s).delete(id, hash);
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
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'IdMap';
  }

  private writable(s: number): Table<V> {
    if (!this.own[s]) {
      this.shards[s] = this.shards[s]!.copy();
      this.own[s] = true;
    }
    return this.shards[s]!;
  }
}
