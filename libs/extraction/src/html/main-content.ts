import type { AnyNode, Element, ParentNode } from 'domhandler';
import { Document } from 'domhandler';
import { normalizeText } from '../text/text-normalizer';
import { uniqueSort } from 'domutils';
import { isDateline } from '../text/date-parser';
import { classifyNames } from './class-names';
import type { ClassKind } from './class-names';
import type { Deadline } from '../limits';
import {
  AncestorTest,
  attribute,
  elementsNamed,
  elementsWithAttribute,
  isHidden,
  isTag,
  isText,
} from './dom';

/**
 * Elements whose content is never article text: page furniture, scripts and forms, and figures
 * (read separately as images, so a caption never becomes a paragraph).
 */
const NOT_TEXT = new Set([
  'aside', 'audio', 'button', 'canvas', 'dialog', 'embed', 'figcaption', 'figure', 'footer',
  'form', 'header', 'iframe', 'input', 'map', 'menu', 'nav', 'noscript', 'object', 'picture',
  'script', 'select', 'style', 'svg', 'template', 'textarea', 'video',
]); // prettier-ignore

/** Elements that break the flow of text: what is on either side is a separate paragraph. */
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tr',
  'ul',
]); // prettier-ignore

/** Table cells: a row reads as one line, its cells apart by a space. */
const CELL = new Set(['td', 'th']);

