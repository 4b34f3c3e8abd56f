import { describe, expect, it } from 'vitest';
import { importCommand, MAX_IMPORT_BYTES, sizeProblem } from './limits';

describe('a file above the import limit', () => {
  const over = MAX_IMPORT_BYTES + 1;

  it('an event archive: names the command that imports it at any size', () => {
    expect(sizeProblem('20150218.export.CSV', over)).toBe(
      '20150218.export.CSV: the file is 52,428,801 bytes; the limit is 52,428,800 bytes (50 MiB). ' +
        'Event archives of any size are aggregated from a terminal, in the Allegiance folder: ' +
        'npm run import -- 20150218.export.CSV --out 20150218.export-dataset.json (then import the dataset it writes)',
    );
  });

  it('quotes a name the shell would split or expand, and keeps a leading "-" a file', () => {
    expect(importCommand("events of 'May' 2024.tsv.gz")).toBe(
      `npm run import -- 'events of '\\''May'\\'' 2024.tsv.gz' --out 'events of '\\''May'\\'' 2024-dataset.json'`,
    );
    expect(importCommand('-rf.csv')).toBe('npm run import -- ./-rf.csv --out ./-rf-dataset.json');
    expect(importCommand('$(reboot).csv')).toBe(
      `npm run import -- '$(reboot).csv' --out '$(reboot)-dataset.json'`,
    );
  });

  it('a dataset (JSON, GEXF): no command, the CLI would not shrink it', () => {
    expect(sizeProblem('big.json', over)).toBe(
      'big.json: the file is 52,428,801 bytes; the limit is 52,428,800 bytes (50 MiB): split it, or aggregate events into relations first',
    );
  });

  it('within the limit: no problem', () => {
    expect(sizeProblem('events.csv', MAX_IMPORT_BYTES)).toBeNull();
  });
});
