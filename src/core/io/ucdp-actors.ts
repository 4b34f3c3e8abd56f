/**
 * The actors of a UCDP conflict-year table. UCDP lists a side of several
 * actors as names in one cell and ids in another, but not in the same order
 * (names alphabetically; ids in some releases by number), so a name is paired
 * with its id from what the whole file says: a side with one actor states its
 * id outright, and a side whose other names are all paired leaves one name
 * for one id. A name still unpaired is kept by name, with the ids it may have
 * in its note: never a guess.
 */
import type { Actor } from '../schema';
import type { Location, Origin } from './import-result';
import { listSome } from './import-result';
import type { ConflictYear, SideCells } from './ucdp-rows';
import type { UcdpKind } from './ucdp-columns';

/** An actor as a side or a supporter list names it, resolved to its dataset id. */
export interface ListedActor {
  id: string;
  name: string;
}

/** The dataset id of an actor with a UCDP id, and of one known only by name. */
const byUcdpId = (ucdpId: string) => `ucdp-${ucdpId}`;
const byName = (name: string) => `ucdp-name:${name}`;

/** What the file says about which names go with which ids. */
class IdBook {
  private readonly ids = new Map<string, Set<string>>();
  private readonly names = new Map<string, Set<string>>();

  learn(name: string, id: string): boolean {
    const ids = this.ids.get(name) ?? new Set<string>();
    if (ids.has(id)) return false;
    this.ids.set(name, ids.add(id));
    this.names.set(id, (this.names.get(id) ?? new Set<string>()).add(name));
    return true;
  }

  idsOf(name: string): ReadonlySet<string> {
    return this.ids.get(name) ?? new Set();
  }

  namesOf(id: string): ReadonlySet<string> {
    return this.names.get(id) ?? new Set();
  }
}

/** A side's pairing of names with ids; `open` are the names left unpaired and the ids they may have. */
interface Pairing {
  paired: Map<string, string>;
  open: { names: string[]; ids: string[] };
}

/**
 * Pairs a side's names with ids. `pool` holds the ids the names share (ACD:
 * `side_*_id`; NSC: the coalition's components). A name whose id the book
 * knows is paired with it; of the rest, ids known to be other actors'
 * are set aside, and one name left with one id are a pair.
 */
function pairSide(names: readonly string[], pool: readonly string[], book: IdBook): Pairing {
  const paired = new Map<string, string>();
  const free = new Set(pool);
  // Fewer names than ids: some names are coalitions listed by their members' ids (NSC), and
  // such a name's own id, known from elsewhere, is outside the pool.
  const nested = names.length !== pool.length;
  for (const name of names) {
    const known = [...book.idsOf(name)];
    const inPool = known.filter((id) => free.has(id));
    const id =
      inPool.length === 1 ? inPool[0] : nested && known.length === 1 ? known[0] : undefined;
    if (id === undefined) continue;
    paired.set(name, id);
    free.delete(id);
  }
  const openNames = names.filter((n) => !paired.has(n));
  const openIds = [...free].filter((id) =>
    [...book.namesOf(id)].every((n) => openNames.includes(n)),
  );
  if (openNames.length === 1 && openIds.length === 1) {
    paired.set(openNames[0]!, openIds[0]!);
    return { paired, open: { names: [], ids: [] } };
  }
  return { paired, open: { names: openNames, ids: openIds } };
}

/** A side that lists several actors, and the ids they share. */
const poolOf = (side: SideCells, kind: UcdpKind): string[] =>
  kind === 'ucdp-acd' ? side.ids : side.components;

/** Learns the certain pairs (one-actor sides), then what pairing several-actor sides adds, until nothing more is learnt. */
function learnIds(years: readonly ConflictYear[], kind: UcdpKind): IdBook {
  const book = new IdBook();
  const several: SideCells[] = [];
  for (const y of years)
    for (const side of y.sides) {
      if (side.names.length === 1) book.learn(side.names[0]!, side.ids[0]!);
      else several.push(side);
    }
  let learnt = true;
  while (learnt) {
    learnt = false;
    for (const side of several)
      for (const [name, id] of pairSide(side.names, poolOf(side, kind), book).paired)
        learnt = book.learn(name, id) || learnt;
  }
  return book;
}

interface Draft {
  id: string;
  ucdpId?: string;
  /** Each name the actor goes by, with the last year it was used (the label is the latest). */
  names: Map<string, number>;
  type: string;
  origin: Location;
  /** Ids an actor kept by name may have. */
  mayBe: Set<string>;
  /** NSC: a named coalition's members' ids. */
  members: readonly string[];
}

