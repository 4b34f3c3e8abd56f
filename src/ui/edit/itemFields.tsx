/**
 * The fields of each kind of item, as the dataset format has them
 * (`core/schema.ts`). Each takes the item being drafted and a `change` that
 * merges a patch into it; an absent optional field is left out of the item.
 */
import { useMemo } from 'react';
import type { ExplorerModel } from '../../core/explorer-model';
import type { Problem } from '../../core/problems';
import {
  ACTOR_SHAPES,
  type Actor,
  type ActorType,
  type Basis,
  type EventItem,
  type Relation,
  type RelationKind,
  type Source,
} from '../../core/schema';
import { ActorField, ActorListField } from './ActorPicker';
import { EvidenceEditor } from './EvidenceEditor';
import {
  ColourField,
  DateField,
  LinesField,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
} from './fields';

export interface FieldsProps<T> {
  item: T;
  change: (patch: Partial<T>) => void;
  problems: readonly Problem[];
  model: ExplorerModel;
}

export function ActorFields({ item, change, problems, model }: FieldsProps<Actor>) {
  // An actor cannot be part of itself (nor of its own descendants: the check says so).
  const self = useMemo(() => new Set([item.id]), [item.id]);
  const types = [...model.vocabulary.actorTypes.values()].map((t) => ({
    value: t.id,
    label: t.label,
  }));
  const common = { problems };
  return (
    <>
      <TextField
        {...common}
        label="Name"
        path="label"
        required
        value={item.label}
        onChange={(label) => change({ label: label ?? '' })}
      />
      <SelectField
        {...common}
        label="Type"
        path="type"
        options={types}
        value={item.type}
        onChange={(type) => change({ type: type ?? '' })}
      />
      <ActorField
        {...common}
        label="Part of"
        path="parent"
        hint="Empty: part of no other actor"
        model={model}
        exclude={self}
        value={item.parent}
        onChange={(parent) => change({ parent })}
      />
      <div className="edit-form__pair">
        <DateField
          {...common}
          label="Exists from"
          path="from"
          value={item.from}
          onChange={(from) => change({ from })}
        />
        <DateField
          {...common}
          label="Until (exclusive)"
          path="until"
          value={item.until}
          onChange={(until) => change({ until })}
        />
      </div>
      <LinesField
        {...common}
        label="Other names"
        path="aliases"
        hint="One per line"
        value={item.aliases}
        onChange={(aliases) => change({ aliases })}
      />
      <TextAreaField
        {...common}
        label="Description"
        path="description"
        value={item.description}
        onChange={(description) => change({ description })}
      />
      <TextAreaField
        {...common}
        label="Note"
        path="note"
        value={item.note}
        onChange={(note) => change({ note })}
      />
    </>
  );
}

export function RelationFields({ item, change, problems, model }: FieldsProps<Relation>) {
  const kinds = [...model.vocabulary.relationKinds.values()].map((k) => ({
    value: k.id,
    label: `${k.label} (${k.polarity})`,
  }));
  const kind = model.vocabulary.relationKinds.get(item.kind);
  const common = { problems };
  return (
    <>
      <div className="edit-form__pair">
        <ActorField
          {...common}
          label="From actor"
          path="source"
          model={model}
          value={item.source || undefined}
          onChange={(source) => change({ source: source ?? '' })}
        />
        <ActorField
          {...common}
          label="To actor"
          path="target"
          model={model}
          value={item.target || undefined}
          onChange={(target) => change({ target: target ?? '' })}
        />
      </div>
      <SelectField
        {...common}
        label="Kind"
        path="kind"
        options={kinds}
        value={item.kind || undefined}
        onChange={(k) => change({ kind: k ?? '' })}
      />
      <SelectField
        {...common}
        label="Direction"
        path="directed"
        blank={`As the kind says (${kind?.directed ? 'directed' : 'undirected'})`}
        options={[
          { value: 'true', label: 'Directed: from → to' },
          { value: 'false', label: 'Undirected' },
        ]}
        value={item.directed === undefined ? undefined : String(item.directed)}
        onChange={(d) => change({ directed: d === undefined ? undefined : d === 'true' })}
      />
      <div className="edit-form__pair">
        <DateField
          {...common}
          label="From"
          path="from"
          value={item.from}
          onChange={(from) => change({ from })}
        />
        <DateField
          {...common}
          label="Until (exclusive)"
          path="until"
          value={item.until}
          onChange={(until) => change({ until })}
        />
      </div>
      <NumberField
        {...common}
        label="Strength"
        path="strength"
        hint="0 to 1; empty: not stated"
        value={item.strength}
        onChange={(strength) => change({ strength })}
      />
      <TextField
        {...common}
        label="Label"
        path="label"
        value={item.label}
        onChange={(label) => change({ label })}
      />
      <BasisFields item={item} change={change} problems={problems} />
      <EvidenceEditor
        evidence={item.evidence}
        onChange={(evidence) => change({ evidence })}
        problems={problems}
        model={model}
      />
      <TextAreaField
        {...common}
        label="Note"
        path="note"
        value={item.note}
        onChange={(note) => change({ note })}
      />
    </>
  );
}

