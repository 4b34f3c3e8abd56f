/**
 * The end of `npm run import`, whichever engine read the files: every
 * problem in `npm run validate`'s form, then the dataset written (exit 0) or
 * the count of errors and nothing written (exit 1).
 */
import { writeFileSync } from 'node:fs';
import type { ImportResult } from '../src/core/io/import-result';
import { exportJson } from '../src/core/io/json';
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
  writeFileSync(out, exportJson(result.dataset));
  const d = result.dataset;
  const warnings = result.warnings.length ? `, ${result.warnings.length} warnings` : '';
  console.log(`${out}: ${d.actors.length} actors, ${d.relations.length} relations${warnings}`);
  return 0;
}
