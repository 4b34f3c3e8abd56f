/**
 * Column headers and attribute titles are matched loosely: case, surrounding
 * space and the separators space, `-`, `_` and `.` do not matter.
 */

/** `" Evidence-Source 2 "` → `evidence_source_2`. */
export function normaliseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_.-]+/g, '_');
}

/** The evidence field a (normalised) header or attribute title names, and its group (1-based). */
export interface EvidenceField {
  field: 'quote' | 'source' | 'note';
  group: number;
}

const EVIDENCE_NAMES: [RegExp, EvidenceField['field']][] = [
  [/^(?:quote|evidence)(?:_?(\d+))?$/, 'quote'],
  [/^(?:evidence_source|quote_source)(?:_?(\d+))?$/, 'source'],
  [/^(?:evidence_note|quote_note)(?:_?(\d+))?$/, 'note'],
];

/**
 * `quote`, `evidence`, `quote_2`, `evidence_source_3`, `evidence_note`… →
 * which field of which evidence; undefined for other names. Group 1 is the
 * unnumbered one.
 */
export function evidenceField(normalised: string): EvidenceField | undefined {
  for (const [pattern, field] of EVIDENCE_NAMES) {
    const m = pattern.exec(normalised);
    if (!m) continue;
    const group = m[1] === undefined ? 1 : Number(m[1]);
    return group >= 1 ? { field, group } : undefined;
  }
  return undefined;
}

/** The column header or attribute title for an evidence field: `quote`, `evidence_source_2`. */
export function evidenceName(field: EvidenceField['field'], group: number): string {
  const base = field === 'quote' ? 'quote' : `evidence_${field}`;
  return group === 1 ? base : `${base}_${group}`;
}
