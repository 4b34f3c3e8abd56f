/**
 * What the import read each file as, and why (format detection's reason,
 * e.g. "GDELT 2.0 export: tab-separated, no header, 61 columns"), with a
 * way to read the files as another format when detection was wrong: the
 * import runs again with that format, as `--format` does in the CLI.
 */
import { useId, useState } from 'react';
import { FORMAT_NAMES, FORMATS, type Detection, type FormatName } from '../../../core/io/detect';
import { rerunImport } from '../../../store/datasetActions';

interface Props {
  files: readonly string[];
  /** One per file, in the files' order. */
  formats: readonly Detection[];
}

/** The reasons to show: one line when every file was read the same way, else one per file. */
function reasonLines(files: readonly string[], formats: readonly Detection[]): string[] {
  const reasons = formats.map((d) => d.reason);
  if (reasons.every((r) => r === reasons[0]))
    return [files.length > 1 ? `${reasons[0]} (each of the ${files.length} files)` : reasons[0]!];
  return reasons.map((r, i) => `${files[i] ?? `file ${i + 1}`}: ${r}`);
}

export function DetectionNote({ files, formats }: Props) {
  const id = useId();
  const current = formats.find((d) => d.format !== null)?.format ?? null;
  const [chosen, setChosen] = useState<FormatName>(current ?? 'csv');
  if (formats.length === 0) return null;
  const lines = reasonLines(files, formats);
  return (
    <div className="detection-note">
      {lines.length === 1 ? (
        <p>Format: {lines[0]}</p>
      ) : (
        <>
          <p>Formats:</p>
          <ul>
            {lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <form
        className="detection-note__choice"
        onSubmit={(e) => {
          e.preventDefault();
          void rerunImport({ format: chosen });
        }}
      >
        <label htmlFor={`${id}-format`}>Read as</label>
        <select
          id={`${id}-format`}
          value={chosen}
          onChange={(e) => setChosen(e.target.value as FormatName)}
        >
          {FORMAT_NAMES.map((name) => (
            <option key={name} value={name}>
              {FORMATS[name]}
            </option>
          ))}
        </select>
        <button type="submit" disabled={chosen === current}>
          Import again
        </button>
      </form>
    </div>
  );
}
