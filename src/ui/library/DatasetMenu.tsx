/** Choose, import, rename and delete datasets (the seed plus the user's library). */
import { useRef, useState } from 'react';
import {
  deleteDataset,
  importFiles,
  renameDataset,
  switchDataset,
} from '../../store/datasetActions';
import { SEED_KEY, useStore, type AppState } from '../../store/store';
import { IMPORT_ACCEPT } from './accept';

const selectKey = (s: AppState) => s.datasetKey;
const selectLibrary = (s: AppState) => s.library;
const selectSeedTitle = (s: AppState) =>
  s.datasetKey === SEED_KEY ? s.model?.dataset.title : undefined;

export function DatasetMenu() {
  const key = useStore(selectKey);
  const library = useStore(selectLibrary);
  const seedTitle = useStore(selectSeedTitle);
  const [seedName] = useState(() => seedTitle ?? 'Seed dataset');
  const [renaming, setRenaming] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const current = library.find((d) => d.id === key);

  return (
    <div className="dataset-menu">
      <label className="dataset-menu__choose">
        <span className="visually-hidden">Dataset</span>
        <select
          aria-label="Dataset"
          value={key}
          onChange={(e) => void switchDataset(e.currentTarget.value)}
        >
          <option value={SEED_KEY}>Seed: {seedName}</option>
          {library.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.actors} actors, {d.relations} relations)
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() => picker.current?.click()}
        title="Import JSON, CSV or GEXF (or drop files on the window)"
      >
        Import…
      </button>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        accept={IMPORT_ACCEPT}
        aria-label="Choose files to import"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (files.length) void importFiles(files);
        }}
      />
      {current && renaming === null && (
        <>
          <button type="button" onClick={() => setRenaming(current.name)}>
            Rename
          </button>
          <button
            type="button"
            onClick={() => {
              if (
                window.confirm(`Delete “${current.name}” from this browser? This cannot be undone.`)
              )
                void deleteDataset(current.id);
            }}
          >
            Delete
          </button>
        </>
      )}
      {current && renaming !== null && (
        <form
          className="dataset-menu__rename"
          onSubmit={(e) => {
            e.preventDefault();
            void renameDataset(current.id, renaming);
            setRenaming(null);
          }}
        >
          <input
            aria-label="New name"
            value={renaming}
            autoFocus
            onChange={(e) => setRenaming(e.currentTarget.value)}
          />
          <button type="submit">Save</button>
          <button type="button" onClick={() => setRenaming(null)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
