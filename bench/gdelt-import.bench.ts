/**
 * Event archives: seeded GDELT-shaped exports (61 columns, SYNTHETIC, see
 * tests/helpers/gdelt-synthetic.ts) of 1M and 10M rows, imported with DuckDB
 * (scripts/duckdb/) and, for the 1M file, with the app's in-memory importer
 * (src/core/io/gdelt.ts, what the browser's worker runs). Each import runs in
 * its own process (bench/gdelt-import-probe.ts), twice, with the CPU pressure
 * (Linux PSI: the share of time some task waited for a core) of its run,
 * since this machine is shared. Writes the section "Event archive import" of
 * bench/RESULTS.md, leaving the rest of the file as it is.
 *
 * Run alone: `npx tsx bench/gdelt-import.bench.ts [--memory-runs N] [ROWS...]`
 * (default 1000000 10000000; the 10M file is about 3.3 GB in the system's
 * temp folder, deleted after). `--memory-runs 1` measures the in-memory
 * importer once: its 1M run takes minutes on a busy machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeGdeltFile } from '../tests/helpers/gdelt-synthetic';
import { cpuStallMicros } from './pressure';
import { round } from './stats';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const SEED = 15;
/** The importers run on the same 1M file; larger files only through DuckDB. */
const IN_MEMORY_MAX_ROWS = 1_000_000;
const RUNS = 2;

export interface ArchiveRun {
  engine: 'duckdb' | 'memory';
  rows: number;
  fileMB: number;
  run: number;
  seconds: number;
  /** CPU time of the import's process, all threads: what the run cost, whatever else ran. */
  cpuSeconds: number;
  rowsPerSecond: number;
  mbPerSecond: number;
  peakMB: number;
  relations: number;
  /** Share of the run in which some task waited for a core (PSI "some"), %. */
  cpuPressure: number | null;
  /** Why it did not finish (out of memory, say), if it did not. */
  failed?: string;
}

