/**
 * Options of the event-table import, their defaults, and the check that
 * turns bad options (from the UI, say) into errors rather than odd results.
 */
import type { ProblemLog } from './import-result';
import type { WindowRules } from './event-windows';

/** How events become relations. Every option has a default (`EVENT_IMPORT_DEFAULTS`). */
export interface EventImportOptions extends Partial<WindowRules> {
  /** Most quoted events shown as evidence of one relation. */
  maxEvidence?: number;
}

export type EventImportSettings = Required<EventImportOptions>;

/**
 * Defaults: windows of 12 months (calendar years), at least 2 events per
 * pair and window, mean Goldstein ≥ +1 cooperation, ≤ −1 hostility (or
 * tension), in between contact; up to 5 quotes per relation.
 */
export const EVENT_IMPORT_DEFAULTS: Readonly<EventImportSettings> = {
  windowMonths: 12,
  minEvents: 2,
  cooperationAt: 1,
  hostilityAt: -1,
  between: 'contact',
  maxEvidence: 5,
};

/** The options with defaults filled in; undefined (with errors logged) when one is invalid. */
export function eventSettings(
  options: EventImportOptions,
  file: string,
  log: ProblemLog,
): EventImportSettings | undefined {
  const s: EventImportSettings = { ...EVENT_IMPORT_DEFAULTS };
  // Only the known options: Object.assign of an arbitrary key ("__proto__") would reach the prototype.
  for (const k of Object.keys(EVENT_IMPORT_DEFAULTS) as (keyof EventImportSettings)[]) {
    const v = options[k];
    if (v !== undefined) Object.assign(s, { [k]: v });
  }
  const before = log.errors.length;
  const bad = (key: keyof EventImportSettings, reason: string) =>
    log.error({ file, path: `options.${key}` }, reason, s[key]);
  const integer = (key: keyof EventImportSettings, min: number, max: number) => {
    const v = s[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      bad(key, `must be a whole number from ${min} to ${max}`);
  };
  integer('windowMonths', 1, 1200);
  integer('minEvents', 1, 1_000_000);
  integer('maxEvidence', 0, 100);
  for (const key of ['cooperationAt', 'hostilityAt'] as const) {
    const v = s[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < -10 || v > 10)
      bad(key, 'must be a score from -10 to +10');
  }
  if (s.hostilityAt >= s.cooperationAt)
    bad('hostilityAt', `must be below cooperationAt (${s.cooperationAt})`);
  if (s.between !== 'contact' && s.between !== 'none')
    bad('between', 'must be "contact" or "none"');
  return log.errors.length > before ? undefined : s;
}