/** Elements that hold a paragraph's worth of text, as opposed to containers of paragraphs. */
const PARAGRAPH = new Set(['p', 'li', 'blockquote', 'pre', 'dd', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Markup that names the article body, most specific first: `[itemprop="articleBody"]`,
 * `<article>`, `<main>`, `[role="main"]` (attribute values compared as a selector would, with
 * case).
 */
const CONTAINER_MARKUP: readonly ((document: Document) => readonly Element[])[] = [
  (document) =>
    elementsWithAttribute(document, 'itemprop').filter(
      (element) => element.attribs['itemprop'] === 'articleBody',
    ),
  (document) => elementsNamed(document, 'article'),
  (document) => elementsNamed(document, 'main'),
  (document) =>
    elementsWithAttribute(document, 'role').filter((element) => element.attribs['role'] === 'main'),
];

/**
 * A named container is trusted when it holds at least this share of the text of the element the
 * text density points at; below it, the markup names a teaser or a wrapper around something else.
 */
const NAMED_CONTAINER_SHARE = 0.5;

/** Text runs shorter than this are labels and links, not prose, when scoring containers. */
const MIN_SCORED_TEXT = 25;

/** Elements whose own text counts towards a container's score. */
const SCORED = new Set(['p', 'div', 'td', 'pre', 'blockquote']);

/**
 * Below this much text the container found while skipping furniture is suspect: on some pages a
 * wrapper around the whole article carries a furniture word, and skipping it leaves a cookie
 * banner. The search then runs again skipping only comments, as Mozilla Readability retries
 * without its "unlikely candidates" rule below the same threshold.
 */
const MIN_ARTICLE_CHARS = 500;

/** What an element is to the reader, by its tag, its visibility and its class and id words. */
type ElementKind = ClassKind | 'not-text';

interface Choice {
  container: ParentNode;
  /** Its text, as readBlocks reads it. */
  length: number;
}

/** A run of text between two block boundaries, with what the pruning rules need to know. */
interface Block {
  text: string;
  /** Characters of it inside links. */
  linkChars: number;
  /** The nearest block element around it (`p`, `li`, `h2`, `div`…). */
  tag: string;
}

/**
 * The text blocks of a container in reading order: paragraphs, subheadings, list items, quotes,
 * table rows, and text held directly by a div. Each block element (and each `<br>`) ends the
 * running text; furniture, hidden elements and figures are skipped, and so are the blocks that
 * are page furniture by their text (see isBoilerplate).
 */
export function readBlocks(container: ParentNode, deadline?: Deadline): string[] {
  return new ContentReader(deadline).readBlocks(container);
}

/**
 * Finds and reads the main content of one page, remembering what its walks learn: each element's
 * kind (every walk asks about the same elements) and each container's blocks (the search for the
 * main container measures the same elements in both of its passes, and readBlocks reads again the
 * one it chose). The tree does not change after parsing, so neither do they.
 *
 * One reader serves one page and is dropped with it. The memory is kept here rather than in
 * module-level WeakMaps keyed by the elements, with which every page's tree outlived V8's
 * young-generation collections (see PageDocument).
 *
 * Its walks tick the deadline at each element: the named containers of a page can nest in each
 * other (500 `<article>`s deep), and each is read whole.
 */
export class ContentReader {
  private readonly kinds = new Map<Element, ElementKind>();
  private readonly blocksOf = new Map<ParentNode, readonly Block[]>();
  /** Inside an element that is not text, or furniture of any kind: see isInsideFurniture. */
  private readonly insideAnyFurniture = new AncestorTest(
    (element) => this.isNotText(element) || this.isFurniture(element, true),
  );
  /** Inside an element that is not text, or comments. */
  private readonly insideComments = new AncestorTest(
    (element) => this.isNotText(element) || this.isFurniture(element, false),
  );

  constructor(private readonly deadline?: Deadline) {}

  /**
   * The element that holds the article body. The page's own markup (`itemprop=articleBody`,
   * `<article>`, `<main>`) when it holds most of the text; otherwise the element with the most
   * paragraph text: each paragraph counts fully for its parent and half for its grandparent, so the
   * winner is the element whose children are the paragraphs.
   */
  findMainContainer(document: Document): ParentNode {
    const strict = this.chooseContainer(document, true);
    if (strict.length >= MIN_ARTICLE_CHARS) return strict.container;
    const loose = this.chooseContainer(document, false);
    return loose.length > strict.length ? loose.container : strict.container;
  }

  /** See the function of the same name. */
  readBlocks(container: ParentNode): string[] {
    return this.collectBlocks(container)
      .filter((block) => !isBoilerplate(block))
      .map((block) => block.text);
  }

  private chooseContainer(document: Document, skipFurniture: boolean): Choice {
    const scores = this.scoreElements(document, skipFurniture);
    const densest = commonAncestor(highestScored(scores), scores);
    const best: Choice | null = densest ? this.withSiblings(densest, scores, skipFurniture) : null;
    for (const markup of CONTAINER_MARKUP) {
      const named = markup(document)
        .filter((element) => !this.isInsideFurniture(element, skipFurniture))
        .map((element) => ({ container: element, length: this.paragraphTextLength(element) }))
        .sort((a, b) => b.length - a.length)[0];
      if (
        named &&
        named.length > 0 &&
        named.length >= (best?.length ?? 0) * NAMED_CONTAINER_SHARE
      ) {
        return named;
      }
    }
    if (best) return best;
    const body = elementsNamed(document, 'body')[0] ?? document;
    return { container: body, length: this.paragraphTextLength(body) };
  }

  private scoreElements(document: Document, skipFurniture: boolean): Map<Element, number> {
    const scores = new Map<Element, number>();
    const credit = (element: ParentNode | null, points: number): void => {
      if (element && isTag(element)) scores.set(element, (scores.get(element) ?? 0) + points);
    };
    // Furniture is skipped here too, so a long comment thread does not win over the article.
    const visit = (parent: ParentNode): void => {
      for (const child of parent.children) {
        if (!isTag(child)) continue;
        this.deadline?.tick('finding the article body');
        const kind = this.kindOf(child);
        if (kind === 'not-text' || kind === 'comments' || (skipFurniture && kind === 'furniture')) {
          continue;
        }
        const length = SCORED.has(child.name) ? directTextLength(child) : 0;
        if (length >= MIN_SCORED_TEXT) {
          // A paragraph's container is its parent, and so is a div that holds only inline text
          // (many pages write each paragraph as one); a div that mixes text and blocks is the
          // container.
          const container =
            PARAGRAPH.has(child.name) || !hasBlockChild(child) ? child.parent : child;
          credit(container, length);
          credit(container?.parent ?? null, length / 2);
        }
        visit(child);
      }
    };
    visit(document);
    return scores;
  }

  /**
   * The container and those of its siblings that continue the article: pages split a story into
   * several blocks (a summary above the text, sections between ads), and the densest holds only
   * one. As in Mozilla Readability, a sibling joins when it scores a good share of the container,
   * or is a paragraph of prose with few links.
   */
  private withSiblings(
    container: Element,
    scores: Map<Element, number>,
    skipFurniture: boolean,
  ): Choice {
    const parent = container.parent;
    const members = (parent?.children ?? [container]).filter(
      (node): node is Element =>
        node === container ||
        (isTag(node) &&
          node.name !== 'article' &&
          !this.isNotText(node) &&
          !this.isFurniture(node, skipFurniture) &&
          this.isProse(node)),
    );
    const parts = uniqueSort([...members, ...sameKind(container, scores)]);
    if (parts.length === 1) {
      return { container, length: this.paragraphTextLength(container) };
    }
    const joined = new Document(parts);
    return { container: joined, length: this.paragraphTextLength(joined) };
  }

  /** A paragraph of running text: long enough, ends like a sentence, few links. */
  private isProse(element: Element): boolean {
    if (element.name !== 'p' && hasBlockChild(element)) return false;
    const blocks = this.collectBlocks(element);
    if (blocks.length !== 1) return false;
    const [block] = blocks;
    return (
      block !== undefined &&
      block.text.length >= 80 &&
      block.linkChars < block.text.length * 0.25 &&
      SENTENCE_END.test(block.text)
    );
  }

  private isInsideFurniture(element: Element, skipFurniture: boolean): boolean {
    return (skipFurniture ? this.insideAnyFurniture : this.insideComments).isInside(element);
  }

  /** The text a container would give, before the boilerplate rules: enough to compare containers. */
  private paragraphTextLength(container: ParentNode): number {
    return this.collectBlocks(container).reduce((sum, block) => sum + block.text.length, 0);
  }

  private collectBlocks(container: ParentNode): readonly Block[] {
    let blocks = this.blocksOf.get(container);
    if (blocks === undefined) {
      blocks = this.readContainer(container);
      this.blocksOf.set(container, blocks);
    }
    return blocks;
  }

  private readContainer(container: ParentNode): Block[] {
    const blocks: Block[] = [];
    let running = '';
    let linkChars = 0;
    const tags: string[] = [isTag(container) ? container.name : 'body'];
    const flush = (): void => {
      const text = normalizeText(running);
      if (text !== '') blocks.push({ text, linkChars, tag: tags[tags.length - 1] ?? 'div' });
      running = '';
      linkChars = 0;
    };
    const visit = (node: AnyNode, inLink: boolean): void => {
      if (isText(node)) {
        running += node.data;
        if (inLink) linkChars += visibleLength(node.data);
        return;
      }
      if (!isTag(node) || this.isSkipped(node)) return;
      this.deadline?.tick('reading the article body');
      const block = BLOCK.has(node.name);
      if (block) {
        flush();
        tags.push(node.name);
      }
      if (CELL.has(node.name)) running += ' ';
      const link = inLink || node.name === 'a';
      for (const child of node.children) visit(child, link);
      if (block) {
        flush();
        tags.pop();
      }
    };
    for (const child of container.children) visit(child, false);
    flush();
    return blocks;
  }

  private isSkipped(element: Element): boolean {
    return this.isNotText(element) || this.isFurniture(element, true);
  }

  private kindOf(element: Element): ElementKind {
    const { attribs } = element;
    // Most elements have no class, id or itemprop: their kind is quicker to tell than to look up.
    if (
      attribs['class'] === undefined &&
      attribs['id'] === undefined &&
      attribs['itemprop'] === undefined
    ) {
      return isNotTextElement(element) ? 'not-text' : 'neutral';
    }
    let kind = this.kinds.get(element);
    if (kind === undefined) {
      kind = isNotTextElement(element) ? 'not-text' : classify(element);
      this.kinds.set(element, kind);
    }
    return kind;
  }

  private isNotText(element: Element): boolean {
    return this.kindOf(element) === 'not-text';
  }

  private isFurniture(element: Element, includeOtherThanComments: boolean): boolean {
    const kind = this.kindOf(element);
    return kind === 'comments' || (includeOtherThanComments && kind === 'furniture');
  }
}

function highestScored(scores: Map<Element, number>): Element | null {
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) [best, bestScore] = [element, score];
  }
  return best;
}

