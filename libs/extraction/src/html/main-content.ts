import type { AnyNode, Element, ParentNode } from 'domhandler';
import { Document, isDocument } from 'domhandler';
import { normalizeBodyText } from '../text/text-normalizer';
import { textContent, uniqueSort } from 'domutils';
import { isDateline } from '../text/date-parser';
import { isBoilerplateLine, isNotice, opensFurnitureSection } from '../text/boilerplate-lines';
import { classifyNames, isStandfirstName } from './class-names';
import type { ClassKind } from './class-names';
import type { Deadline } from '../limits';
import {
  AncestorTest,
  attribute,
  elementsNamed,
  elementsUnder,
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
  'address', 'article', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figure', 'h1',
  'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tr', 'ul',
]); // prettier-ignore

/** Lists: their items know which list they belong to (see writtenLists). */
const LIST = new Set(['ul', 'ol']);

/** Bold text: a line all in it, between `<br>`s or alone in a div, is a subheading. */
const STRONG = new Set(['b', 'strong']);

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

/**
 * Elements whose own text counts towards a container's score. Sections, articles and `<main>` too:
 * some pages write their text straight into one, between `<br>`s or in spans, with no `<p>`; left
 * out, the densest element was whatever else held text, often a footer line that is boilerplate,
 * and the page had no article text at all.
 */
