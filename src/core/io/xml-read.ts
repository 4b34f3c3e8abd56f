/**
 * XML parsed into a small element tree with decoded attribute values and the
 * line and column of every element. fast-xml-parser does the parsing; it is
 * told to leave entities alone because it does not decode character
 * references (`&#10;`), so {@link decodeEntities} does all of them at once.
 *
 * A character reference to a character XML 1.0 does not allow (`&#0;`,
 * `&#xD800;`, `&#xFFFF;`) makes a document not well-formed (XML 1.0, WFC
 * "Legal Character"). We do not refuse the file for it: such a reference is
 * read as U+FFFD and reported (`illegalReferences`, with the element's line),
 * the same rule as for those characters written raw in any format
 * (core/io/text-rules.ts), so one bad character never costs the whole file.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isLegalCodePoint, REPLACEMENT } from './text-rules';

export interface XmlElement {
  /** Local name: namespace prefixes are dropped (`viz:color` → `color`). */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text content (entities decoded, CDATA as is). */
  text: string;
  line?: number;
  column?: number;
}

export interface XmlSyntaxError {
  line?: number;
  column?: number;
  message: string;
}

// A Map: a plain object would answer `&constructor;` with Object's own constructor.
const NAMED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/**
 * Decodes the five predefined entities and character references. Other
 * entities (declared in a DTD, which GEXF files do not use) are kept as text
 * and reported through `unknown`; references to characters XML does not
 * allow become U+FFFD and are reported through `illegal` (see the module comment).
 */
export function decodeEntities(
  text: string,
  unknown?: (entity: string) => void,
  illegal?: (reference: string, code: number) => void,
): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g, (all, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (isLegalCodePoint(code)) return String.fromCodePoint(code);
      illegal?.(all, code);
      return REPLACEMENT;
    }
    const named = NAMED.get(body);
    if (named === undefined) unknown?.(all);
    return named ?? all;
  });
}

/** Line starts of a text, for turning offsets into lines and columns quickly. */
function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

type Raw = Record<string, unknown> | string;

/** A character reference to a character XML does not allow, read as U+FFFD. */
export interface IllegalReference {
  /** As written: `&#xD800;`. */
  reference: string;
  /** The code point it names (above U+10FFFF for references past Unicode's end). */
  code: number;
  /** Where it was: `node.label` (an attribute) or `description` (an element's text). */
  field: string;
  /** Where the element holding it starts. */
  line?: number;
  column?: number;
}

/**
 * Parses XML text (a byte-order mark is ignored). Malformed XML gives the
 * parser's message with its line and column; entities that are not
 * predefined are listed in `unknownEntities`, references to characters XML
 * does not allow in `illegalReferences`.
 */
export function parseXml(
  input: string,
):
  | { root: XmlElement; unknownEntities: string[]; illegalReferences: IllegalReference[] }
  | { error: XmlSyntaxError } {
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { error: { line: 1, column: 1, message: 'the file is empty' } };
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    return {
      error: {
        ...(Number.isFinite(line) ? { line } : {}),
        ...(Number.isFinite(col) ? { column: col } : {}),
        message: `malformed XML: ${msg}`,
      },
    };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    attributesGroupName: '@',
    textNodeName: '#text',
    cdataPropName: '#cdata',
    trimValues: false,
    parseAttributeValue: false,
    parseTagValue: false,
    processEntities: false,
    removeNSPrefix: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    captureMetaData: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  });
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(text) as Record<string, unknown>;
  } catch (e) {
    return { error: { message: `malformed XML: ${e instanceof Error ? e.message : String(e)}` } };
  }

  const where = lineIndex(text);
  const meta = XMLParser.getMetaDataSymbol() as unknown as string;
  const unknown = new Set<string>();
  const illegalReferences: IllegalReference[] = [];
  const decode = (s: string, field: string, at: { line?: number; column?: number }) =>
    decodeEntities(
      s,
      (e) => unknown.add(e),
      (reference, code) => illegalReferences.push({ reference, code, field, ...at }),
    );

  const build = (name: string, raw: Raw, parent: { line?: number; column?: number }) => {
    const el: XmlElement = { name, attrs: {}, children: [], text: '' };
    if (typeof raw === 'string') {
      // A text-only element has no metadata of its own: its parent's place is the nearest known.
      el.text = decode(raw, name, parent);
      return el;
    }
    const start = (raw[meta] as { startIndex?: number } | undefined)?.startIndex;
    if (start !== undefined) Object.assign(el, where(start));
    const at = el.line !== undefined ? { line: el.line, column: el.column! } : parent;
    for (const [key, value] of Object.entries(raw)) {
      if (key === '@') {
        for (const [a, v] of Object.entries(value as Record<string, unknown>))
          el.attrs[a] = decode(String(v), `${name}.${a}`, at);
      } else if (key === '#text') el.text += decode(String(value), name, at);
      else if (key === '#cdata')
        for (const c of value as Raw[])
          el.text += typeof c === 'string' ? c : String(c['#text'] ?? '');
      else for (const child of value as Raw[]) el.children.push(build(key, child, at));
    }
    return el;
  };

  const roots = Object.entries(parsed).flatMap(([name, list]) =>
    (list as Raw[]).map((raw) => build(name, raw, {})),
  );
  const root = roots[0];
  if (!root || roots.length > 1)
    return {
      error: { message: `malformed XML: expected one root element, found ${roots.length}` },
    };
  return { root, unknownEntities: [...unknown], illegalReferences };
}

/** The children of an element with a given name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}
