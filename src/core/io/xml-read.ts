/**
 * XML parsed into a small element tree with decoded attribute values and the
 * line and column of every element. fast-xml-parser does the parsing; it is
 * told to leave entities alone because it does not decode character
 * references (`&#10;`), so {@link decodeEntities} does all of them at once.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

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

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes the five predefined entities and character references. Other
 * entities (declared in a DTD, which GEXF files do not use) are kept as text
 * and reported through `unknown`.
 */
export function decodeEntities(text: string, unknown?: (entity: string) => void): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g, (all, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    const named = NAMED[body];
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

/**
 * Parses XML text (a byte-order mark is ignored). Malformed XML gives the
 * parser's message with its line and column; entities that are not
 * predefined are listed in `unknownEntities`.
 */
export function parseXml(
  input: string,
): { root: XmlElement; unknownEntities: string[] } | { error: XmlSyntaxError } {
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
  const decode = (s: string) => decodeEntities(s, (e) => unknown.add(e));

  const build = (name: string, raw: Raw): XmlElement => {
    const el: XmlElement = { name, attrs: {}, children: [], text: '' };
    if (typeof raw === 'string') {
      el.text = decode(raw);
      return el;
    }
    const start = (raw[meta] as { startIndex?: number } | undefined)?.startIndex;
    if (start !== undefined) Object.assign(el, where(start));
    for (const [key, value] of Object.entries(raw)) {
      if (key === '@') {
        for (const [a, v] of Object.entries(value as Record<string, unknown>))
          el.attrs[a] = decode(String(v));
      } else if (key === '#text') el.text += decode(String(value));
      else if (key === '#cdata')
        for (const c of value as Raw[])
          el.text += typeof c === 'string' ? c : String(c['#text'] ?? '');
      else for (const child of value as Raw[]) el.children.push(build(key, child));
    }
    return el;
  };

  const roots = Object.entries(parsed).flatMap(([name, list]) =>
    (list as Raw[]).map((raw) => build(name, raw)),
  );
  const root = roots[0];
  if (!root || roots.length > 1)
    return {
      error: { message: `malformed XML: expected one root element, found ${roots.length}` },
    };
  return { root, unknownEntities: [...unknown] };
}

/** The children of an element with a given name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}