/** Runners-up scoring at least this share of the winner are parts of the same article. */
const RUNNER_UP_SHARE = 0.75;
/** How many of them must share an ancestor with the winner for it to take over. */
const RUNNERS_UP_TO_MERGE = 1;

/**
 * Some pages split the article into sections with furniture between them, so that several
 * elements score almost as high as the winner. When enough of them sit under one ancestor of the
 * winner, that ancestor is the article (Mozilla Readability's rule for "alternative candidates").
 */
function commonAncestor(winner: Element | null, scores: Map<Element, number>): Element | null {
  if (winner === null) return null;
  const top = scores.get(winner) ?? 0;
  const runnersUp = [...scores]
    .filter(([element, score]) => element !== winner && score >= top * RUNNER_UP_SHARE)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([element]) => element);
  if (runnersUp.length < RUNNERS_UP_TO_MERGE) return winner;
  for (let node = winner.parent; node && isTag(node) && node.name !== 'body'; node = node.parent) {
    const inside = runnersUp.filter((element) => contains(node, element)).length;
    if (inside >= RUNNERS_UP_TO_MERGE) return node;
  }
  return winner;
}

function contains(ancestor: Element, node: AnyNode): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}

/** Elements of the winner's tag and class scoring at least this share of it continue it. */
const SAME_KIND_SHARE = 0.1;

