import { compile, selectAll, selectOne } from 'css-select';
import type { AnyNode, Document, Element } from 'domhandler';
import { getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { normalizeText } from '../text/text-normalizer';

/**
 * htmlparser2 builds the tree: three to four times the pages per second of linkedom on the
 * benchmark pages, and forgiving of the broken markup real pages have.
 */
export function parseHtml(html: string): Document {
  return parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
}

// css-select compiles a selector on every call unless given a compiled query; the extractor uses
// a few fixed selectors on every page, so each is compiled once.
type CompiledQuery = ReturnType<typeof compile<AnyNode, Element>>;
const compiled = new Map<string, CompiledQuery>();
function query(selector: string): CompiledQuery {
  let found = compiled.get(selector);
  if (!found) {
    found = compile<AnyNode, Element>(selector);
    compiled.set(selector, found);
  }
  return found;
}

export function select(selector: string, root: AnyNode | AnyNode[]): Element[] {
  return selectAll<AnyNode, Element>(query(selector), root);
}

export function selectFirst(selector: string, root: AnyNode | AnyNode[]): Element | null {
  return selectOne<AnyNode, Element>(query(selector), root);
}

/** An attribute's value, trimmed; null when absent or blank. */
export function attribute(element: Element, name: string): string | null {
  const value = getAttributeValue(element, name)?.trim();
  return value ? value : null;
}

/** All the text in a node, whitespace collapsed; null when there is none. */
export function textOf(node: AnyNode | null): string | null {
  if (!node) return null;
  const text = normalizeText(textContent(node));
  return text === '' ? null : text;
}

/** Hidden from readers by the markup itself (not by a stylesheet, which this does not read). */
export function isHidden(element: Element): boolean {
  if (element.attribs['hidden'] !== undefined) return true;
  if (attribute(element, 'aria-hidden') === 'true') return true;
  const style = attribute(element, 'style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}
