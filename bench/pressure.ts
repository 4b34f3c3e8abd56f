/**
 * How shared the machine is (Node only): Linux PSI's count of the time some task waited for a
 * core. The difference between two readings over a run, divided by its wall time, is the
 * share of the run spent waiting, which the benchmarks report beside their timings.
 */
import { readFileSync } from 'node:fs';

/** Microseconds in which some task waited for a core since boot, or null where not reported. */
export function cpuStallMicros(): number | null {
  try {
    const some = /^some .*total=(\d+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return some ? Number(some[1]) : null;
  } catch {
    return null;
  }
}
