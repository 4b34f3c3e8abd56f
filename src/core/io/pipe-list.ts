/**
 * Lists in one text cell (actor aliases in CSV and GEXF, the declared values
 * of a GEXF attribute): items joined with `|`; a `|` or `\` inside an item is
 * written `\|` or `\\`. Empty items are dropped.
 */

/** `["ISI", "Inter|Services"]` → `ISI|Inter\|Services`. */
export function joinPipeList(items: readonly string[]): string {
  return items
    .filter((s) => s !== '')
    .map((s) => s.replace(/[\\|]/g, (c) => `\\${c}`))
    .join('|');
}

/** Inverse of {@link joinPipeList}; a lone trailing `\` is kept as it is. */
export function splitPipeList(text: string): string[] {
  const items: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) cur += text[++i];
    else if (c === '|') {
      items.push(cur);
      cur = '';
    } else cur += c;
  }
  items.push(cur);
  return items.filter((s) => s !== '');
}