/** NSC's organisation levels (codebook, `org`): 2 are party supporters, 3 communal groups. */
const NSC_TYPES = new Map([
  ['1', 'armed-group'],
  ['2', 'political-movement'],
  ['3', 'population'],
]);

const GOVERNMENT = /^government of /i;

/** The actors of a table: who each listed name is, and the dataset's actor list. */
export class UcdpActors {
  private readonly book: IdBook;
  private readonly drafts = new Map<string, Draft>();

  constructor(
    years: readonly ConflictYear[],
    private readonly kind: UcdpKind,
  ) {
    this.book = learnIds(years, kind);
  }

  /** The actors of one side of a conflict-year, registered as they are met. */
  side(y: ConflictYear, which: 0 | 1): ListedActor[] {
    const side = y.sides[which];
    const type = this.typeOf(y, which);
    if (side.names.length === 1) {
      const name = side.names[0]!;
      const ucdpId = side.ids[0]!;
      const members = this.kind === 'ucdp-nonstate' ? side.components : [];
      const draft = this.register(byUcdpId(ucdpId), name, y, members.length ? 'coalition' : type);
      draft.ucdpId = ucdpId;
      if (draft.members.length === 0) draft.members = members;
      return [{ id: draft.id, name }];
    }
    const { paired, open } = pairSide(side.names, poolOf(side, this.kind), this.book);
    return side.names.map((name) => {
      const ucdpId = paired.get(name);
      const draft = this.register(ucdpId ? byUcdpId(ucdpId) : byName(name), name, y, type);
      if (ucdpId) draft.ucdpId = ucdpId;
      else for (const id of open.ids) draft.mayBe.add(id);
      return { id: draft.id, name };
    });
  }

  /** The states supporting one side with troops in a conflict-year. */
  supporters(y: ConflictYear, which: 0 | 1): ListedActor[] {
    return y.sides[which].supporters.map((name) => {
      const ids = [...this.book.idsOf(name)];
      const ucdpId = ids.length === 1 ? ids[0] : undefined;
      const draft = this.register(ucdpId ? byUcdpId(ucdpId) : byName(name), name, y, 'state');
      if (ucdpId) draft.ucdpId = ucdpId;
      return { id: draft.id, name };
    });
  }

  /** The actors met, in order of first mention, and where each was first met. */
  list(): { actors: Actor[]; origins: Origin[] } {
    const drafts = [...this.drafts.values()];
    return {
      actors: drafts.map((d) => this.actor(d)),
      origins: drafts.map(
        (d): Origin =>
          () =>
            d.origin,
      ),
    };
  }

  private typeOf(y: ConflictYear, which: 0 | 1): string {
    if (this.kind === 'ucdp-nonstate')
      return NSC_TYPES.get(y.row.word('org') ?? '') ?? 'armed-group';
    if (which === 0 || y.sideBIsState) return 'state';
    return GOVERNMENT.test(y.sides[1].names[0] ?? '') ? 'state' : 'armed-group';
  }

  private register(id: string, name: string, y: ConflictYear, type: string): Draft {
    let draft = this.drafts.get(id);
    if (!draft) {
      draft = { id, names: new Map(), type, origin: y.row.whole(), mayBe: new Set(), members: [] };
      this.drafts.set(id, draft);
    }
    draft.names.set(name, Math.max(draft.names.get(name) ?? y.year, y.year));
    return draft;
  }

  private actor(d: Draft): Actor {
    const byRecency = [...d.names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const label = byRecency[0]![0];
    const aliases = byRecency.slice(1).map(([n]) => n);
    const notes: string[] = [];
    if (d.ucdpId !== undefined) notes.push(`UCDP actor id ${d.ucdpId}.`);
    if (d.mayBe.size > 0)
      notes.push(
        `Listed with other actors on a side whose ids the file gives without saying which is whose; this actor's UCDP id is one of ${listSome([...d.mayBe].sort(), 12)}, so it is kept by name.`,
      );
    if (d.members.length > 0) {
      const named = d.members.map((id) => {
        const names = [...this.book.namesOf(id)];
        return names.length === 1 ? `${names[0]} (${id})` : id;
      });
      notes.push(`A coalition of the actors with UCDP ids: ${named.join(', ')}.`);
    }
    return {
      id: d.id,
      label,
      type: d.type,
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
    };
  }
}
