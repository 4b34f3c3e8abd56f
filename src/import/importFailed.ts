/**
 * An import that failed outside the data's own checks (the worker crashed,
 * a result could not be copied to the page), as a result the import panel
 * shows like any other error. Small on purpose: the page imports it, and
 * the importers stay in the worker's bundle.
 */
import { shorten } from '../core/problems';
import type { ImportResult } from './importTexts';

/** Longest message kept from an exception (engines may quote input in them). */
const MAX_CAUSE_CHARS = 300;

/** `what: cause`, e.g. `the import stopped: RangeError: Maximum call stack size exceeded`. */
export function importFailed(what: string, cause?: unknown): ImportResult {
  const message = cause === undefined ? what : `${what}: ${describeCause(cause)}`;
  return {
    errors: [{ severity: 'error', path: '', message: shorten(message, MAX_CAUSE_CHARS) }],
    warnings: [],
  };
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message ? `${cause.name}: ${cause.message}` : cause.name;
  if (typeof cause === 'object' && cause !== null && 'message' in cause)
    return String((cause as { message: unknown }).message) || 'no details given';
  return String(cause);
}
