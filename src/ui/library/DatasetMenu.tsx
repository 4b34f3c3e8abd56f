/** Choose, import, rename and delete datasets (the seed plus the user's library). */
import { useRef, useState } from 'react';
import {
  deleteDataset,
  importFiles,
  renameDataset,
  switchDataset,
} from '../../store/datasetActions';
import { MAX_NAME_LENGTH } from '../../store/datasetName';
import { EXAMPLES, exampleOf } from '../../store/examples';
import { SEED_KEY, useStore, type AppState } from '../../store/store';
import { IMPORT_ACCEPT } from './accept';
import { DatasetActions } from './DatasetActions';

const selectKey = (s: AppState) => s.datasetKey;
const selectLibrary = (s: AppState) => s.library;
const selectSeedTitle = (s: AppState) =>
  s.datasetKey === SEED_KEY ? s.model?.dataset.title : undefined;
const selectTitle = (s: AppState) => s.model?.dataset.title ?? '';

interface Shown {
  id: string;
  name: string;
}

export function DatasetMenu() {
  const key = useStore(selectKey);
  const library = useStore(selectLibrary);
  const seedTitle = useStore(selectSeedTitle);
  const title = useStore(selectTitle);
  const [seedName] = useState(() => seedTitle ?? 'Seed dataset');
  /** The name being typed, for the dataset it renames (switching datasets ends it). */
  const [renaming, setRenaming] = useState<Shown | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const current = library.find((d) => d.id === key);
  // The name the dataset on screen was last listed under, kept for when it is no longer listed
  // (deleted in another tab, or never saved): it stays on screen, so the menu still names it.
  const [lastListed, setLastListed] = useState<Shown | null>(null);
  if (current && (lastListed?.id !== current.id || lastListed.name !== current.name))
    setLastListed({ id: current.id, name: current.name });
  const unstored =
    key !== SEED_KEY && !current && !exampleOf(key)
      ? lastListed?.id === key
        ? lastListed.name
        : title
      : null;
  const editing = current && renaming?.id === current.id ? renaming : null;

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
          {EXAMPLES.map((e) => (
            <option key={e.key} value={e.key}>
              Example: {e.name}
            </option>
          ))}
          {library.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.actors} actors, {d.relations} relations)
            </option>
          ))}
          {unstored !== null && <option value={key}>{unstored} (not stored)</option>}
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
      {current && !editing && (
        <DatasetActions
          name={current.name}
          actions={[
            {
              label: 'Rename…',
              run: () => setRenaming({ id: current.id, name: current.name }),
            },
            {
              label: 'Delete…',
              run: () => {
                if (
                  window.confirm(
                    `Delete “${current.name}” from this browser? This cannot be undone.`,
                  )
                )
                  void deleteDataset(current.id);
              },
            },
          ]}
        />
      )}
      {editing && (
        <form
          className="dataset-menu__rename"
          onSubmit={(e) => {
            e.preventDefault();
            // A refused name keeps the form open (the notice says why) so it can be corrected.
            void renameDataset(editing.id, editing.name).then((renamed) => {
              if (renamed) setRenaming(null);
            });
          }}
        >
          <input
            aria-label="New name"
            value={editing.name}
            maxLength={MAX_NAME_LENGTH}
            autoFocus
            onChange={(e) => setRenaming({ id: editing.id, name: e.currentTarget.value })}
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
