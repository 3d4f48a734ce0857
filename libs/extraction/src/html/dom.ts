import { compile, selectAll, selectOne } from 'css-select';
import type { AnyNode, Element, ParentNode } from 'domhandler';
import * as domhandler from 'domhandler';
import { Document, DomHandler } from 'domhandler';
import { textContent } from 'domutils';
import { Parser } from 'htmlparser2';
import { ExtractionError } from '../extraction.error';
import { DEFAULT_LIMITS, MAX_ATTRIBUTES, MAX_ELEMENTS } from '../limits';
import type { Deadline } from '../limits';
import { normalizeText } from '../text/text-normalizer';
import { scanningTokenizer } from './scanning-tokenizer';

/**
 * domhandler's node tests, read once. Its index re-exports them through getters, and compiled
 * CommonJS reads an import again at every call: on the walks over every node of a page, the getter
 * alone took 2% of extraction time. The extractor's files import them from here.
 */
export const isTag: typeof domhandler.isTag = domhandler.isTag;
export const isText: typeof domhandler.isText = domhandler.isText;
export const isDocument: typeof domhandler.isDocument = domhandler.isDocument;

/**
 * htmlparser2 builds the tree: three to four times the pages per second of linkedom on the
 * benchmark pages, and forgiving of the broken markup real pages have. A page nesting elements
 * deeper than `maxDepth`, or holding more than MAX_ELEMENTS elements or an element with more than
 * MAX_ATTRIBUTES attributes, is refused while it is parsed, before any walk of the tree recurses
 * into it; the deadline is looked at as elements open.
 */
export function parseHtml(
  html: string,
  maxDepth = DEFAULT_LIMITS.maxDepth,
  deadline?: Deadline,
): PageDocument {
  const handler = new DepthLimitedHandler(maxDepth, deadline);
  new Parser(handler, PARSER_OPTIONS).end(html);
  return handler.page;
}

const PARSER_OPTIONS = {
  decodeEntities: true,
  lowerCaseTags: true,
  lowerCaseAttributeNames: true,
  // The same events as htmlparser2's own tokenizer, for a fraction of its time on real pages.
  Tokenizer: scanningTokenizer,
} as const;

class DepthLimitedHandler extends DomHandler {
  /** Inside a `<style>` or a script that is not JSON: text the extractor never reads. */
  private unreadText = false;
  private elements = 0;
  /** Of the element being opened: htmlparser2 reports each before the element itself. */
  private attributes = 0;

  /** The tree's root: DomHandler's own, replaced by one that can index the page. */
  page = new PageDocument(this.dom);

  constructor(
    private readonly maxDepth: number,
    private readonly deadline: Deadline | undefined,
  ) {
    super();
    this.root = this.page;
    this.tagStack = [this.page];
  }

  override onreset(): void {
    super.onreset();
    this.elements = 0;
    this.attributes = 0;
    this.page = new PageDocument(this.dom);
    this.root = this.page;
    this.tagStack = [this.page];
  }

  onattribute(): void {
    this.attributes += 1;
    if (this.attributes > MAX_ATTRIBUTES) {
      throw new ExtractionError(
        'too-large',
        `an element has more than ${MAX_ATTRIBUTES} attributes`,
      );
    }
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.attributes = 0;
    super.onopentag(name, attribs);
    // The stack holds the root document too.
    if (this.tagStack.length - 1 > this.maxDepth) {
      throw new ExtractionError('too-deep', `elements nest deeper than ${this.maxDepth}`);
    }
    this.elements += 1;
    if (this.elements > MAX_ELEMENTS) {
      throw new ExtractionError('too-large', `document has more than ${MAX_ELEMENTS} elements`);
    }
    this.deadline?.tick('parsing');
    // Their contents are raw text to htmlparser2, so nothing nests inside them.
    this.unreadText = name === 'style' || (name === 'script' && !isJsonScript(attribs));
  }

  override onclosetag(): void {
    this.unreadText = false;
    super.onclosetag();
  }

  /**
   * Page scripts and style sheets are often a third of a page's characters: their text is not
   * kept as nodes (JSON scripts are: JSON-LD is read from them).
   */
  override ontext(data: string): void {
    if (!this.unreadText) super.ontext(data);
  }

  /** Nothing reads HTML comments: no node for them either. */
  override oncomment(): void {}

  override oncommentend(): void {
    // What DomHandler does at a comment's end: text after it starts a node of its own.
    this.lastNode = null;
  }
}

