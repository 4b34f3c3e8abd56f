/**
 * Attaches a source's full text, pasted or read from a plain-text file, kept
 * beside the dataset in IndexedDB (`attachSourceText`): quotes citing the
 * source are then checked against it. The text is only ever shown as text.
 */
import { useId, useState } from 'react';
import { attachSourceText } from '../../store/editing';

/** A source's text larger than this is refused: it would be a book, not an article. */
const MAX_TEXT_BYTES = 20 * 1024 * 1024;

export function SourceTextEditor({
  sourceId,
  title,
  initial = '',
  onDone,
}: {
  sourceId: string;
  title: string;
  initial?: string;
  onDone: () => void;
}) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);

  const readFile = async (file: File) => {
    if (file.size > MAX_TEXT_BYTES) {
      setProblem(
        `${file.name}: ${(file.size / 1024 / 1024).toFixed(1)} MB is more than the ${MAX_TEXT_BYTES / 1024 / 1024} MB a source’s text may have.`,
      );
      return;
    }
    const read = await file.text();
    // A binary file read as text is full of replacement characters and NULs.
    if (read.includes('\u0000')) {
      setProblem(`${file.name} is not a plain-text file (it contains binary data).`);
      return;
    }
    setProblem(null);
    setText(read);
  };

  return (
    <div className="edit-source-text" role="group" aria-labelledby={`${id}-heading`}>
      <p id={`${id}-heading`} className="edit-source-text__heading">
        Full text of “{title}”
      </p>
      <label htmlFor={`${id}-text`}>Paste the text</label>
      <textarea
        id={`${id}-text`}
        rows={5}
        value={text}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <label htmlFor={`${id}-file`}>or read it from a .txt file</label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".txt,text/plain"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void readFile(file);
        }}
      />
      {problem && (
        <p id={`${id}-problem`} className="edit-field__problems" role="alert">
          {problem}
        </p>
      )}
      <div className="edit-form__actions">
        <button
          type="button"
          onClick={() => void attachSourceText(sourceId, text).then((ok) => ok && onDone())}
        >
          {text === '' ? 'Remove the text' : 'Keep this text'}
        </button>
        <button type="button" className="edit-form__minor" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}
