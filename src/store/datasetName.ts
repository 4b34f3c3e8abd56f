/**
 * Dataset names in the library: how long they may be, and the name an import
 * gets from its title. Pure functions, so the rule is the same for the rename
 * input, the rename action and imports.
 */

/**
 * The longest name the library keeps, in UTF-16 code units (what an input's
 * `maxLength` counts). Long enough for any real title; short enough that the
 * dataset menu, notices and confirmation dialogs stay readable.
 */
export const MAX_NAME_LENGTH = 200;

const ELLIPSIS = '…';

/** The cleaned name, or why it cannot be a dataset's name. */
export type NameCheck = { ok: true; name: string } | { ok: false; message: string };

/** Checks a name the user typed (trimmed first). */
export function checkDatasetName(typed: string): NameCheck {
  const name = typed.trim();
  if (!name) return { ok: false, message: 'A dataset name cannot be empty.' };
  if (name.length > MAX_NAME_LENGTH)
    return {
      ok: false,
      message: `A dataset name can have at most ${MAX_NAME_LENGTH} characters; this one has ${name.length.toLocaleString('en')}.`,
    };
  return { ok: true, name };
}

/**
 * The library name of an imported dataset: its title, cut with an ellipsis
 * when it is too long (the dataset keeps its full title). The cut never splits
 * a character made of two UTF-16 units.
 */
export function nameFromTitle(title: string): string {
  const name = title.trim() || 'Untitled dataset';
  if (name.length <= MAX_NAME_LENGTH) return name;
  let cut = '';
  for (const char of name) {
    if (cut.length + char.length > MAX_NAME_LENGTH - ELLIPSIS.length) break;
    cut += char;
  }
  return cut.trimEnd() + ELLIPSIS;
}
