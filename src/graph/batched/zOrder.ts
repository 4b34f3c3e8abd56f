/**
 * Cytoscape's z-order, and what of it batched drawing keeps.
 *
 * Cytoscape's `zIndexSort` orders by `z-compound-depth`, then by
 * `z-index-compare` (`auto`: edges under nodes), then by `z-index`, then by
 * pool order. Batched drawing draws every edge before every node, so it
 * refuses the two properties that can lift an edge over a node or sink a node
 * under an edge: `z-compound-depth` other than `auto` (or `orphan`, the same
 * without compound nodes, which it also refuses) and `z-index-compare` other
 * than `auto`. `z-index` it keeps where Cytoscape draws (elements it draws
 * itself, labels); between batches of different looks it is not kept (see
 * install.ts).
 *
 * Cytoscape re-sorts every element after each addition or removal with a
 * comparator that reads four style properties per comparison: during
 * playback, where every step adds and removes edges, that took about 3 ms a
 * step for 2,000 elements and about 1.3 s of 11 s of a profile of L's steps.
 * With those two properties at `auto`, its order is edges under nodes, each by
 * `z-index`, then in pool order: a partition, plus a sort of the few elements
 * whose `z-index` is not 0 (the emphasised ones, the keyboard cursor), which
 * replaces the sort. `ZOrderTracker` keeps that partition across steps and
 * updates it by what a step changed, with a record per element that frames
 * read their looks from (install.ts).
 */
import type { CanvasRendererInternals, RenderedElement, ZSorted } from './internals';
import { endsTakeSpace, HANDLED_Z_ORDER, type Look } from './looks';
import type { EdgeBox } from './paths';

interface Rule {
  selector?: string;
  style?: Record<string, unknown>;
}

/** The first rule that sets a z-order batched drawing cannot draw, as text; null if none. */
export function unsupportedZOrderRule(stylesheet: unknown): string | null {
  if (!Array.isArray(stylesheet)) return 'a stylesheet that could not be read';
  for (const rule of stylesheet as Rule[])
    for (const [property, handled] of Object.entries(HANDLED_Z_ORDER)) {
      const value = rule.style?.[property];
      if (value !== undefined && !handled.includes(value))
        return `"${property}: ${String(value)}" (rule "${rule.selector ?? ''}")`;
    }
  return null;
}

/**
 * A replacement for the renderer's `getCachedZSortedEles`, for z-orders batched drawing
 * draws (`unsupportedZOrderRule` is null), kept across playback steps.
 *
 * Cytoscape drops its sorted list after every addition, removal and z-order restyle, and
 * sorting again from scratch reads every element's look: work in proportion to the graph on
 * every step, although a step adds and removes a few dozen edges. The tracker keeps the
 * partition's parts between sorts and updates them from what changed:
 *
 * - Membership and pool order come from Cytoscape's pool itself. A removal moves the pool's
 *   last element into the hole (`Collection.unmergeAt`), additions go to the end, so the only
 *   slots whose element can differ from the last sort's are the removed elements' slots and
 *   the tail from (length before − removals): those few are compared with a mirror of the pool.
 * - `z-index` and interactivity are read again for the elements Cytoscape restyled (its
 *   documented `style` event), and for the edges of a node that started or stopped taking
 *   space.
 *
 * Which elements take events (`interactive`) is what Cytoscape's `interactive()` says, read
 * from the cached looks: `events: yes`, visible, taking space, and for an edge, ends that take
 * space. While every element does, the list is the sorted list itself; otherwise it is
 * filtered when a hit test first asks for it. While nothing is dragged, nothing is on the drag
 * layer and the split is free.
 */
