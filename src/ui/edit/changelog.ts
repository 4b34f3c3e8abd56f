/**
 * The changelog of a dataset's edits as Markdown: what changed, in order,
 * one numbered line per edit kept (undone edits are not listed). Labels are
 * user text: Markdown's markup characters in them are escaped, so a label
 * reads as written and never becomes a link or a heading.
 */
import type { LoggedEdit } from '../../store/editing';

/** Backslash-escapes the characters Markdown would read as markup; a line break becomes a space. */
export function markdownText(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]<>#|~!]/g, (c) => `\\${c}`);
}

export function changelogMarkdown(datasetName: string, edits: readonly LoggedEdit[]): string {
  const lines = [`# Changes to ${markdownText(datasetName)}`, ''];
  if (edits.length === 0) lines.push('No edits yet.');
  else edits.forEach((e, i) => lines.push(`${i + 1}. ${markdownText(e.description)}`));
  return `${lines.join('\n')}\n`;
}