export function EventFields({ item, change, problems, model }: FieldsProps<EventItem>) {
  const common = { problems };
  return (
    <>
      <TextField
        {...common}
        label="Title"
        path="title"
        required
        value={item.title}
        onChange={(title) => change({ title: title ?? '' })}
      />
      <DateField
        {...common}
        label="Date"
        path="date"
        value={item.date || undefined}
        onChange={(date) => change({ date: date ?? '' })}
      />
      <ActorListField
        {...common}
        label="Actors involved"
        path="actors"
        model={model}
        value={item.actors}
        onChange={(actors) => change({ actors })}
      />
      <TextAreaField
        {...common}
        label="Description"
        path="description"
        value={item.description}
        onChange={(description) => change({ description })}
      />
      <BasisFields item={item} change={change} problems={problems} />
      <EvidenceEditor
        evidence={item.evidence}
        onChange={(evidence) => change({ evidence })}
        problems={problems}
        model={model}
      />
      <TextAreaField
        {...common}
        label="Note"
        path="note"
        value={item.note}
        onChange={(note) => change({ note })}
      />
    </>
  );
}

/** What a claim rests on: its quotes (the default) or well-known history with a reference. */
function BasisFields<T extends Relation | EventItem>({
  item,
  change,
  problems,
}: {
  item: T;
  change: (patch: Partial<T>) => void;
  problems: readonly Problem[];
}) {
  const options = [
    { value: 'quote', label: 'The quotes below (source quote)' },
    { value: 'history', label: 'Well-known history (give a reference)' },
  ];
  return (
    <div className="edit-form__pair">
      <SelectField
        problems={problems}
        label="Rests on"
        path="basis"
        blank="Its quotes, if any (not stated)"
        options={options}
        value={item.basis}
        onChange={(basis) => change({ basis: basis as Basis | undefined } as Partial<T>)}
      />
      <TextField
        problems={problems}
        label="Reference"
        path="reference"
        hint="Where a reader can check history"
        value={item.reference}
        onChange={(reference) => change({ reference } as Partial<T>)}
      />
    </div>
  );
}

export function SourceFields({ item, change, problems }: FieldsProps<Source>) {
  const common = { problems };
  return (
    <>
      <TextField
        {...common}
        label="Title"
        path="title"
        required
        value={item.title}
        onChange={(title) => change({ title: title ?? '' })}
      />
      <div className="edit-form__pair">
        <TextField
          {...common}
          label="Author"
          path="author"
          value={item.author}
          onChange={(author) => change({ author })}
        />
        <TextField
          {...common}
          label="Publisher"
          path="publisher"
          value={item.publisher}
          onChange={(publisher) => change({ publisher })}
        />
      </div>
      <DateField
        {...common}
        label="Date"
        path="date"
        value={item.date}
        onChange={(date) => change({ date })}
      />
      <TextField
        {...common}
        label="Web address"
        path="url"
        value={item.url}
        onChange={(url) => change({ url })}
      />
      <TextAreaField
        {...common}
        label="Note"
        path="note"
        value={item.note}
        onChange={(note) => change({ note })}
      />
    </>
  );
}

export function ActorTypeFields({ item, change, problems }: FieldsProps<ActorType>) {
  const common = { problems };
  return (
    <>
      <TextField
        {...common}
        label="Name"
        path="label"
        required
        value={item.label}
        onChange={(label) => change({ label: label ?? '' })}
      />
      <ColourField
        {...common}
        label="Colour"
        path="color"
        value={item.color}
        onChange={(color) => change({ color })}
      />
      <SelectField
        {...common}
        label="Shape"
        path="shape"
        blank="(default)"
        options={ACTOR_SHAPES.map((s) => ({ value: s, label: s }))}
        value={item.shape}
        onChange={(shape) => change({ shape: shape as ActorType['shape'] })}
      />
      <TextAreaField
        {...common}
        label="Description"
        path="description"
        value={item.description}
        onChange={(description) => change({ description })}
      />
    </>
  );
}

export function RelationKindFields({ item, change, problems }: FieldsProps<RelationKind>) {
  const common = { problems };
  return (
    <>
      <TextField
        {...common}
        label="Name"
        path="label"
        required
        value={item.label}
        onChange={(label) => change({ label: label ?? '' })}
      />
      <SelectField
        {...common}
        label="Polarity"
        path="polarity"
        options={[
          { value: 'positive', label: 'Positive (alliance, support)' },
          { value: 'negative', label: 'Negative (hostility, rivalry)' },
          { value: 'neutral', label: 'Neutral (contact, talks)' },
        ]}
        value={item.polarity}
        onChange={(polarity) =>
          change({ polarity: (polarity ?? 'neutral') as RelationKind['polarity'] })
        }
      />
      <SelectField
        {...common}
        label="Direction"
        path="directed"
        options={[
          { value: 'false', label: 'Undirected' },
          { value: 'true', label: 'Directed' },
        ]}
        value={String(item.directed)}
        onChange={(d) => change({ directed: d === 'true' })}
      />
      <ColourField
        {...common}
        label="Colour"
        path="color"
        value={item.color}
        onChange={(color) => change({ color })}
      />
      <SelectField
        {...common}
        label="Line style"
        path="lineStyle"
        blank="(by polarity)"
        options={['solid', 'dashed', 'dotted'].map((s) => ({ value: s, label: s }))}
        value={item.lineStyle}
        onChange={(lineStyle) => change({ lineStyle: lineStyle as RelationKind['lineStyle'] })}
      />
      <TextAreaField
        {...common}
        label="Description"
        path="description"
        value={item.description}
        onChange={(description) => change({ description })}
      />
    </>
  );
}