export class ZOrderTracker {
  /** The pool as of the last sort: `mirror[slot]` is the element Cytoscape had there. */
  private mirror: RenderedElement[] = [];
  private placed = new Map<RenderedElement, ElementRecord>();
  /** The records of the last sort's list, in its order. */
  private records: ElementRecord[] = [];
  /** Elements at `z-index` 0 (nearly all), in pool order, per group. */
  private level: Record<Group, ElementRecord[]> = { edges: [], nodes: [] };
  /** The others, per group: sorted when the list is built (a handful: emphasis, the cursor). */
  private lifted: Record<Group, Set<ElementRecord>> = { edges: new Set(), nodes: new Set() };
  private notInteractive = new Set<RenderedElement>();
  /** Removed since the last sort (Cytoscape's `remove` event), and how many removals. */
  private removed = new Set<RenderedElement>();
  private removals = 0;
  /** Elements added since the last sort (`add` events): with removals, the pool's length. */
  private additions = 0;
  private restyled = new Set<RenderedElement>();
  private synced = false;
  /** The last sort's list; handed out again when nothing it depends on changed. */
  private sorted: ZSorted | null = null;
  /** Whether the last split found elements on the drag layer; the first sort splits. */
  private dragging = true;
  /** Times the mirror disagreed with the pool and everything was read again (tests read it). */
  resyncs = 0;
  /**
   * Counts the changes that can make a node look different or stand elsewhere: a node added,
   * removed or restyled, its bounds dirtied (Cytoscape's `bounds` event, which it emits
   * whenever a node moves, silently or not), and every full read. While it stands still, a
   * frame draws the nodes the last one drew (install.ts); playback steps change only edges.
   */
  nodeRevision = 0;
  /** Where the nodes begin in the last sort's list (edges come first). */
  private firstNode = 0;

  private readonly onRemove = (event: { target: RenderedElement }) => {
    this.removed.add(event.target);
    this.removals++;
    this.onNodeChange(event);
  };
  private readonly onAdd = (event: { target: RenderedElement }) => {
    this.additions++;
    this.onNodeChange(event);
  };
  private readonly onStyle = (event: { target: RenderedElement }) => {
    const ele = event.target;
    this.restyled.add(ele);
    const record = this.placed.get(ele);
    if (record) record.restyled = true;
    if (ele._private.group !== 'nodes') return;
    this.nodeRevision++;
    // Whether the node takes space may change: its edges read their ends again.
    for (const edge of connectedEdges(ele)) {
      const edgeRecord = this.placed.get(edge);
      if (edgeRecord) edgeRecord.endsTakeSpace = null;
    }
  };
  private readonly onNodeChange = (event: { target: RenderedElement }) => {
    if (event.target._private.group === 'nodes') this.nodeRevision++;
  };

  constructor(
    private readonly r: CanvasRendererInternals,
    private readonly lookOf: (ele: RenderedElement) => Look,
  ) {
    r.cy.on('add', this.onAdd as never);
    r.cy.on('remove', this.onRemove as never);
    r.cy.on('style', this.onStyle as never);
    r.cy.on('bounds', this.onNodeChange as never);
  }

  /** Stops following the graph's changes (batched drawing uninstalled). */
  dispose(): void {
    this.r.cy.off('add', this.onAdd as never);
    this.r.cy.off('remove', this.onRemove as never);
    this.r.cy.off('style', this.onStyle as never);
    this.r.cy.off('bounds', this.onNodeChange as never);
  }

  /**
   * Where the nodes begin in `records` (what `recordsOf` gave): every element before is an
   * edge, every one from there a node.
   */
  nodesStart(records: readonly ElementRecord[]): number | null {
    return records === this.records ? this.firstNode : null;
  }

  /** The renderer's `getCachedZSortedEles`: Cytoscape's order, without sorting. */
  getCachedZSortedEles(forceRecalc = false): ZSorted {
    const r = this.r;
    if (!forceRecalc && r.cachedZSortedEles) return r.cachedZSortedEles;
    const changed = this.sync();
    if (changed || forceRecalc || !this.sorted) this.sorted = this.build();
    r.cachedZSortedEles = this.sorted;
    this.split();
    return this.sorted;
  }

  /**
   * The records of `eles`, in its order, when `eles` is the current sort's list (what Cytoscape
   * hands a frame while nothing is dragged); null for any other list (a drag, a snapshot).
   */
  recordsOf(eles: readonly RenderedElement[]): readonly ElementRecord[] | null {
    return eles === this.sorted && eles === this.r.cachedZSortedEles ? this.records : null;
  }

  /** The renderer's `updateCachedGrabbedEles`: called by Cytoscape when a drag starts or ends. */
  updateCachedGrabbedEles(): void {
    // With no list to split (a step just dropped it), the next sort splits for certain.
    this.dragging = this.r.cachedZSortedEles ? splitDragged(this.r) : true;
  }

