/**
 * GDELT exports read as streams (importStreams.ts, core/io/gdelt.ts
 * GdeltImport): any cut of the file into pieces reads as the whole text
 * does, several files read as one table of events, and a file of another
 * format or encoding is refused naming it. Rows: seeded, SYNTHETIC
 * (tests/helpers/gdelt-synthetic.ts), and the real excerpt of
 * tests/fixtures/gdelt (its README gives the source).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../core/problems';
import { importGdelt } from '../core/io/gdelt';
import { seededRandom } from '../core/layout';
import { gdeltText } from '../../tests/helpers/gdelt-synthetic';
import { detectStreamable, importGdeltStreams, type StreamedFile } from './importStreams';
import { importTexts } from './importTexts';

const encoder = new TextEncoder();

/** A file whose bytes arrive in pieces cut at the given offsets. */
function fileOf(name: string, content: string | Uint8Array, cuts: readonly number[] = []) {
  const bytes = typeof content === 'string' ? encoder.encode(content) : content;
  const ends = [...cuts, bytes.length];
  return {
    name,
    size: bytes.length,
    head: async () => bytes.subarray(0, 65536),
    bytes: async function* () {
      let start = 0;
      for (const end of ends) {
        yield bytes.subarray(start, end);
        start = end;
      }
    },
  } satisfies StreamedFile;
}

async function streamed(files: StreamedFile[]) {
  const detections = await detectStreamable(files);
  expect(detections).toBeDefined();
  return importGdeltStreams(files, detections!);
}

const text = gdeltText(600, { actors: 8, seed: 21 });

describe('GDELT exports read as streams', () => {
  it('reads any cut of the file, CRLF line ends and a UTF-8 BOM as the whole text', async () => {
    const crlf = '\uFEFF' + text.replace(/\n/g, '\r\n');
    const whole = importGdelt({ name: 'e.CSV', text: crlf });
    expect(whole.errors).toEqual([]);
    const random = seededRandom(5);
    const bytes = encoder.encode(crlf);
    // Cuts anywhere: inside a character, between CR and LF, inside the BOM.
    const cuts = [1, 2, ...Array.from({ length: 40 }, () => Math.floor(random() * bytes.length))]
      .sort((a, b) => a - b)
      .filter((c, i, all) => c > 0 && c !== all[i - 1]);
    cuts.push(crlf.indexOf('\r\n', 1000) + 1);
    cuts.sort((a, b) => a - b);
    const r = await streamed([fileOf('e.CSV', bytes, cuts)]);
    expect(r.errors).toEqual([]);
    expect(r.dataset).toEqual(whole.dataset);
    expect(r.warnings).toEqual(whole.warnings);
  });

  it('reads several exports as one table of events, as if they were one file', async () => {
    const lines = text.trimEnd().split('\n');
    const parts = [lines.slice(0, 200), lines.slice(200, 450), lines.slice(450)].map(
      (l) => l.join('\n') + '\n',
    );
    const names = ['a.export.CSV', 'b.export.CSV', 'c.export.CSV'];
    const one = importGdelt({ name: 'all.CSV', text });
    const r = await streamed(parts.map((p, i) => fileOf(names[i]!, p)));
    expect(r.errors).toEqual([]);
    expect(r.formats?.map((f) => f.reason)).toEqual(
      names.map(() => 'GDELT 2.0 export: tab-separated, no header, 61 columns'),
    );
    const shape = (d: typeof one.dataset) =>
      d!.relations.map((x) => [
        x.source,
        x.target,
        x.kind,
        x.from,
        x.until,
        x.evidence.map((e) => e.quote),
      ]);
    expect(shape(r.dataset)).toEqual(shape(one.dataset));
    // Evidence names the file of its row.
    const notes = r.dataset!.relations.flatMap((x) => x.evidence.map((e) => e.note));
    expect(notes).toContainEqual(expect.stringMatching(/\(row \d+ of b\.export\.CSV, id \d+\)/));
    expect(r.dataset!.title).toBe('a.export and 2 more files');
    // The rows left out are listed at the file of the first.
    const single = r.warnings.find((w) => w.message.includes('fewer than two actors'));
    expect(single?.file).toBe('a.export.CSV');
    // The same through the whole-text path (several files dropped on the app).
    const texts = importTexts(parts.map((p, i) => ({ name: names[i]!, text: p })));
    expect(texts.dataset).toEqual(r.dataset);
  });

  it('lists rows left out with their file when they come from several files', () => {
    // The real excerpt (tests/fixtures/gdelt/README.md) cut in two: rows with one actor in each.
    const real = readFileSync('tests/fixtures/gdelt/20240921.small.export.CSV', 'utf8');
    const lines = real.trimEnd().split('\n');
    const r = importTexts([
      { name: 'a.export.CSV', text: lines.slice(0, 5).join('\n') },
      { name: 'b.export.CSV', text: lines.slice(5).join('\n') },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.message)).toContainEqual(
      expect.stringContaining(
        'rows a.export.CSV:4, a.export.CSV:5, b.export.CSV:1, b.export.CSV:2, b.export.CSV:3 and 2 more',
      ),
    );
  });

  it('names the file and row of a bad row in the second file', async () => {
    const lines = text.trimEnd().split('\n');
    const bad = lines[3]!.split('\t');
    bad[1] = '20150231';
    const second = [lines[2], bad.join('\t')].join('\n');
    const r = await streamed([fileOf('a.CSV', lines[0]! + '\n'), fileOf('b.CSV', second)]);
    expect(r.dataset).toBeUndefined();
    expect(r.errors.map(formatProblem)).toEqual([
      expect.stringMatching(/^b\.CSV:2:\d+ row 2, column "SQLDATE": "20150231" has day 31/),
    ]);
  });

  it('refuses a file of another format among GDELT exports, naming it and what it is', () => {
    const r = importTexts([
      { name: 'a.export.CSV', text },
      { name: 'notes.csv', text: 'source,target,kind\nA,B,alliance\n' },
    ]);
    expect(r.dataset).toBeUndefined();
    expect(r.errors.map(formatProblem)).toEqual([
      expect.stringContaining(
        'notes.csv: is a CSV relations (or actors) table (relations table: comma-separated, header of 3 columns with source and target columns), not a GDELT 1.0/2.0 raw event export like a.export.CSV: several files are read together only when all are of one event format',
      ),
    ]);
  });

  it('streams only GDELT exports, and refuses a stream that is not UTF-8', async () => {
    expect(await detectStreamable([fileOf('t.csv', 'source,target\nA,B\n')])).toBeUndefined();
    const latin1 = encoder.encode(text.slice(0, 2000));
    latin1[1500] = 0xe9; // é in Latin-1, alone: not UTF-8
    const r = await streamed([fileOf('e.CSV', latin1, [1000])]);
    expect(r.errors.map((e) => `${e.file}: ${e.message}`)).toEqual([
      expect.stringMatching(/^e\.CSV: the file is not valid UTF-8 \(near byte 1501\)/),
    ]);
  });
});