const SCORED = new Set([
  'p', 'div', 'td', 'pre', 'blockquote', 'section', 'article', 'main', 'center',
]); // prettier-ignore

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
  /** Characters of it inside `<b>` or `<strong>`: all of them, and it is a subheading. */
  strongChars: number;
  /** For a list item: which list of the container it is in (numbered in reading order). */
  list: number | null;
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

  /**
   * The page's own standfirst, when the container leaves it out: the paragraph that sums up the
   * story, named so by its class (`p.intro`, `div.entry-excerpt`, `.teaser-text`; see
   * isStandfirstName), in the article's header or just before the container: in the previous
   * siblings of the container and of its nearest ancestors. A teaser elsewhere on the page (of
   * another story, in a sidebar) is not adjacent, and not taken.
   */
  findStandfirst(container: ParentNode): string | null {
    const first = isDocument(container) ? container.children.find(isTag) : container;
    if (!first || !isTag(first)) return null;
    const inHeader = this.standfirstIn(headersOf(first));
    if (inHeader !== null) return inHeader;
    let node: Element = first;
    for (let level = 0; level < STANDFIRST_LEVELS; level++) {
      let sibling = node.prev;
      for (let seen = 0; sibling && seen < STANDFIRST_SIBLINGS; sibling = sibling.prev) {
        if (!isTag(sibling)) continue;
        seen++;
        // Another story, or a part of the page that is no part of this one, ends the search.
        if (sibling.name === 'article' || this.isNotStoryPart(sibling)) break;
        const found = this.standfirstIn([sibling]);
        if (found !== null) return found;
      }
      const parent = node.parent;
      if (!parent || !isTag(parent) || parent.name === 'body') break;
      node = parent;
    }
    return null;
  }

  /** The text of the first standfirst among `elements` and under them, if it reads as one. */
  private standfirstIn(elements: readonly Element[]): string | null {
    const named = elementsUnder(elements, (element) =>
      isStandfirstName(attribute(element, 'class'), attribute(element, 'id')),
    );
    for (const element of named) {
      if (this.isInsideFurniture(element, true) && !isInsideHeader(element)) continue;
      // A teaser inside a link is a card pointing elsewhere ("Watch live: …").
      if (isInsideLink(element)) continue;
      const blocks = this.collectBlocks(element).filter((block) => !isBoilerplate(block, NO_LISTS));
      const text = blocks.map((block) => block.text).join(' ');
      const links = blocks.reduce((sum, block) => sum + block.linkChars, 0);
      if (
        text.length >= STANDFIRST_MIN_CHARS &&
        text.length <= STANDFIRST_MAX_CHARS &&
        links < text.length * STANDFIRST_LINK_SHARE &&
        !isTitleCase(text)
      ) {
        return text;
      }
    }
    return null;
  }

  /** Navigation, asides, forms and furniture by class: never the header of this story. */
  private isNotStoryPart(element: Element): boolean {
    if (element.name === 'header') return false;
    return this.isNotText(element) || this.isFurniture(element, true);
  }

  /** See the function of the same name. */
  readBlocks(container: ParentNode): string[] {
    const blocks = this.collectBlocks(container);
    const written = writtenLists(blocks);
    return blocks
      .slice(0, furnitureTailStart(blocks))
      .filter((block) => !isBoilerplate(block, written))
      .map((block) => block.text);
  }

  private chooseContainer(document: Document, skipFurniture: boolean): Choice {
    const scores = this.scoreElements(document, skipFurniture);
    const densest = commonAncestor(highestScored(scores), scores);
    const best: Choice | null = densest ? this.withSiblings(densest, scores, skipFurniture) : null;
    for (const markup of CONTAINER_MARKUP) {
      const named = markup(document)
        .filter(
          (element) =>
            !this.isInsideFurniture(element, skipFurniture) && !opensWithFurnitureHeading(element),
        )
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
        if (opensWithFurnitureHeading(child)) continue;
        const length = SCORED.has(child.name) ? directTextLength(child) : 0;
        if (length >= MIN_SCORED_TEXT && !isNoticeParagraph(child, length)) {
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

  /**
   * The text a container would give, less its runs of links: enough to compare containers. A
   * `<main>` or an `<article>` of teaser links measured with its links won over a story written
   * without `<p>`s beside it, and gave a body of link runs, all dropped: no article text at all.
   */
  private paragraphTextLength(container: ParentNode): number {
    return this.collectBlocks(container).reduce(
      (sum, block) => (isLinkRun(block) ? sum : sum + block.text.length),
      0,
    );
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
    let strongChars = 0;
    let lists = 0;
    const tags: string[] = [isTag(container) ? container.name : 'body'];
    const openLists: number[] = [];
    const flush = (): void => {
      const text = normalizeBodyText(running);
      if (text !== '') {
        const tag = tags[tags.length - 1] ?? 'div';
        const list = tag === 'li' ? (openLists[openLists.length - 1] ?? null) : null;
        blocks.push({ text, linkChars, tag, strongChars, list });
      }
      running = '';
      linkChars = 0;
      strongChars = 0;
    };
    const visit = (node: AnyNode, inLink: boolean, inStrong: boolean): void => {
      if (isText(node)) {
        running += node.data;
        if (inLink) linkChars += visibleLength(node.data);
        if (inStrong) strongChars += visibleLength(node.data);
        return;
      }
      if (!isTag(node) || this.isSkipped(node)) return;
      this.deadline?.tick('reading the article body');
      const block = BLOCK.has(node.name);
      if (block) {
        flush();
        tags.push(node.name);
      }
      const list = LIST.has(node.name);
      if (list) openLists.push(lists++);
      if (CELL.has(node.name)) running += ' ';
      const link = inLink || node.name === 'a';
      const strong = inStrong || STRONG.has(node.name);
      for (const child of node.children) visit(child, link, strong);
      if (list) openLists.pop();
      if (block) {
        flush();
        tags.pop();
      }
    };
    for (const child of container.children) visit(child, false, false);
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

/** How far up from the container the standfirst is looked for, and how many siblings back. */
const STANDFIRST_LEVELS = 3;
const STANDFIRST_SIBLINGS = 3;
/** A standfirst is a sentence or a few: shorter is a label, longer a story of its own. */
const STANDFIRST_MIN_CHARS = 40;
const STANDFIRST_MAX_CHARS = 800;
/** A standfirst is written text: a teaser that is mostly a link points to another story. */
const STANDFIRST_LINK_SHARE = 0.5;
const NO_LISTS: ReadonlySet<number> = new Set();

/** Past this share of capitalised words (of TITLE_CASE_MIN_WORDS or more), a line is a headline. */
const TITLE_CASE_SHARE = 0.6;
const TITLE_CASE_MIN_WORDS = 4;

/**
 * A headline in title case ("NASA Just Confirmed There Are Water Plumes"): a teaser block's title,
 * which its class names as the teaser too, not the standfirst.
 */
function isTitleCase(text: string): boolean {
  const words = text.split(' ').filter((word) => /^\p{L}/u.test(word));
  if (words.length < TITLE_CASE_MIN_WORDS) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalised > words.length * TITLE_CASE_SHARE;
}

/**
 * The `<header>`s of the container (the article's own header, skipped as furniture when read), in
 * its top STANDFIRST_LEVELS levels: the story's header is near the top, and the container need
 * not be walked whole.
 */
function headersOf(container: Element): Element[] {
  if (container.name === 'header') return [container];
  const headers: Element[] = [];
  const visit = (parent: Element, depth: number): void => {
    for (const child of parent.children) {
      if (!isTag(child)) continue;
      if (child.name === 'header') headers.push(child);
      else if (depth < STANDFIRST_LEVELS) visit(child, depth + 1);
    }
  };
  visit(container, 1);
  return headers;
}

function isInsideHeader(element: Element): boolean {
  return hasAncestorNamed(element, 'header');
}

function isInsideLink(element: Element): boolean {
  return hasAncestorNamed(element, 'a');
}

function hasAncestorNamed(element: Element, name: string): boolean {
  for (let node = element.parent; node && isTag(node); node = node.parent) {
    if (node.name === name) return true;
  }
  return false;
}

const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * A box whose first element is a heading such as "You might also like" or "Comments": a list of
 * other stories or of readers' words, whatever its markup (an `<article>` of `<article>`s). It
 * holds more text than a short story, and is never the story.
 */
function opensWithFurnitureHeading(element: Element): boolean {
  const first = element.children.find(isTag);
  if (first === undefined || !HEADING.has(first.name)) return false;
  return opensFurnitureSection(normalizeBodyText(textContent(first)));
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

/**
 * A notice is a paragraph or a few: a cookie banner's, a paywall's, an advertiser's. Longer text is
 * not read for one, which keeps the words' patterns off most of the prose.
 */
const NOTICE_MAX_CHARS = 600;

/**
 * A paragraph that is a notice by its words (see isNotice) scores nothing: a cookie banner or a
 * paywall box often holds more text than a short story, and without class names to tell, it won.
 */
function isNoticeParagraph(element: Element, length: number): boolean {
  return length <= NOTICE_MAX_CHARS && isNotice(textContent(element));
}

/**
 * When the text after a heading that opens a section of furniture ("You might also like", "About
 * the author", "Was this article helpful?") is at most this share of the text before it, the
 * section is the container's tail and goes with the heading; more, and the story goes on after it
 * (a "Read more" box in the middle of the text), so only the heading goes.
 */
const FURNITURE_TAIL_SHARE = 0.5;
/**
 * A tail of furniture holds at most this many paragraphs of prose (an author's bio, one teaser);
 * more, and the heading was a box inside the story ("Don't miss") with the story going on after.
 */
const MAX_PROSE_IN_TAIL = 1;
/** A block this long that ends like a sentence, with few links, is prose. */
const PROSE_CHARS = 80;

/** Where the furniture at the end of a container starts: blocks.length when it has none. */
function furnitureTailStart(blocks: readonly Block[]): number {
  const total = blocks.reduce((sum, block) => sum + block.text.length, 0);
  let before = 0;
  for (const [index, block] of blocks.entries()) {
    if (index > 0 && opensFurnitureSection(block.text)) {
      const after = total - before - block.text.length;
      const prose = blocks.slice(index + 1).filter(isProseBlock).length;
      if (after <= before * FURNITURE_TAIL_SHARE && prose <= MAX_PROSE_IN_TAIL) return index;
    }
    before += block.text.length;
  }
  return blocks.length;
}

function isProseBlock(block: Block): boolean {
  return (
    block.text.length >= PROSE_CHARS &&
    block.linkChars < block.text.length * 0.25 &&
    SENTENCE_END.test(block.text)
  );
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
/**
 * Elements an author writes text in: even a short one is part of the story. A table row and a
 * code block too: "Population 3.6m" and `npm install` are short, and no label; and a figure, read
 * only when it holds a table or code (see holdsText).
 */
const WRITTEN_BLOCK = new Set([
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'p',
  'pre',
  'tr',
]);
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)/i;

/**
 * Text that the markup does not mark as furniture but no reader counts as the article: a run of
 * links, a bare URL, a copyright line, a byline, a line of dates, a label.
 */
function isBoilerplate(block: Block, writtenLists: ReadonlySet<number>): boolean {
  const { text } = block;
  // A linked item of a list that also has items of plain text is part of that list: an
  // ingredient linked to a glossary, a step linked to a tool.
  const keptLink = block.list !== null && writtenLists.has(block.list);
  if ((isLinkRun(block) && !keptLink) || URL_ONLY.test(text)) return true;
  if (COPYRIGHT.test(text) && text.length < 200) return true;
  if (isBoilerplateLine(text)) return true;
  if (text.length > LABEL_CHARS * 2) return false;
  if (BYLINE.test(text)) return true;
  if (/\d/.test(text) && isDateline(text, EPOCH)) return true;
  return isLabel(block);
}

/**
 * A word or three outside any paragraph, heading or list item, with no sentence punctuation:
 * "Advertisement", "Share", "Tags", "Close", "Back to Gallery".
 */
function isLabel({ text, tag, strongChars }: Block): boolean {
  return (
    text.length <= LABEL_CHARS &&
    !WRITTEN_BLOCK.has(tag) &&
    // A bold line is the author's subheading, where the page writes its paragraphs without tags.
    strongChars < text.length &&
    text.split(' ').length <= 3 &&
    !SENTENCE_END.test(text)
  );
}

/** The lists of a container with at least one item that is not a run of links. */
function writtenLists(blocks: readonly Block[]): Set<number> {
  const lists = new Set<number>();
  for (const block of blocks) {
    if (block.list !== null && !isLinkRun(block)) lists.add(block.list);
  }
  return lists;
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
  if (element.name === 'figure') return !holdsText(element);
  return NOT_TEXT.has(element.name);
}

/** What a `<figure>` may hold that is text, not a picture: WordPress wraps tables and code in one. */
const FIGURE_TEXT = new Set(['table', 'pre', 'code', 'blockquote']);

function holdsText(figure: Element): boolean {
  return figure.children.some((child) => isTag(child) && FIGURE_TEXT.has(child.name));
}

function classify(element: Element): ClassKind {
  if (element.name === 'html' || element.name === 'body' || element.name === 'article') {
    return 'neutral';
  }
  if (attribute(element, 'itemprop') === 'articleBody') return 'content';
  return classifyNames(attribute(element, 'class'), attribute(element, 'id'));
}
