/**
 * The attribute values of one GEXF node or edge over a span of time: the
 * importer takes the ones it maps to fields, and every other value becomes a
 * `title: value` line of the description (actors) or note (relations), so
 * no attribute is lost.
 */
import type { Location, ProblemLog } from './import-result';
import type { AttrDecl, AttrValues, Span, TimedValue } from './gexf-read';
import { showSpan, timelineOf } from './gexf-timeline';
import { shorten } from '../problems';

/** One node's or edge's attribute values over a span; see the module comment. */
export class ItemValues {
  private readonly taken = new Set<AttrDecl>();

  constructor(
    /** Every attribute declared for the class, in declaration order (defaults apply to all items). */
    private readonly decls: readonly AttrDecl[],
    private readonly attrs: ReadonlyMap<AttrDecl, AttrValues>,
    /** The span the item (or this piece of it) covers. */
    private readonly span: Span,
  ) {}

  /** The first declared attribute whose normalised title is one of `keys`, in the order of `keys`. */
  static find(decls: readonly AttrDecl[], ...keys: string[]): AttrDecl | undefined {
    for (const key of keys) {
      const d = decls.find((x) => x.key === key);
      if (d) return d;
    }
    return undefined;
  }

  /** The explicit values of an attribute (not its default). */
  values(decl: AttrDecl | undefined): TimedValue[] {
    return decl ? (this.attrs.get(decl)?.values ?? []) : [];
  }

  /**
   * The value in force at the start of the span (explicit, else the
   * attribute's default), marking the attribute as mapped.
   */
  take(decl: AttrDecl | undefined): string | undefined {
    if (!decl) return undefined;
    const value = this.peek(decl);
    if (value !== undefined) this.taken.add(decl);
    return value;
  }

  /** Like {@link take} without marking the attribute as mapped. */
  peek(decl: AttrDecl | undefined): string | undefined {
    if (!decl) return undefined;
    const timeline = timelineOf(this.values(decl));
    return timeline.valueOver(timeline.firstPiece(this.span)) ?? decl.default;
  }

  /** Returns a taken attribute to the note (its value was not usable). */
  untake(decl: AttrDecl | undefined): void {
    if (decl) this.taken.delete(decl);
  }

  /**
   * `title: value` lines for the attributes not mapped, and for mapped ones
   * whose value changes within the span; changing values are listed with
   * their intervals (`indegree: 1 (…–2009-03-01); 2 (2009-03-01–…)`).
   */
  noteLines(): string[] {
    const lines: string[] = [];
    for (const decl of this.decls) {
      const during = timelineOf(this.values(decl)).overlapping(this.span);
      const distinct = new Set(during.map((v) => v.value));
      if (this.taken.has(decl) && distinct.size <= 1) continue;
      if (during.length === 0) {
        if (decl.default !== undefined && !this.taken.has(decl))
          lines.push(`${decl.title}: ${decl.default}`);
      } else if (
        during.length === 1 &&
        during[0]!.from === undefined &&
        during[0]!.until === undefined
      )
        lines.push(`${decl.title}: ${during[0]!.value}`);
      else
        lines.push(`${decl.title}: ${during.map((v) => `${v.value} (${showSpan(v)})`).join('; ')}`);
    }
    return lines;
  }
}

/** Text cut to a maximum length (with `…`), warning once per field. */
export function clip(
  text: string | undefined,
  max: number,
  what: string,
  at: Location,
  log: ProblemLog,
): string | undefined {
  if (text === undefined || text.length <= max) return text;
  log.warnOnce(`clip-${what}`, at, `a ${what} longer than ${max} characters is shortened`);
  return shorten(text, max);
}

/** Joins the non-empty parts with line breaks; undefined when nothing is left. */
export function lines(...parts: (string | undefined)[]): string | undefined {
  const kept = parts.filter((p): p is string => p !== undefined && p !== '');
  return kept.length > 0 ? kept.join('\n') : undefined;
}
