/**
 * Relation kinds met in an imported file, shared by the CSV and GEXF
 * importers. A kind id that is built in is used as it is; one that is not
 * becomes a declared kind when the file gives its polarity; one without a
 * polarity anywhere is left to the caller, which maps it to a fallback.
 */
import type { Polarity, RelationKind } from '../schema';
import { BUILTIN_RELATION_KINDS } from '../vocabulary';
import { listSome, plural, type Location, type ProblemLog } from './import-result';

/** The kind a polarity alone stands for (no kind given, or one without a polarity). */
export const KIND_FOR_POLARITY: Readonly<Record<Polarity, string>> = {
  positive: 'cooperation',
  negative: 'hostility',
  neutral: 'contact',
};

// A Map: the words are cell text, and a plain object would answer "constructor" or "__proto__".
const POLARITY_WORDS = new Map<string, Polarity>([
  ['positive', 'positive'],
  ['pos', 'positive'],
  ['+', 'positive'],
  ['+1', 'positive'],
  ['1', 'positive'],
  ['negative', 'negative'],
  ['neg', 'negative'],
  ['-', 'negative'],
  ['-1', 'negative'],
  ['neutral', 'neutral'],
  ['neu', 'neutral'],
  ['0', 'neutral'],
]);

/** `positive`/`+`/`1`, `negative`/`-`/`-1`, `neutral`/`0` (any case); undefined otherwise. */
export function parsePolarity(text: string): Polarity | undefined {
  return POLARITY_WORDS.get(text.trim().toLowerCase());
}

/** What a polarity cell or attribute may hold, for messages. */
export const POLARITY_HELP = 'expected positive, negative or neutral (or +, -, 0 or 1, -1, 0)';

/** One relation's use of a kind. `directed` is its direction when the file says it. */
export interface KindUse {
  kind: string;
  polarity?: Polarity;
  directed?: boolean;
  at: Location;
}

export interface KindResolution {
  /** Kinds to add to the dataset's `relationKinds`. */
  declared: RelationKind[];
  /** Kind ids that are not built in and have no polarity in the file. */
  unresolved: Set<string>;
  /** The default direction of a resolved kind (built-in or declared). */
  directedOf(kind: string): boolean;
}

const BUILTIN = new Map(BUILTIN_RELATION_KINDS.map((k) => [k.id, k]));

/**
 * Resolves every kind used. A kind has one polarity: uses that give another
 * polarity than the first are errors. A built-in kind given another polarity
 * throughout is declared with it (the file overrides the built-in, as a
 * dataset's `relationKinds` may). A declared kind is directed when every use
 * that states a direction is directed.
 */
export function resolveKinds(uses: readonly KindUse[], log: ProblemLog): KindResolution {
  const byKind = new Map<string, KindUse[]>();
  for (const use of uses) {
    const list = byKind.get(use.kind);
    if (list) list.push(use);
    else byKind.set(use.kind, [use]);
  }

  const declared: RelationKind[] = [];
  const unresolved = new Set<string>();
  const added: KindUse[] = [];
  for (const [kind, list] of byKind) {
    const first = list.find((u) => u.polarity !== undefined);
    for (const u of list) {
      if (first && u.polarity !== undefined && u.polarity !== first.polarity)
        log.error(
          u.at,
          `polarity ${u.polarity} contradicts ${first.polarity}, given for kind "${kind}" at ${first.at.path}: a kind has one polarity`,
          u.polarity,
        );
    }
    const builtin = BUILTIN.get(kind);
    if (builtin) {
      if (first?.polarity !== undefined && first.polarity !== builtin.polarity) {
        declared.push({
          id: kind,
          label: builtin.label,
          polarity: first.polarity,
          directed: builtin.directed,
        });
        log.warn(
          first.at,
          `kind "${kind}" is ${builtin.polarity} when built in; this file makes it ${first.polarity}, so it is declared with that polarity`,
          kind,
        );
      }
      continue;
    }
    if (!first?.polarity) {
      unresolved.add(kind);
      continue;
    }
    const stated = list.filter((u) => u.directed !== undefined);
    declared.push({
      id: kind,
      label: kind,
      polarity: first.polarity,
      directed: stated.length > 0 && stated.every((u) => u.directed),
    });
    added.push(first);
  }
  if (added.length > 0) {
    const names = added.map((u) => `${u.kind} (${u.polarity})`);
    log.warn(
      added[0]!.at,
      `${plural(added.length, 'relation kind')} not built in, declared with the polarity the file gives: ${listSome(names)}`,
    );
  }

  const declaredById = new Map(declared.map((k) => [k.id, k]));
  return {
    declared,
    unresolved,
    directedOf: (kind) => (declaredById.get(kind) ?? BUILTIN.get(kind))?.directed ?? false,
  };
}