  /** Brings the parts up to date with the graph; true if the sorted list changes. */
  private sync(): boolean {
    const pool = this.r.cy.mutableElements() as unknown as ArrayLike<RenderedElement>;
    // Told of fewer changes than the pool shows (a listener missed): read everything again.
    if (!this.synced || this.mirror.length + this.additions - this.removals !== pool.length)
      return this.resync(pool);
    const moved =
      (this.removals > 0 || pool.length !== this.mirror.length) && this.followPool(pool);
    const restyled = this.restyle();
    if (!this.synced || !this.agreesWith(pool)) return this.resync(pool);
    return moved || restyled;
  }

  /** Reads every element again, in pool order. */
  private resync(pool: ArrayLike<RenderedElement>): boolean {
    if (this.sorted !== null) this.resyncs++;
    this.nodeRevision++;
    this.mirror = Array.from(pool);
    this.placed.clear();
    this.level = { edges: [], nodes: [] };
    this.lifted = { edges: new Set(), nodes: new Set() };
    this.notInteractive.clear();
    this.restyled.clear();
    this.forgetChanges();
    for (const group of ['nodes', 'edges'])
      this.mirror.forEach((ele, slot) => {
        if (ele._private.group === group) this.place(ele, slot);
      });
    this.synced = true;
    return true;
  }

  /**
   * Moves the mirror to the pool by the slots a step's additions and removals can have
   * changed; an element that moved keeps what was read of its look.
   */
  private followPool(pool: ArrayLike<RenderedElement>): boolean {
    const slots = new Set<number>();
    for (const ele of this.removed) {
      const slot = this.placed.get(ele)?.slot;
      if (slot === undefined) continue;
      slots.add(slot);
      this.lift(ele);
      this.forget(ele);
    }
    for (let slot = Math.max(0, this.mirror.length - this.removals); slot < pool.length; slot++)
      slots.add(slot);
    const arrived: [RenderedElement, number][] = [];
    for (const slot of slots) {
      const ele = slot < pool.length ? pool[slot]! : undefined;
      if (ele === undefined || ele === this.mirror[slot]) continue;
      if (this.placed.has(ele)) this.lift(ele);
      arrived.push([ele, slot]);
    }
    this.mirror.length = pool.length;
    for (const [ele, slot] of arrived) this.mirror[slot] = ele;
    // Nodes first: a new edge's record points at its ends'.
    arrived.sort(
      ([a], [b]) => Number(a._private.group === 'edges') - Number(b._private.group === 'edges'),
    );
    for (const [ele, slot] of arrived) {
      const record = this.placed.get(ele);
      if (!record) this.place(ele, slot);
      else {
        record.slot = slot;
        this.insert(record);
      }
    }
    this.forgetChanges();
    return true;
  }

  /** A check that costs nothing: the mirror's length and ends are the pool's. */
  private agreesWith(pool: ArrayLike<RenderedElement>): boolean {
    const n = pool.length;
    return (
      n === this.mirror.length &&
      (n === 0 || (pool[0] === this.mirror[0] && pool[n - 1] === this.mirror[n - 1]))
    );
  }

  /** Reads restyled elements' `z-index` and interactivity again; true if the list changes. */
  private restyle(): boolean {
    let changed = false;
    const edgesToCheck = new Set<RenderedElement>();
    for (const ele of this.restyled) {
      const record = this.placed.get(ele);
      if (!record) continue;
      const look = this.freshLook(ele);
      if (look.zIndex !== record.z) {
        this.lift(ele);
        record.z = look.zIndex;
        this.insert(record);
        changed = true;
      }
      changed = this.setInteractive(ele, look) || changed;
      if (ele._private.group === 'nodes' && look.takesSpace !== record.takesSpace) {
        record.takesSpace = look.takesSpace;
        for (const edge of connectedEdges(ele)) edgesToCheck.add(edge);
      }
    }
    for (const edge of edgesToCheck)
      if (this.placed.has(edge)) changed = this.setInteractive(edge, this.lookOf(edge)) || changed;
    this.restyled.clear();
    return changed;
  }

