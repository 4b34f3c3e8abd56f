/**
 * The event-table options as the import panel edits them: one text per
 * number (what the user typed, kept as typed), read back into options with
 * a precise message per field. The ranges and the rule between the two
 * thresholds are `eventSettings`'s own, so the panel, the CLI and the
 * importer agree on what is valid.
 */
import { EVENT_IMPORT_DEFAULTS, eventSettings } from './event-options';
import type { EventImportOptions, EventImportSettings } from './event-options';
import { ProblemLog } from './import-result';

/** The options typed as numbers. */
export type NumericOption = Exclude<keyof EventImportSettings, 'between'>;

/** The options in the order the panel shows them, with their labels. */
export const EVENT_OPTION_LABELS: Readonly<Record<keyof EventImportSettings, string>> = {
  windowMonths: 'Window (months)',
  minEvents: 'Fewest events per window',
  cooperationAt: 'Cooperation at mean score ≥',
  hostilityAt: 'Hostility at mean score ≤',
  between: 'Windows in between',
  maxEvidence: 'Most quotes per relation',
};

export const NUMERIC_OPTIONS: readonly NumericOption[] = [
  'windowMonths',
  'minEvents',
  'cooperationAt',
  'hostilityAt',
  'maxEvidence',
];

export type EventOptionTexts = Record<NumericOption, string> & {
  between: EventImportSettings['between'];
};

/** The texts that show a set of options (the defaults where one is not given). */
export function optionTexts(options: EventImportOptions): EventOptionTexts {
  const s = { ...EVENT_IMPORT_DEFAULTS, ...options };
  return {
    windowMonths: String(s.windowMonths),
    minEvents: String(s.minEvents),
    cooperationAt: String(s.cooperationAt),
    hostilityAt: String(s.hostilityAt),
    maxEvidence: String(s.maxEvidence),
    between: s.between,
  };
}

/** A typed number: a minus sign (−) and a decimal comma are read as `-` and `.`. */
function readNumber(text: string): number | string {
  const t = text.trim();
  if (t === '') return 'is empty';
  const n = Number(t.replace(/^\u2212/, '-').replace(',', '.'));
  return Number.isFinite(n) ? n : `${JSON.stringify(t)} is not a number`;
}

/**
 * The options the texts give, or the problem of each field that is wrong:
 * `"abc" is not a number`, `"0" must be a whole number from 1 to 1200`,
 * `"2" must be below cooperationAt (1)`.
 */
export function readOptionTexts(
  texts: EventOptionTexts,
):
  | { options: EventImportSettings; errors?: undefined }
  | { options?: undefined; errors: Map<keyof EventImportSettings, string> } {
  const errors = new Map<keyof EventImportSettings, string>();
  const options: EventImportOptions = { between: texts.between };
  for (const key of NUMERIC_OPTIONS) {
    const value = readNumber(texts[key]);
    if (typeof value === 'string') errors.set(key, value);
    else options[key] = value;
  }
  if (errors.size > 0) return { errors };
  const log = new ProblemLog();
  const settings = eventSettings(options, '', log);
  if (settings) return { options: settings };
  for (const p of log.errors) {
    const key = p.path.replace(/^options\./, '') as keyof EventImportSettings;
    if (!errors.has(key)) errors.set(key, `${JSON.stringify(texts[key].trim())} ${p.message}`);
  }
  return { errors };
}
