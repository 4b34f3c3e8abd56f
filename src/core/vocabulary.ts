/**
 * Built-in actor types and relation kinds. A dataset may add its own or
 * override these by id (its `actorTypes` / `relationKinds` lists win).
 *
 * Colours are from the Okabe–Ito palette (distinguishable with the common
 * colour-vision deficiencies); relation kinds also differ by line style so
 * polarity reads without colour: positive kinds are solid, negative kinds
 * dashed or dotted.
 */
import type { ActorType, Dataset, Polarity, RelationKind } from './schema';

export type LineStyle = 'solid' | 'dashed' | 'dotted';

export interface ResolvedActorType extends ActorType {
  color: string;
  shape: NonNullable<ActorType['shape']>;
}

export interface ResolvedRelationKind extends RelationKind {
  color: string;
  lineStyle: LineStyle;
}

export const BUILTIN_ACTOR_TYPES: readonly ResolvedActorType[] = [
  { id: 'state', label: 'State', shape: 'round-rectangle', color: '#4c6a92' },
  { id: 'intelligence-agency', label: 'Intelligence agency', shape: 'diamond', color: '#7a5195' },
  { id: 'armed-group', label: 'Armed group', shape: 'hexagon', color: '#8c564b' },
  { id: 'political-movement', label: 'Political movement', shape: 'octagon', color: '#6b8e23' },
  { id: 'person', label: 'Person', shape: 'ellipse', color: '#2f4f4f' },
  { id: 'coalition', label: 'Coalition', shape: 'star', color: '#b8860b' },
  {
    id: 'international-organisation',
    label: 'International organisation',
    shape: 'pentagon',
    color: '#3a7d7c',
  },
  { id: 'population', label: 'Population', shape: 'tag', color: '#7f7f7f' },
  { id: 'other', label: 'Other', shape: 'rectangle', color: '#595959' },
];

export const BUILTIN_RELATION_KINDS: readonly ResolvedRelationKind[] = [
  {
    id: 'alliance',
    label: 'Alliance',
    polarity: 'positive',
    directed: false,
    color: '#0072b2',
    lineStyle: 'solid',
    description: 'Formal or declared partnership',
  },
  {
    id: 'support',
    label: 'Support',
    polarity: 'positive',
    directed: true,
    color: '#009e73',
    lineStyle: 'solid',
    description:
      'Patron backs a client (arms, money, sanctuary, training); arrow points to the client',
  },
  {
    id: 'cooperation',
    label: 'Cooperation',
    polarity: 'positive',
    directed: false,
    color: '#56b4e9',
    lineStyle: 'solid',
    description: 'Working together on a shared aim without an alliance',
  },
  {
    id: 'hostility',
    label: 'Hostility',
    polarity: 'negative',
    directed: false,
    color: '#d55e00',
    lineStyle: 'dashed',
    description: 'Armed conflict or open enmity',
  },
  {
    id: 'tension',
    label: 'Tension',
    polarity: 'negative',
    directed: false,
    color: '#e69f00',
    lineStyle: 'dotted',
    description: 'Accusations, pressure, rejection, diplomatic friction',
  },
  {
    id: 'rivalry',
    label: 'Rivalry',
    polarity: 'negative',
    directed: false,
    color: '#cc79a7',
    lineStyle: 'dashed',
    description: 'Long-standing strategic competition',
  },
  {
    id: 'contact',
    label: 'Contact',
    polarity: 'neutral',
    directed: false,
    color: '#999999',
    lineStyle: 'dotted',
    description: 'Talks or dealings without a clear sign',
  },
];

const FALLBACK_COLORS: Record<Polarity, string> = {
  positive: '#0072b2',
  negative: '#d55e00',
  neutral: '#999999',
};
const FALLBACK_LINES: Record<Polarity, LineStyle> = {
  positive: 'solid',
  negative: 'dashed',
  neutral: 'dotted',
};

/** The vocabulary a dataset uses: built-ins, overridden and extended by the dataset's own. */
export interface Vocabulary {
  actorTypes: Map<string, ResolvedActorType>;
  relationKinds: Map<string, ResolvedRelationKind>;
}

export function resolveVocabulary(
  dataset: Pick<Dataset, 'actorTypes' | 'relationKinds'>,
): Vocabulary {
  const actorTypes = new Map(BUILTIN_ACTOR_TYPES.map((t) => [t.id, t]));
  for (const t of dataset.actorTypes) {
    const base = actorTypes.get(t.id);
    actorTypes.set(t.id, {
      ...t,
      color: t.color ?? base?.color ?? '#595959',
      shape: t.shape ?? base?.shape ?? 'ellipse',
    });
  }
  const relationKinds = new Map(BUILTIN_RELATION_KINDS.map((k) => [k.id, k]));
  for (const k of dataset.relationKinds) {
    const base = relationKinds.get(k.id);
    relationKinds.set(k.id, {
      ...k,
      color: k.color ?? (base?.polarity === k.polarity ? base.color : FALLBACK_COLORS[k.polarity]),
      lineStyle:
        k.lineStyle ??
        (base?.polarity === k.polarity ? base.lineStyle : FALLBACK_LINES[k.polarity]),
    });
  }
  return { actorTypes, relationKinds };
}

/** +1, -1 or 0 for a polarity: the sign of an edge in the signed graph. */
export function signOf(p: Polarity): 1 | -1 | 0 {
  return p === 'positive' ? 1 : p === 'negative' ? -1 : 0;
}
