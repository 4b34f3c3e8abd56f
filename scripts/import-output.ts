/**
 * The end of `npm run import`, whichever engine read the files: every
 * problem in `npm run validate`'s form, then the dataset written (exit 0) or
 * the count of errors and nothing written (exit 1).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Dataset } from '../src/core/schema';
import type { ImportResult } from '../src/core/io/import-result';
import { exportJsonPieces } from '../src/core/io/json';
import { formatProblem, type Problem } from '../src/core/problems';

/** Prints the result's problems (`flagPath` names the flag behind an option's), writes it; the exit status. */
export function writeImportResult(
  result: ImportResult,
  out: string,
  flagPath: (p: Problem) => Problem,
): number {
  for (const p of [...result.errors, ...result.warnings]) console.log(formatProblem(flagPath(p)));
  if (!result.dataset) {
    const n = result.errors.length;
    console.log(`${n} ${n === 1 ? 'error' : 'errors'}: nothing written`);
    return 1;
  }
  writeDataset(result.dataset, out);
  const d = result.dataset;
  const warnings = result.warnings.length ? `, ${result.warnings.length} warnings` : '';
  console.log(`${out}: ${d.actors.length} actors, ${d.relations.length} relations${warnings}`);
  return 0;
}

/** Characters gathered before a write: few system calls, and never the whole text at once. */
const WRITE_CHARS = 1 << 20;

/**
 * The dataset as exportJson writes it, streamed a piece at a time: a large
 * import's text (84 MB for a million ICEWS rows) and an ordered copy of its
 * dataset are never held whole (docs/SCALE.md, "Memory").
 */
function writeDataset(dataset: Dataset, out: string): void {
  const fd = openSync(out, 'w');
  try {
    let pending: string[] = [];
    let length = 0;
    for (const piece of exportJsonPieces(dataset)) {
      pending.push(piece);
      length += piece.length;
      if (length < WRITE_CHARS) continue;
      writeSync(fd, pending.join(''));
      pending = [];
      length = 0;
    }
    writeSync(fd, pending.join(''));
  } finally {
    closeSync(fd);
  }
}
