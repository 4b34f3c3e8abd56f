/**
 * A title as a file name or id: accents dropped, only word characters, spaces
 * and hyphens kept, lower case, runs of spaces (and with `joinHyphens`, of
 * hyphens too) as one hyphen, at most 60 characters; '' when nothing is left.
 */
export function slugOf(title: string, { joinHyphens = false } = {}): string {
  return title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(joinHyphens ? /[\s_-]+/g : /[\s_]+/g, '-')
    .slice(0, 60);
}
