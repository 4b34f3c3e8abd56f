/**
 * Evidence capture: the quotes a relation or an event rests on, each with its
 * source (picked, or created here). When the source's full text is attached
 * (`SourceTextEditor`), each quote is checked against it (`findQuote`) and
 * the form shows where it appears, the match marked, or that it does not
 * appear verbatim and what the nearest passage differs in. Everything shown
 * is text: React escapes it, no markup is ever built from a quote.
 */
import { useState } from 'react';
import { addItem, newId } from '../../core/edit/builders';
import { excerptAround, findQuote, type NearMissKind } from '../../core/edit/quotes';
import type { ExplorerModel } from '../../core/explorer-model';
import type { Problem } from '../../core/problems';
import type { Evidence } from '../../core/schema';
import { applyUserEdit } from '../../store/editing';
import { useStore, type AppState } from '../../store/store';
import { optional, ProblemList, SelectField, TextAreaField, TextField } from './fields';
import { SourceTextEditor } from './SourceTextEditor';

const selectSourceTexts = (s: AppState) => s.editing?.sourceTexts;

export function EvidenceEditor({
  evidence,
  onChange,
  problems,
  model,
}: {
  evidence: readonly Evidence[];
  onChange: (evidence: Evidence[]) => void;
  problems: readonly Problem[];
  model: ExplorerModel;
}) {
  const replace = (i: number, patch: Partial<Evidence>) =>
    onChange(evidence.map((e, j) => (j === i ? withoutAbsent({ ...e, ...patch }) : e)));
  const firstSource = model.dataset.sources[0]?.id ?? '';
  // Problems of the list itself (those of one quote show beside its fields).
  const listProblems = problems.filter((p) => p.path === 'evidence');
  return (
    <fieldset className="edit-evidence">
      <legend>Quotes</legend>
      {evidence.length === 0 && (
        <p className="edit-field__hint">No quote yet: add the words of a source that say so.</p>
      )}
      {evidence.map((e, i) => (
        <div key={i} className="edit-evidence__item">
          <h3 className="edit-evidence__heading">Quote {i + 1}</h3>
          <SourcePicker
            model={model}
            path={`evidence[${i}].source`}
            problems={problems}
            value={e.source}
            onChange={(source) => replace(i, { source })}
          />
          <TextAreaField
            problems={problems}
            label="Quote (verbatim)"
            path={`evidence[${i}].quote`}
            required
            value={e.quote}
            onChange={(quote) => replace(i, { quote: quote ?? '' })}
          />
          <QuoteCheck model={model} source={e.source} quote={e.quote} />
          <TextField
            problems={problems}
            label="Note on the quote"
            path={`evidence[${i}].note`}
            value={e.note}
            onChange={(note) => replace(i, { note })}
          />
          <button
            type="button"
            className="edit-form__minor"
            onClick={() => onChange(evidence.filter((_, j) => j !== i))}
          >
            Remove quote {i + 1}
          </button>
        </div>
      ))}
      {listProblems.length > 0 && <ProblemList problems={listProblems} />}
      <button
        type="button"
        onClick={() => onChange([...evidence, { source: firstSource, quote: '' }])}
      >
        Add a quote
      </button>
    </fieldset>
  );
}

/** An evidence item without optional fields left empty. */
function withoutAbsent(e: Evidence): Evidence {
  return e.note === undefined ? { source: e.source, quote: e.quote } : e;
}

/** Picks the quote's source, or creates one (an edit of its own, undone on its own). */
function SourcePicker({
  model,
  path,
  problems,
  value,
  onChange,
}: {
  model: ExplorerModel;
  path: string;
  problems: readonly Problem[];
  value: string;
  onChange: (source: string) => void;
}) {
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const create = () => {
    const dataset = model.dataset;
    const id = newId(dataset, 'sources', title);
    const result = addItem(dataset, 'sources', { id, title: title.trim() });
    if ('refused' in result) {
      setRefusal(result.refused);
      return;
    }
    if (!applyUserEdit(result.edit)) return;
    onChange(id);
    setCreating(false);
    setTitle('');
    setRefusal(null);
  };
  return (
    <div className="edit-evidence__source">
      <SelectField
        problems={problems}
        label="Source"
        path={path}
        options={model.dataset.sources.map((s) => ({ value: s.id, label: s.title }))}
        value={optional(value)}
        onChange={(source) => onChange(source ?? '')}
      />
      {creating ? (
        <div className="edit-evidence__new-source" role="group" aria-label="New source">
          <label>
            Title of the new source
            <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <button type="button" disabled={title.trim() === ''} onClick={create}>
            Add source
          </button>
          <button type="button" className="edit-form__minor" onClick={() => setCreating(false)}>
            Cancel
          </button>
          {refusal && <p className="edit-field__problems">{refusal}</p>}
        </div>
      ) : (
        <button type="button" className="edit-form__minor" onClick={() => setCreating(true)}>
          New source…
        </button>
      )}
    </div>
  );
}

const DIFFERENCES: Record<NearMissKind, string> = {
  whitespace: 'spaces or line breaks',
  quotes: 'quotation marks or apostrophes',
  dashes: 'dashes or hyphens',
  ellipsis: 'an ellipsis',
  case: 'capital letters',
};

/** Where a quote appears in its source's attached text, or why it does not. */
function QuoteCheck({
  model,
  source,
  quote,
}: {
  model: ExplorerModel;
  source: string;
  quote: string;
}) {
  const text = useStore(selectSourceTexts)?.get(source);
  const [attaching, setAttaching] = useState(false);
  const title = model.dataset.sources.find((s) => s.id === source)?.title;
  if (!title || quote === '') return null;
  if (text === undefined)
    return (
      <div className="edit-quote-check" data-found="unknown">
        <p>
          Not checked: attach the full text of “{title}” to check that the quote appears in it
          verbatim.
        </p>
        {attaching ? (
          <SourceTextEditor sourceId={source} title={title} onDone={() => setAttaching(false)} />
        ) : (
          <button type="button" className="edit-form__minor" onClick={() => setAttaching(true)}>
            Attach the source’s text…
          </button>
        )}
      </div>
    );
  const found = findQuote(text, quote);
  const first = found.occurrences[0];
  if (first) {
    const times = found.occurrences.length;
    return (
      <div className="edit-quote-check" data-found="yes" role="status">
        <p>
          Appears verbatim in “{title}”{times > 1 ? ` (${times} times; the first:)` : ':'}
        </p>
        <Excerpt text={text} start={first.start} end={first.end} />
      </div>
    );
  }
  const near = found.nearMiss;
  return (
    <div className="edit-quote-check" data-found="no" role="status">
      <p>
        <strong>Does not appear verbatim in “{title}”.</strong>{' '}
        {near
          ? `The nearest passage differs in ${near.differences.map((d) => DIFFERENCES[d]).join(', ')}:`
          : 'No passage of its text comes close.'}
      </p>
      {near && <Excerpt text={text} start={near.start} end={near.end} />}
    </div>
  );
}

/** The source's text around a passage, the passage marked. */
function Excerpt({ text, start, end }: { text: string; start: number; end: number }) {
  const { before, match, after } = excerptAround(text, start, end);
  return (
    <blockquote className="edit-quote-check__excerpt">
      …{before}
      <mark>{match}</mark>
      {after}…
    </blockquote>
  );
}