  private forgetChanges(): void {
    this.removed.clear();
    this.removals = 0;
    this.additions = 0;
  }

  /** Takes in an element new to the list, reading its look (nodes before their edges). */
  private place(ele: RenderedElement, slot: number): void {
    const look = this.freshLook(ele);
    const { source, target } = ele._private;
    const record: ElementRecord = {
      ele,
      slot,
      z: look.zIndex,
      takesSpace: look.takesSpace,
      look,
      styleKey: ele._private.styleKey,
      restyled: false,
      source: source ? (this.placed.get(source) ?? null) : null,
      target: target ? (this.placed.get(target) ?? null) : null,
      box: null,
      endsTakeSpace: null,
    };
    this.placed.set(ele, record);
    this.insert(record);
    this.setInteractive(ele, look);
  }

  /**
   * An element's look after Cytoscape applied its restyle: a hit test can ask for the list
   * between a class change and the frame that applies it, and the look cache would still give
   * the look before (its key is renewed when the style is applied, which `pstyle` does).
   */
  private freshLook(ele: RenderedElement): Look {
    const record = this.placed.get(ele);
    if (record) return recordedLook(record, ele, this.lookOf);
    ele.pstyle('z-index');
    return this.lookOf(ele);
  }

  /**
   * Checks a few records of a frame's list against their elements' style keys: one whose key
   * changed with no `style` event (which Cytoscape always emits) means the records cannot be
   * trusted: every look is read again now, and the next sort reads the whole graph again.
   */
  verifyRecords(eles: readonly RenderedElement[], records: readonly ElementRecord[]): void {
    for (const i of [0, records.length >> 1, records.length - 1]) {
      const record = records[i];
      if (!record || record.restyled || record.styleKey === eles[i]!._private.styleKey) continue;
      for (const each of this.placed.values()) {
        each.restyled = true;
        each.endsTakeSpace = null;
      }
      this.nodeRevision++;
      this.synced = false;
      this.r.cachedZSortedEles = null;
      return;
    }
  }

  private forget(ele: RenderedElement): void {
    this.notInteractive.delete(ele);
    this.placed.delete(ele);
  }

  /** Puts a placed element in its group's list for its `z-index`, at its slot. */
  private insert(record: ElementRecord): void {
    const group = record.ele._private.group;
    if (record.z !== 0) {
      this.lifted[group].add(record);
      return;
    }
    const list = this.level[group];
    const last = list[list.length - 1];
    const at =
      last === undefined || last.slot < record.slot ? list.length : this.indexOf(list, record.slot);
    list.splice(at, 0, record);
  }

  /** Takes a placed element out of its group's list (before its slot or `z-index` changes). */
  private lift(ele: RenderedElement): void {
    const record = this.placed.get(ele)!;
    const group = ele._private.group;
    if (record.z !== 0) {
      this.lifted[group].delete(record);
      return;
    }
    const list = this.level[group];
    const at = this.indexOf(list, record.slot);
    if (list[at] === record) list.splice(at, 1);
    // Not where its slot says: the parts disagree with each other; the sync reads all again.
    else this.synced = false;
  }

  /** Records whether an element takes events; true if that changed. */
  private setInteractive(ele: RenderedElement, look: Look): boolean {
    const interactive = look.interactive && endsTakeSpace(ele, this.lookOf);
    if (interactive === !this.notInteractive.has(ele)) return false;
    if (interactive) this.notInteractive.delete(ele);
    else this.notInteractive.add(ele);
    return true;
  }

  /** Where `slot` is, or would go, in a list in pool order. */
  private indexOf(list: readonly ElementRecord[], slot: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.slot < slot) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Edges, then nodes; each by `z-index`, then in pool order. */
  private build(): ZSorted {
    const eles = [] as unknown as ZSorted;
    const records: ElementRecord[] = [];
    const take = (record: ElementRecord) => {
      eles.push(record.ele);
      records.push(record);
    };
    for (const group of ['edges', 'nodes'] as const) {
      if (group === 'nodes') this.firstNode = records.length;
      const lifted = [...this.lifted[group]].sort((a, b) => a.z - b.z || a.slot - b.slot);
      for (const record of lifted) if (record.z < 0) take(record);
      for (const record of this.level[group]) take(record);
      for (const record of lifted) if (record.z > 0) take(record);
    }
    this.records = records;
    // Filtered when a hit test first asks; while every element takes events, the list itself.
    // (The set changes only with a new list: a change to it makes `sync` report a change.)
    const notInteractive = this.notInteractive;
    let interactive: RenderedElement[] | null = notInteractive.size === 0 ? eles : null;
    Object.defineProperty(eles, 'interactive', {
      get: () => (interactive ??= eles.filter((ele) => !notInteractive.has(ele))),
    });
    return eles;
  }