/**
 * Other elements with the winner's tag and class: a page that splits its story into sections
 * (between ads, pull quotes or pictures) gives each section the same markup.
 */
function sameKind(winner: Element, scores: Map<Element, number>): Element[] {
  const className = attribute(winner, 'class');
  if (className === null) return [];
  const floor = (scores.get(winner) ?? 0) * SAME_KIND_SHARE;
  return [...scores]
    .filter(
      ([element, score]) =>
        element !== winner &&
        score >= floor &&
        element.name === winner.name &&
        attribute(element, 'class') === className &&
        !contains(winner, element) &&
        !contains(element, winner),
    )
    .map(([element]) => element);
}

function hasBlockChild(element: Element): boolean {
  return element.children.some(
    (child) => isTag(child) && BLOCK.has(child.name) && child.name !== 'br',
  );
}

/** Text in the element's own text nodes and inline children, not in nested blocks. */
function directTextLength(element: Element): number {
  let length = 0;
  const visit = (node: AnyNode, inLink: boolean): void => {
    if (isText(node)) {
      // Link text does not count: a run of links is a menu or a tag cloud, not prose.
      if (!inLink) length += visibleLength(node.data);
    } else if (isTag(node) && !BLOCK.has(node.name) && !NOT_TEXT.has(node.name)) {
      for (const child of node.children) visit(child, inLink || node.name === 'a');
    }
  };
  for (const child of element.children) visit(child, false);
  return length;
}

/** About the length normalizeText would leave, without building the string: scoring needs no more. */
function visibleLength(text: string): number {
  let length = 0;
  let space = true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const isSpace = code === 32 || (code >= 9 && code <= 13) || code === 160;
    if (!isSpace || !space) length++;
    space = isSpace;
  }
  return space && length > 0 ? length - 1 : length;
}

/** At most this many characters, a block can be a label ("Share this", "Tags", "Advertisement"). */
const LABEL_CHARS = 40;

/** A block that is all address, or the copyright line of a page footer. */
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/i;
/** "By Jane Doe", "Por Ana Gómez": a byline, when short and not a sentence. */
const BYLINE = /^(?:[Bb]y|[Pp]or|[Vv]on|[Pp]ar|[Dd]i)\s+\p{Lu}[^.!?]*$/u;
/** isDateline only asks whether a line is all dates, so any reference time will do. */
const EPOCH = new Date(0);
const SENTENCE_END = /[.!?:;"”»…]$/;
/** Elements an author writes text in: even a short one is part of the story. */
const WRITTEN_BLOCK = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'p']);
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)/i;

/**
 * Text that the markup does not mark as furniture but no reader counts as the article: a run of
 * links, a bare URL, a copyright line, a byline, a line of dates, a label.
 */
function isBoilerplate(block: Block): boolean {
  const { text } = block;
  if (isLinkRun(block) || URL_ONLY.test(text)) return true;
  if (COPYRIGHT.test(text) && text.length < 200) return true;
  if (text.length > LABEL_CHARS * 2) return false;
  if (BYLINE.test(text)) return true;
  if (/\d/.test(text) && isDateline(text, EPOCH)) return true;
  return isLabel(block);
}

/**
 * A word or three outside any paragraph, heading or list item, with no sentence punctuation:
 * "Advertisement", "Share", "Tags", "Close", "Back to Gallery".
 */
function isLabel({ text, tag }: Block): boolean {
  return (
    text.length <= LABEL_CHARS &&
    !WRITTEN_BLOCK.has(tag) &&
    text.split(' ').length <= 3 &&
    !SENTENCE_END.test(text)
  );
}

function isLinkRun({ text, linkChars }: Block): boolean {
  return linkChars > 0 && linkChars >= text.length * 0.5 && text.length < 200;
}

/**
 * `<form>` is furniture (search boxes, sign-up forms), except the form an ASP.NET WebForms page
 * wraps its whole body in.
 */
function isNotTextElement(element: Element): boolean {
  if (isHidden(element)) return true;
  if (element.name === 'form')
    return !(element.parent && isTag(element.parent) && element.parent.name === 'body');
  return NOT_TEXT.has(element.name);
}

function classify(element: Element): ClassKind {
  if (element.name === 'html' || element.name === 'body' || element.name === 'article') {
    return 'neutral';
  }
  if (attribute(element, 'itemprop') === 'articleBody') return 'content';
  return classifyNames(attribute(element, 'class'), attribute(element, 'id'));
}