/** `type="application/ld+json"` and other JSON script types (`application/json`). */
function isJsonScript(attribs: Record<string, string>): boolean {
  return /json/i.test(attribs['type'] ?? '');
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

/**
 * A parsed page, with indexes over its elements made when first asked for: the extractor asks a
 * dozen questions of the whole page (JSON-LD scripts, microdata, bylines, `<time>`s, named
 * containers), and one walk that lists the elements, by tag and by attribute, answers them all.
 *
 * The indexes live on the page rather than in module-level WeakMaps keyed by it. With WeakMaps,
 * every page's tree survived V8's young-generation collections and was promoted to the old
 * generation (`node --trace-gc-nvp` over the benchmark pages): collecting cost a sixth of
 * extraction time, against 2% now.
 */
export class PageDocument extends Document {
  private elementList: Element[] | undefined;
  private byName: Map<string, Element[]> | undefined;
  private readonly byAttribute = new Map<string, Element[]>();

  /** Every element, in document order. */
  get elements(): readonly Element[] {
    return (this.elementList ??= elementsUnder(this.children, () => true));
  }

  /** The elements with this tag name, in document order. */
  elementsNamed(name: string): readonly Element[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const element of this.elements) {
        const named = this.byName.get(element.name);
        if (named) named.push(element);
        else this.byName.set(element.name, [element]);
      }
    }
    return this.byName.get(name) ?? [];
  }

  /**
   * The elements that have this attribute, in document order. The questions about the whole page
   * test an attribute (`itemprop`, `role`, `itemscope`, `rel`, `class`) that few elements have;
   * testing only those is cheaper than testing every element each time.
   */
  elementsWithAttribute(name: string): readonly Element[] {
    let found = this.byAttribute.get(name);
    if (!found) {
      found = this.elements.filter((element) => element.attribs[name] !== undefined);
      this.byAttribute.set(name, found);
    }
    return found;
  }
}

/** A document's elements in document order, from the page's index when it has one. */
export function allElements(document: Document): readonly Element[] {
  return document instanceof PageDocument
    ? document.elements
    : elementsUnder(document.children, () => true);
}

/** The document's elements with this tag name, in document order. */
export function elementsNamed(document: Document, name: string): readonly Element[] {
  if (document instanceof PageDocument) return document.elementsNamed(name);
  return elementsUnder(document.children, (element) => element.name === name);
}

/** The document's elements that have this attribute, in document order. */
export function elementsWithAttribute(document: Document, name: string): readonly Element[] {
  if (document instanceof PageDocument) return document.elementsWithAttribute(name);
  return elementsUnder(document.children, (element) => element.attribs[name] !== undefined);
}

/**
 * The elements under `root` that pass `test`, in document order (the root itself only when it is a
 * document of its own, as a container joined from several parts is): a selector without the engine.
 * Given `requiredAttribute`, which every element that passes has, a document tests only those.
 */
export function descendantsWhere(
  root: ParentNode,
  test: (element: Element) => boolean,
  requiredAttribute?: string,
): Element[] {
  if (!isDocument(root)) return elementsUnder(root.children, test);
  const candidates =
    requiredAttribute === undefined
      ? allElements(root)
      : elementsWithAttribute(root, requiredAttribute);
  return candidates.filter(test);
}

/**
 * The elements among `nodes` and their descendants that pass `test`, in document order: what
 * domutils' findAll returns, by recursion rather than its explicit stacks, which it shifts and
 * unshifts at every level (a copy of the stack each time). The parser refuses trees deeper than
 * the depth limit, so the recursion stays shallow.
 */
export function elementsUnder(
  nodes: readonly AnyNode[],
  test: (element: Element) => boolean,
  result: Element[] = [],
): Element[] {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (test(node)) result.push(node);
    if (node.children.length > 0) elementsUnder(node.children, test, result);
  }
  return result;
}

/**
 * Whether a node lies inside an element that passes a test, remembering the answer for every
 * ancestor it looks at. Asked of many elements deep in a page (80,000 `<time>`s under 500 levels),
 * walking each one's ancestors again would cost elements × depth; remembered, each ancestor is
 * tested once. One per page and test: the tree must not change while it is in use.
 */
export class AncestorTest {
  /** Per element: whether it or one of its ancestors passes. */
  private readonly known = new Map<ParentNode, boolean>();

  constructor(private readonly test: (element: Element) => boolean) {}

  /** Whether an ancestor of `node` (not the node itself) passes the test. */
  isInside(node: AnyNode): boolean {
    const unknown: Element[] = [];
    let inside = false;
    for (let current = node.parent; current && isTag(current); current = current.parent) {
      const known = this.known.get(current);
      if (known !== undefined) {
        inside = known;
        break;
      }
      unknown.push(current);
    }
    // From the outermost down: an element is inside when its parent is, or when it passes itself.
    for (const element of unknown.reverse()) {
      inside = inside || this.test(element);
      this.known.set(element, inside);
    }
    return inside;
  }
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
  const value = element.attribs[name]?.trim();
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
