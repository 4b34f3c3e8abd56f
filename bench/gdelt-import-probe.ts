/**
 * One measured import, in its own process so that its peak resident memory
 * (VmHWM) is its own: `tsx bench/gdelt-import-probe.ts duckdb|memory FILE`.
 * Prints one JSON line: wall time, CPU time (all its threads: DuckDB's
 * workers are in this process), what was made, peak memory.
 * `memory` is the app's importer as the browser's worker runs it on a GDELT
 * export (src/import/importStreams.ts: the file streamed, its lines read into
 * events as they come), without the browser's size limit.
 */
import { readFileSync } from 'node:fs';
import { importWithDuckDb } from '../scripts/duckdb/importWithDuckDb';
import { detectStreamable, importGdeltStreams } from '../src/import/importStreams';
import { streamedFileOnDisk } from '../scripts/import-stream';

const [engine, file] = process.argv.slice(2);
if ((engine !== 'duckdb' && engine !== 'memory') || !file) {
  console.error('usage: tsx bench/gdelt-import-probe.ts duckdb|memory FILE');
  process.exit(2);
}

const peakKB = () =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);

const started = performance.now();
const cpuStart = process.cpuUsage();
const result = engine === 'duckdb' ? await importWithDuckDb([file], 'gdelt') : await inMemory(file);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStart);
console.log(
  JSON.stringify({
    ms,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    relations: result.dataset?.relations.length ?? 0,
    errors: result.errors.length,
    peakMB: peakKB() / 1024,
  }),
);

async function inMemory(path: string) {
  const streamed = streamedFileOnDisk(path);
  const detections = streamed && (await detectStreamable([streamed]));
  if (!streamed || !detections) throw new Error(`${path} is not a GDELT export`);
  return importGdeltStreams([streamed], detections, {}, { sizeLimit: false });
}
