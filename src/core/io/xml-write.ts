/**
 * A small XML writer: elements with attributes, text and children, indented
 * by two spaces. Values are escaped for XML 1.0, including line breaks and
 * tabs in attribute values (which parsers would otherwise turn into spaces).
 */
import { replaceIllegalChars } from './text-rules';

export interface XmlNode {
  name: string;
  /** Attributes in writing order; undefined values are left out. */
  attrs?: Record<string, string | number | undefined>;
  children?: XmlNode[];
  text?: string;
}

/**
 * The text with characters XML 1.0 cannot hold at all (most C0 controls, lone
 * surrogates, U+FFFE and U+FFFF) replaced by U+FFFD: whatever string it is
 * given, the writer emits well-formed XML (imports already replace them, but
 * a dataset stored before that rule, or a label cut inside a surrogate pair,
 * may still hold one).
 */
export function xmlSafe(text: string): string {
  return replaceIllegalChars(text);
}

const ATTR_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes an attribute value (double-quoted). */
export function escapeAttribute(value: string): string {
  return xmlSafe(value).replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c]!);
}

/** Escapes element text; CR is escaped so that it is not read as a line end. */
export function escapeText(value: string): string {
  return xmlSafe(value).replace(/[&<>\r]/g, (c) => ATTR_ESCAPES[c]!);
}

function write(node: XmlNode, indent: string, out: string[]): void {
  const attrs = Object.entries(node.attrs ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
  const children = node.children ?? [];
  if (children.length === 0 && node.text === undefined) {
    out.push(`${indent}<${node.name}${attrs}/>`);
  } else if (children.length === 0) {
    out.push(`${indent}<${node.name}${attrs}>${escapeText(node.text ?? '')}</${node.name}>`);
  } else {
    out.push(`${indent}<${node.name}${attrs}>`);
    for (const c of children) write(c, `${indent}  `, out);
    out.push(`${indent}</${node.name}>`);
  }
}

/** A document: the XML declaration (UTF-8) and the root element, with a final newline. */
export function writeXml(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', out);
  return `${out.join('\n')}\n`;
}