  /** The drag and non-drag lists: read from every element only while something is dragged. */
  private split(): void {
    const eles = this.sorted!;
    if (this.dragging) this.dragging = splitDragged(this.r);
    else {
      eles.drag = [];
      eles.nondrag = eles;
    }
  }
}

type Group = 'edges' | 'nodes';

/** What the tracker keeps of an element; a frame reads it too (`recordsOf`, install.ts). */
export interface ElementRecord {
  ele: RenderedElement;
  /** Its index in Cytoscape's pool. */
  slot: number;
  z: number;
  /** Nodes: whether it took space when last read (its edges' interactivity depends on it). */
  takesSpace: boolean;
  /** Its look, and the style key it was read under (see `recordedLook`). */
  look: Look;
  styleKey: unknown;
  /** Cytoscape restyled it (a `style` event) since its look was read. */
  restyled: boolean;
  /** An edge's ends' records (Cytoscape never changes an edge's ends); null for a node. */
  source: ElementRecord | null;
  target: ElementRecord | null;
  /** An edge's bounding box, with the geometry it was read from (paths.ts). */
  box: EdgeBox | null;
  /**
   * An edge's: whether both its ends took space when last read; null until read again (new, or
   * an end was restyled since: the tracker's `style` listener).
   */
  endsTakeSpace: boolean | null;
}

/**
 * An element's look from its record: read again only after Cytoscape restyled the element (its
 * `style` event), so a frame reads no element's style key, only the records. The style is
 * applied first (`pstyle` does): the event comes when a restyle is asked for, before Cytoscape
 * applies it.
 */
export function recordedLook(
  record: ElementRecord,
  ele: RenderedElement,
  lookOf: (ele: RenderedElement) => Look,
): Look {
  if (record.restyled) {
    ele.pstyle('z-index');
    record.look = lookOf(ele);
    record.styleKey = ele._private.styleKey;
    record.restyled = false;
  }
  return record.look;
}

/** Cytoscape's `visible()` from an element's record (no compound nodes), as `isVisible`. */
export function recordedVisible(
  record: ElementRecord,
  ele: RenderedElement,
  look: Look,
  lookOf: (ele: RenderedElement) => Look,
): boolean {
  if (!look.shown) return false;
  const { source, target } = record;
  if (!source || !target) return ele._private.group === 'nodes' || endsTakeSpace(ele, lookOf);
  if (record.endsTakeSpace === null) {
    const p = ele._private;
    record.endsTakeSpace =
      recordedLook(source, p.source!, lookOf).takesSpace &&
      recordedLook(target, p.target!, lookOf).takesSpace;
  }
  return record.endsTakeSpace;
}

function connectedEdges(node: RenderedElement): RenderedElement[] {
  return (node as unknown as { connectedEdges(): { toArray(): RenderedElement[] } })
    .connectedEdges()
    .toArray();
}

/**
 * The renderer's `updateCachedGrabbedEles` for a graph without compound nodes: elements on
 * the drag layer, the grabbed ones last (on top), and the rest. True if any is on the drag
 * layer.
 */
export function splitDragged(r: CanvasRendererInternals): boolean {
  const eles = r.cachedZSortedEles;
  if (!eles) return false;
  const drag: RenderedElement[] = [];
  const nondrag: RenderedElement[] = [];
  const grabbed: RenderedElement[] = [];
  for (const ele of eles) {
    if (ele._private.grabbed) grabbed.push(ele);
    else if (ele._private.rscratch.inDragLayer) drag.push(ele);
    else nondrag.push(ele);
  }
  eles.drag = drag.concat(grabbed);
  eles.nondrag = nondrag;
  return eles.drag.length > 0;
}
