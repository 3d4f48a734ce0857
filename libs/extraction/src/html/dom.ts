import { compile, selectAll, selectOne } from 'css-select';
import type { AnyNode, Document, Element, ParentNode } from 'domhandler';
import { DomHandler, isDocument } from 'domhandler';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { Parser } from 'htmlparser2';
import { ExtractionError } from '../extraction.error';
import { DEFAULT_LIMITS } from '../limits';
import { normalizeText } from '../text/text-normalizer';

/**
 * htmlparser2 builds the tree: three to four times the pages per second of linkedom on the
 * benchmark pages, and forgiving of the broken markup real pages have. A page nesting elements
 * deeper than `maxDepth` is refused while it is parsed, before any walk of the tree recurses
 * into it.
 */
export function parseHtml(html: string, maxDepth = DEFAULT_LIMITS.maxDepth): Document {
  const handler = new DepthLimitedHandler(maxDepth);
  new Parser(handler, PARSER_OPTIONS).end(html);
  return handler.root;
}

const PARSER_OPTIONS = {
  decodeEntities: true,
  lowerCaseTags: true,
  lowerCaseAttributeNames: true,
} as const;

class DepthLimitedHandler extends DomHandler {
  constructor(private readonly maxDepth: number) {
    super();
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    // The stack holds the root document too.
    if (this.tagStack.length - 1 > this.maxDepth) {
      throw new ExtractionError('too-deep', `elements nest deeper than ${this.maxDepth}`);
    }
  }
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

// The extractor asks a dozen questions of the whole page (JSON-LD scripts, microdata, bylines,
// `<time>`s, named containers). Walking the tree once and testing each compiled selector against
// the list costs a third of letting css-select walk it for every question.
const elementsOfDocument = new WeakMap<Document, Element[]>();
function allElements(document: Document): Element[] {
  let elements = elementsOfDocument.get(document);
  if (!elements) {
    elements = findAll(() => true, document.children);
    elementsOfDocument.set(document, elements);
  }
  return elements;
}

/**
 * The document's elements by tag name, from the same single walk: the questions that name only a
 * tag (`script`, `article`, `main`) need no selector engine.
 */
const elementsByName = new WeakMap<Document, Map<string, Element[]>>();

/** The document's elements with this tag name, in document order. */
export function elementsNamed(document: Document, name: string): readonly Element[] {
  let byName = elementsByName.get(document);
  if (!byName) {
    byName = new Map();
    for (const element of allElements(document)) {
      const named = byName.get(element.name);
      if (named) named.push(element);
      else byName.set(element.name, [element]);
    }
    elementsByName.set(document, byName);
  }
  return byName.get(name) ?? [];
}

/** The document's elements that pass `test`, in document order: a selector without the engine. */
export function elementsWhere(document: Document, test: (element: Element) => boolean): Element[] {
  return allElements(document).filter(test);
}

/**
 * The elements under `root` that pass `test`, in document order (the root itself only when it is a
 * document of its own, as a container joined from several parts is): a selector without the engine.
 */
export function descendantsWhere(root: ParentNode, test: (element: Element) => boolean): Element[] {
  return isDocument(root) ? allElements(root).filter(test) : findAll(test, root.children);
}

/** Matching elements in document order. The tree must not change after the first question. */
export function select(selector: string, root: AnyNode | AnyNode[]): Element[] {
  if (!Array.isArray(root) && isDocument(root)) return allElements(root).filter(query(selector));
  return selectAll<AnyNode, Element>(query(selector), root);
}

export function selectFirst(selector: string, root: AnyNode | AnyNode[]): Element | null {
  if (!Array.isArray(root) && isDocument(root)) {
    return allElements(root).find(query(selector)) ?? null;
  }
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
export function isHidden({ attribs }: Element): boolean {
  if (attribs['hidden'] !== undefined) return true;
  if (attribs['aria-hidden']?.trim() === 'true') return true;
  const style = attribs['style'];
  return style !== undefined && HIDING_STYLE.test(style);
}

const HIDING_STYLE = /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
