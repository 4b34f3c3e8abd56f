/**
 * Converts published data into an Allegiance dataset (graph-data/schema.json):
 *
 *   npm run import -- FILE... --out dataset.json [--format NAME]
 *                     [--window MONTHS] [--min-events N] [--cooperation-at X]
 *                     [--hostility-at X] [--between contact|none] [--max-evidence N]
 *
 * The format is detected from the content (docs/FORMATS.md, "Detection"),
 * the same way the app's Import does; `--format` overrides it. Prints what
 * each file was read as and why, then every error and warning as
 * `npm run validate` does, and writes the dataset only when there is no
 * error. Exit status: 0 written, 1 errors in the input, 2 bad command line.
 */
import { parseArgs } from 'node:util';
import type { EventImportOptions } from '../src/core/io/event-options';
import type { Problem } from '../src/core/problems';
import { FORMAT_NAMES, FORMATS, isFormatName } from '../src/core/io/detect';
import { decodeText } from '../src/import/decodeText';
import { importTexts, type ImportInput } from '../src/import/importTexts';
import { readInput } from './read-input';
import { streamedFileOnDisk } from './import-stream';
import {
  detectStreamable,
  importGdeltStreams,
  type StreamedFile,
} from '../src/import/importStreams';
import { writeImportResult } from './import-output';
import { duckDbFormatOf, ENGINES, importLarge, usesDuckDb, type Engine } from './duckdb/cli';
import { isParquet } from './duckdb/readers';

const USAGE = `usage: npm run import -- FILE... --out dataset.json [--format NAME]
         [--window MONTHS] [--min-events N] [--cooperation-at SCORE] [--hostility-at SCORE]
         [--between contact|none] [--max-evidence N] [--engine memory|duckdb]
formats: ${FORMAT_NAMES.join(', ')}`;

class UsageError extends Error {}

/** Each event option's flag, and the option it sets. */
const EVENT_FLAGS = {
  window: 'windowMonths',
  'min-events': 'minEvents',
  'cooperation-at': 'cooperationAt',
  'hostility-at': 'hostilityAt',
  between: 'between',
  'max-evidence': 'maxEvidence',
} as const satisfies Record<string, keyof EventImportOptions>;

type EventFlag = keyof typeof EVENT_FLAGS;

function commandLine() {
  const { values, positionals } = parseArgs({
    options: {
      out: { type: 'string' },
      format: { type: 'string' },
      engine: { type: 'string' },
      help: { type: 'boolean', default: false },
      ...Object.fromEntries(
        Object.keys(EVENT_FLAGS).map((flag) => [flag, { type: 'string' as const }]),
      ),
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length === 0) throw new UsageError('give at least one FILE to import');
  if (!values.out) throw new UsageError('--out is required (where to write the dataset)');
  const format = values.format;
  if (format !== undefined && !isFormatName(format))
    throw new UsageError(
      `--format "${format}" is not a format Allegiance reads; known formats: ${FORMAT_NAMES.map((f) => `${f} (${FORMATS[f]})`).join(', ')}`,
    );
  const engine = values.engine;
  if (engine !== undefined && !(ENGINES as readonly string[]).includes(engine))
    throw new UsageError(`--engine must be "memory" or "duckdb", not "${engine}"`);
  const events: EventImportOptions = {};
  for (const flag of Object.keys(EVENT_FLAGS) as EventFlag[]) {
    const text = (values as Record<string, string | boolean | undefined>)[flag];
    if (typeof text !== 'string') continue;
    const option = EVENT_FLAGS[flag];
    if (option === 'between') {
      if (text !== 'contact' && text !== 'none')
        throw new UsageError(`--between must be "contact" or "none", not "${text}"`);
      events.between = text;
    } else {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n))
        throw new UsageError(`--${flag} must be a number, not "${text}"`);
      events[option] = n;
    }
  }
  return {
    files: positionals,
    out: values.out,
    format,
    events,
    engine: engine as Engine | undefined,
  };
}

/** `options.windowMonths` → `--window`: problems with the options name the flag that set them. */
function flagPath(p: Problem): Problem {
  const m = /^options\.(\w+)$/.exec(p.path);
  const flag = m && (Object.keys(EVENT_FLAGS) as EventFlag[]).find((f) => EVENT_FLAGS[f] === m[1]);
  return flag ? { ...p, path: `--${flag}` } : p;
}

async function main(): Promise<number> {
  const cli = commandLine();
  // Archives too large for memory (and gzip, Parquet) go through DuckDB: docs/SCALE.md.
  if (await readByDuckDb(cli)) return importLarge(cli, flagPath);
  const streamed = await importStreamed(cli);
  if (streamed !== undefined) return streamed;
  const inputs: ImportInput[] = [];
  let unreadable = false;
  for (const path of cli.files) {
    const file = await readInput(path);
    const decoded = typeof file === 'string' ? undefined : decodeText(file.bytes);
    if (typeof file === 'string') console.error(file);
    else if (decoded && 'error' in decoded)
      console.error(`${file.name}: the file ${decoded.error}`);
    else {
      inputs.push({ name: file.name, text: decoded!.text });
      continue;
    }
    unreadable = true;
  }
  if (unreadable) return 1;

  const result = importTexts(inputs, {
    events: cli.events,
    ...(cli.format ? { format: cli.format } : {}),
  });
  result.formats?.forEach((d, i) => console.log(`${inputs[i]!.name}: ${d.reason}`));
  return writeImportResult(result, cli.out, flagPath);
}

/**
 * Whether DuckDB reads the files: when asked, for gzip and Parquet, and
 * for event files of one format DuckDB reads (GDELT exports, ICEWS, ACLED,
 * UCDP GED, generic event tables) too large together for memory. Other
 * files too large (a dataset JSON, say) go to the in-memory path, which
 * holds each to the size limit and says so.
 */
async function readByDuckDb(cli: ReturnType<typeof commandLine>): Promise<boolean> {
  if (!usesDuckDb(cli.files, cli.engine)) return false;
  if (cli.engine === 'duckdb' || cli.files.some((f) => /\.gz$/i.test(f) || isParquet(f)))
    return true;
  return (await duckDbFormatOf(cli.files, cli.format)) !== undefined;
}

/**
 * GDELT exports streamed from disk as the app's worker streams them (only
 * the events are held), when every file is one; else undefined.
 */
async function importStreamed(cli: ReturnType<typeof commandLine>): Promise<number | undefined> {
  const files = cli.files.map(streamedFileOnDisk);
  if (files.some((f) => f === undefined)) return undefined;
  const streamable = files as StreamedFile[];
  const detections = await detectStreamable(streamable, cli.format, '--format gdelt');
  if (!detections) return undefined;
  const result = await importGdeltStreams(streamable, detections, cli.events);
  result.formats?.forEach((d, i) => console.log(`${streamable[i]!.name}: ${d.reason}`));
  return writeImportResult(result, cli.out, flagPath);
}

try {
  process.exit(await main());
} catch (e) {
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  throw e;
}
