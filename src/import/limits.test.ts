import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  importCommand,
  MAX_IMPORT_BYTES,
  sizeProblem,
  sizeProblemsOf,
  sniff,
  SNIFF_BYTES,
} from './limits';

const over = MAX_IMPORT_BYTES + 1;
const SIZE = 'the file is 52,428,801 bytes; the limit is 52,428,800 bytes (50 MiB).';
const fixture = (path: string) => new Uint8Array(readFileSync(path));
const text = (s: string) => new TextEncoder().encode(s);

/** The message for a file over the limit that starts with these bytes. */
const adviceFor = async (name: string, head: Uint8Array) =>
  sizeProblem(name, over, await sniff(name, head));

describe('a file above the import limit, told by its first bytes', () => {
  it('a GDELT export: the command that aggregates it at any size', async () => {
    const head = fixture('tests/fixtures/gdelt/20250807220000.export.excerpt.CSV');
    expect(await adviceFor('20150218.export.CSV', head)).toBe(
      `20150218.export.CSV: ${SIZE} It is a GDELT event export (GDELT 2.0 export: tab-separated, no header, 61 columns). ` +
        'Event files of any size are aggregated into a dataset from a terminal, in the Allegiance folder: ' +
        'npm run import -- 20150218.export.CSV --out 20150218.export-dataset.json (then import the dataset it writes)',
    );
  });

  it('a gzipped ICEWS year: read from its decompressed start, the command takes the .gz', async () => {
    const tab = readFileSync('tests/fixtures/icews/events.2018.sample.excerpt.tab');
    const message = await adviceFor('events.2018.tab.gz', new Uint8Array(gzipSync(tab)));
    expect(message).toMatch(
      /^events\.2018\.tab\.gz: the file is 52,428,801 bytes; .* Decompressed, it is an ICEWS event file \(ICEWS events: tab-separated, header of \d+ columns with Event ID, Event Date, Source Name, Target Name, CAMEO Code\)\. /,
    );
    expect(message).toContain(
      'npm run import -- events.2018.tab.gz --out events.2018-dataset.json (then import the dataset it writes)',
    );
  });

  it('only the start of a large gzip stream is decompressed (the cut stream is no error)', async () => {
    const rows = readFileSync('tests/fixtures/gdelt/20250807220000.export.excerpt.CSV', 'utf8');
    const big = gzipSync(rows.repeat(Math.ceil((4 * SNIFF_BYTES) / rows.length)));
    const cut = new Uint8Array(big.subarray(0, 2048));
    const sniffed = await sniff('day.export.CSV.gz', cut);
    expect(sniffed).toMatchObject({ gzip: true, detection: { format: 'gdelt' } });
  });

  it('a relations CSV: no command (it would refuse the file too), what to leave out instead', async () => {
    const message = await adviceFor('relations.csv', fixture('graph-data/examples/relations.csv'));
    expect(message).toBe(
      `relations.csv: ${SIZE} It is a CSV table of relations or actors (relations table: comma-separated, header of 14 columns with source and target columns), ` +
        'which is read whole, here and by npm run import alike: leave out the rows or columns you do not need ' +
        '(relations outside the years you study, a long note column) to bring it under the limit',
    );
    expect(message).not.toContain('npm run import --');
  });

  it('a JSON dataset: split it, since the command reads it whole too', async () => {
    expect(await adviceFor('big.json', text('{"title": "Big", "actors": ['))).toBe(
      `big.json: ${SIZE} It is a JSON dataset (JSON: the file starts with "{"), which is read whole, here and by npm run import alike: ` +
        'split it into datasets of one region or period each, each under the limit',
    );
  });

  it('a gzipped GEXF graph: export a smaller part, and decompress it', async () => {
    const gexf = gzipSync(readFileSync('graph-data/examples/example.gexf'));
    const message = await adviceFor('graph.gexf.gz', new Uint8Array(gexf));
    expect(message).toContain('Decompressed, it is a GEXF graph (XML: the file starts with "<"');
    expect(message).toMatch(
      /export a smaller part of the graph .*, under the limit, and decompress it first$/,
    );
    expect(message).not.toContain('npm run import --');
  });

  it('a UCDP conflict table: keep the rows of the conflicts or years studied', async () => {
    const message = await adviceFor(
      'acd.csv',
      fixture('tests/fixtures/ucdp/ucdp-prio-acd-221-excerpt.csv'),
    );
    expect(message).toContain('It is a UCDP/PRIO Armed Conflict Dataset table (UCDP/PRIO Armed');
    expect(message).toMatch(
      /keep the header line and the rows of the conflicts or years you study, under the limit$/,
    );
  });

  it('a table no format names: the event-table column names that let the command read it', async () => {
    const message = await adviceFor('log.csv', text('when,who,whom,tone\n2020-01-01,A,B,3\n'));
    expect(message).toContain(
      `It is a comma-separated table whose header ("when", "who", "whom", "tone") names no format Allegiance reads`,
    );
    expect(message).toContain(
      `If its rows are events, name its header's columns as an event table's (date, actor1, actor2, and goldstein, quad_class or event_code; docs/FORMATS.md, "Event tables"): ` +
        'then npm run import -- log.csv --out log-dataset.json aggregates it at any size. ' +
        'Otherwise keep only the rows and columns you need, under the limit, and map its columns here',
    );
  });

  it('a ZIP archive: unzip it first (the command names the file inside)', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(await adviceFor('20240101.export.CSV.zip', zip)).toBe(
      `20240101.export.CSV.zip: ${SIZE} It is a ZIP archive: unzip it, then import the file inside ` +
        '(an event file of any size through npm run import -- 20240101.export.CSV --out 20240101.export-dataset.json)',
    );
  });

  it('browser Files: only those over the limit are read, each problem named', async () => {
    const gdelt = fixture('tests/fixtures/gdelt/20250807220000.export.excerpt.CSV');
    const padding = new Uint8Array(MAX_IMPORT_BYTES);
    const files = [
      new File([gdelt, padding], 'day.export.CSV'),
      new File([text('{"title": "x"}')], 'small.json'),
      new File([], 'empty.csv'),
    ];
    const problems = await sizeProblemsOf(files);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^day\.export\.CSV: the file is .* It is a GDELT event export/);
    expect(problems[0]).toContain('npm run import -- day.export.CSV --out day.export-dataset.json');
    expect(problems[1]).toBe('empty.csv: the file is empty');
  });
});

describe('the size alone', () => {
  it("without the file's bytes (the command line): no guess at what it is", () => {
    expect(sizeProblem('big.json', over)).toBe(
      'big.json: the file is 52,428,801 bytes; the limit is 52,428,800 bytes (50 MiB): split it, or aggregate events into relations first',
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

  it('within the limit: no problem', () => {
    expect(sizeProblem('events.csv', MAX_IMPORT_BYTES)).toBeNull();
  });
});