/** One import in its own process; the in-memory one gets a heap as large as it asks for. */
function probe(
  engine: ArchiveRun['engine'],
  file: string,
): { ms: number; cpuSeconds: number; relations: number; peakMB: number } | { failed: string } {
  const args = [
    ...(engine === 'memory' ? ['--max-old-space-size=16384'] : []),
    '--import',
    'tsx',
    here('./gdelt-import-probe.ts'),
    engine,
    file,
  ];
  try {
    const out = execFileSync(process.execPath, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return JSON.parse(out.trim().split('\n').at(-1)!) as {
      ms: number;
      cpuSeconds: number;
      relations: number;
      peakMB: number;
    };
  } catch (e) {
    const err = e as { status?: number; signal?: string; stderr?: string };
    return {
      failed: `exit ${err.status ?? err.signal}: ${(err.stderr ?? '').trim().split('\n').at(-1) ?? ''}`,
    };
  }
}

export function runArchiveBench(
  sizes: readonly number[] = [1_000_000, 10_000_000],
  log: (s: string) => void = console.log,
  memoryRuns = RUNS,
): ArchiveRun[] {
  const dir = mkdtempSync(join(tmpdir(), 'allegiance-gdelt-bench-'));
  const runs: ArchiveRun[] = [];
  try {
    for (const rows of sizes) {
      const free = statfsSync(dir).bavail * statfsSync(dir).bsize;
      const needed = rows * 340;
      if (free < needed * 1.5) {
        log(
          `skipping ${rows} rows: ${round(free / 1e9, 1)} GB free in ${dir}, the file needs ${round(needed / 1e9, 1)} GB`,
        );
        continue;
      }
      const file = join(dir, `gdelt-${rows}.export.CSV`);
      log(`writing ${rows} GDELT-shaped rows (seed ${SEED})`);
      const bytes = writeGdeltFile(file, rows, { seed: SEED });
      const engines: ArchiveRun['engine'][] =
        rows <= IN_MEMORY_MAX_ROWS ? ['duckdb', 'memory'] : ['duckdb'];
      for (const engine of engines)
        for (let run = 1; run <= (engine === 'memory' ? memoryRuns : RUNS); run++) {
          const stallStart = cpuStallMicros();
          const wallStart = performance.now();
          const r = probe(engine, file);
          const wallMs = performance.now() - wallStart;
          const stallEnd = cpuStallMicros();
          const cpuPressure =
            stallStart === null || stallEnd === null
              ? null
              : round((100 * (stallEnd - stallStart)) / (wallMs * 1000), 1);
          const fileMB = round(bytes / 1e6, 0);
          const entry: ArchiveRun =
            'failed' in r
              ? {
                  engine,
                  rows,
                  fileMB,
                  run,
                  seconds: NaN,
                  cpuSeconds: NaN,
                  rowsPerSecond: NaN,
                  mbPerSecond: NaN,
                  peakMB: NaN,
                  relations: 0,
                  cpuPressure,
                  failed: r.failed,
                }
              : {
                  engine,
                  rows,
                  fileMB,
                  run,
                  seconds: round(r.ms / 1000, 1),
                  cpuSeconds: round(r.cpuSeconds, 1),
                  rowsPerSecond: Math.round(rows / (r.ms / 1000)),
                  mbPerSecond: round(bytes / 1e6 / (r.ms / 1000), 1),
                  peakMB: Math.round(r.peakMB),
                  relations: r.relations,
                  cpuPressure,
                };
          runs.push(entry);
          log(
            `${engine} ${rows} rows, run ${run}: ${entry.failed ?? `${entry.seconds} s (${entry.cpuSeconds} CPU-s), ${entry.peakMB} MB peak`}, CPU pressure ${cpuPressure}%`,
          );
        }
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return runs;
}

const SECTION = '## Event archive import';

/** The section's markdown: the runs, and the targets measured against them. */
export function archiveMarkdown(runs: readonly ArchiveRun[], date: string): string {
  const lines = [
    SECTION,
    '',
    `Written by \`npm run bench -- --import\` (or \`npx tsx bench/gdelt-import.bench.ts\`) on ${date}. ` +
      `Seeded GDELT 2.0-shaped exports (61 columns, seed ${SEED}, SYNTHETIC: tests/helpers/gdelt-synthetic.ts); ` +
      'each import in its own process; peak memory is its resident set (VmHWM); CPU-s: the CPU time of all its ' +
      'threads. CPU pressure: the share of the run in which some task waited for a core (Linux PSI; other ' +
      'engineers’ builds share this 2-core machine): at high pressure the wall time measures the queue for a ' +
      'core more than the import, and CPU-s / 2 is what the run needs on a quiet 2-core machine.',
    '',
    '| importer | rows | file MB | run | s | CPU-s | rows/s | MB/s | peak MB | peak / file | relations | CPU pressure |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of runs)
    lines.push(
      `| ${r.engine === 'duckdb' ? 'DuckDB (CLI)' : 'in-browser importer (Node)'} | ${r.rows.toLocaleString('en')} | ${r.fileMB} | ${r.run} | ` +
        (r.failed
          ? `failed: ${r.failed} | – | – | – | – | – | – `
          : `${r.seconds} | ${r.cpuSeconds} | ${r.rowsPerSecond.toLocaleString('en')} | ${r.mbPerSecond} | ${r.peakMB} | ${round(r.peakMB / r.fileMB, 1)}x | ${r.relations.toLocaleString('en')} `) +
        `| ${r.cpuPressure ?? '–'}% |`,
    );
  const best = (engine: ArchiveRun['engine'], rows: number) =>
    runs
      .filter((r) => r.engine === engine && r.rows === rows && !r.failed)
      .sort((a, b) => a.seconds - b.seconds)[0];
  const duck10 = best('duckdb', 10_000_000);
  const duck1 = best('duckdb', 1_000_000);
  const mem1 = best('memory', 1_000_000);
  const target = (what: string, value: string, holds: boolean | undefined) =>
    `| ${what} | ${value} | ${holds === undefined ? 'not measured' : holds ? 'yes' : '**no**'} |`;
  lines.push('', '| target | measured (best run) | holds |', '| --- | --- | --- |');
  lines.push(
    target(
      '10M rows with DuckDB in <= 20 s',
      duck10
        ? `${duck10.seconds} s (${duck10.cpuSeconds} CPU-s, pressure ${duck10.cpuPressure}%)`
        : '–',
      duck10 && duck10.seconds <= 20,
    ),
    target(
      '… with peak memory <= 1 GB',
      duck10 ? `${duck10.peakMB} MB` : '–',
      duck10 && duck10.peakMB <= 1024,
    ),
    target(
      'DuckDB >= 20x the in-browser importer’s rows/s (1M file)',
      duck1 && mem1 ? `${round(duck1.rowsPerSecond / mem1.rowsPerSecond, 1)}x` : '–',
      duck1 && mem1 ? duck1.rowsPerSecond / mem1.rowsPerSecond >= 20 : undefined,
    ),
    target(
      'in-browser importer <= 5x the file’s size in memory (1M file)',
      mem1
        ? `${round(mem1.peakMB / mem1.fileMB, 1)}x (${mem1.peakMB} MB for ${mem1.fileMB} MB)`
        : '–',
      mem1 ? mem1.peakMB <= 5 * mem1.fileMB : undefined,
    ),
  );
  return lines.join('\n') + '\n';
}

/** Where the section is in a RESULTS.md text: [start, end), or null. */
function sectionBounds(text: string): [number, number] | null {
  const start = text.indexOf(SECTION);
  if (start < 0) return null;
  const next = text.indexOf('\n## ', start + SECTION.length);
  return [start, next < 0 ? text.length : next];
}

/** The section as a RESULTS.md holds it (to keep it when a run without `--import` rewrites the file). */
export function readArchiveSection(path = here('./RESULTS.md')): string | null {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const bounds = sectionBounds(text);
  return bounds && text.slice(...bounds).trimEnd() + '\n';
}

/** Replaces (or appends) the section in bench/RESULTS.md. */
export function writeArchiveSection(markdown: string, path = here('./RESULTS.md')): void {
  const before = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const bounds = sectionBounds(before);
  if (!bounds) {
    writeFileSync(path, `${before.trimEnd()}\n\n${markdown}`);
    return;
  }
  writeFileSync(path, `${before.slice(0, bounds[0])}${markdown}${before.slice(bounds[1])}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const flag = args.indexOf('--memory-runs');
  const memoryRuns = flag >= 0 ? Number(args.splice(flag, 2)[1]) : RUNS;
  const sizes = args.map(Number);
  const runs = runArchiveBench(sizes.length ? sizes : undefined, console.log, memoryRuns);
  writeArchiveSection(archiveMarkdown(runs, new Date().toISOString()));
  console.log('wrote the "Event archive import" section of bench/RESULTS.md');
}
