/**
 * Checks dataset files the way the app's import does, for dataset authors:
 *
 *   npm run validate -- FILE... [--actors ACTORS.csv]
 *
 * Prints every error and warning (file, line, field, value, what is wrong)
 * and exits 1 when any file has an error. A relations CSV may be paired
 * with an actors table through --actors.
 */
import { parseArgs } from 'node:util';
import { formatProblem } from '../src/core/problems';
import { importBytes, type FileBytes } from '../src/import/importBytes';
import { readInput } from './read-input';

const { values, positionals } = parseArgs({
  options: { actors: { type: 'string' } },
  allowPositionals: true,
});
if (positionals.length === 0) {
  console.error('usage: npm run validate -- FILE... [--actors ACTORS.csv]');
  process.exit(2);
}

let failed = false;
for (const path of positionals) {
  const reading = [path, ...(values.actors ? [values.actors] : [])].map((p) => readInput(p));
  const inputs = await Promise.all(reading);
  const unreadable = inputs.filter((x): x is string => typeof x === 'string');
  if (unreadable.length) {
    unreadable.forEach((m) => console.error(m));
    failed = true;
    continue;
  }
  const result = importBytes(inputs as FileBytes[]);
  for (const p of [...result.errors, ...result.warnings]) console.log(formatProblem(p));
  if (result.dataset) {
    const d = result.dataset;
    console.log(
      `${path}: valid (${d.actors.length} actors, ${d.relations.length} relations, ${d.events.length} events${result.warnings.length ? `, ${result.warnings.length} warnings` : ''})`,
    );
  } else {
    console.log(
      `${path}: ${result.errors.length} ${result.errors.length === 1 ? 'error' : 'errors'}`,
    );
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
