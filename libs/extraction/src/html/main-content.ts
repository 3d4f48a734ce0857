import type { AnyNode, Document, Element, ParentNode } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { normalizeText } from '../text/text-normalizer';
import { attribute, isHidden, select } from './dom';

/**
 * Elements whose content is never article text: page furniture, scripts and forms, and figures
 * (read separately as images, so a caption never becomes a paragraph).
 */
const NOT_TEXT = new Set([
  'aside', 'audio', 'button', 'canvas', 'dialog', 'embed', 'figcaption', 'figure', 'footer',
  'form', 'header', 'iframe', 'input', 'map', 'menu', 'nav', 'noscript', 'object', 'picture',
  'script', 'select', 'style', 'svg', 'template', 'textarea', 'video',
]); // prettier-ignore

/**
 * Class or id words of reader comments. A comment thread can hold more text than the article it
 * follows, and never wraps it, so it is skipped everywhere.
 */
const COMMENTS = /(?:^|[\s_-])(?:comments?|comment-list|replies|disqus)(?:$|[\s_-])/i;

/**
 * Class or id words that mark other page furniture: share bars, related links, newsletter boxes,
 * ads, side columns, tag lists, bylines. Some layouts also put these words on a wrapper around the
 * whole article (`penci_sidebar`, `m-advertisement-off-canvas--pusher`); see MIN_ARTICLE_CHARS.
 */
const FURNITURE =
  /(?:^|[\s_-])(?:share|sharing|social|related|newsletter|subscribe|subscription|promo|advert|advertisement|ad-slot|ads|sidebar|rail|breadcrumbs?|byline|tags|paywall|recirc|most-popular|trending|read-more|see-also)(?:$|[\s_-])/i;

/**
 * Class or id words of wrappers that hold the article along with furniture (a WordPress
 * `site-content has-sidebar`): such an element is not furniture, as in Mozilla Readability's
 * "unlikely candidates" rule.
 */
const CONTENT = /article|body|content|main|column|entry|post|story|text/i;

/** Elements that break the flow of text: what is on either side is a separate paragraph. */
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td',
  'th', 'tr', 'ul',
]); // prettier-ignore

/** Elements that hold a paragraph's worth of text, as opposed to containers of paragraphs. */
const PARAGRAPH = new Set(['p', 'li', 'blockquote', 'pre', 'dd', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Markup that names the article body, most specific first. */
const CONTAINER_SELECTORS = ['[itemprop="articleBody"]', 'article', 'main', '[role="main"]'];

/**
 * A named container is trusted when it holds at least this share of the text of the element the
 * text density points at; below it, the markup names a teaser or a wrapper around something else.
 */
const NAMED_CONTAINER_SHARE = 0.5;

/** Text runs shorter than this are labels and links, not prose, when scoring containers. */
const MIN_SCORED_TEXT = 25;

/**
 * Below this much text the container found while skipping furniture is suspect: on some pages a
 * wrapper around the whole article carries a furniture word, and skipping it leaves a cookie
 * banner. The search then runs again skipping only comments, as Mozilla Readability retries
 * without its "unlikely candidates" rule below the same threshold.
 */
const MIN_ARTICLE_CHARS = 500;

/**
 * The element that holds the article body. The page's own markup (`itemprop=articleBody`,
 * `<article>`, `<main>`) when it holds most of the text; otherwise the element with the most
 * paragraph text: each paragraph counts fully for its parent and half for its grandparent, so the
 * winner is the element whose children are the paragraphs.
 */
export function findMainContainer(document: Document): ParentNode {
  const strict = chooseContainer(document, true);
  if (strict.length >= MIN_ARTICLE_CHARS) return strict.container;
  const loose = chooseContainer(document, false);
  return loose.length > strict.length ? loose.container : strict.container;
}

interface Choice {
  container: ParentNode;
  /** Its text, as readBlocks reads it. */
  length: number;
}

function chooseContainer(document: Document, skipFurniture: boolean): Choice {
  const densest = densestElement(document, skipFurniture);
  const best: Choice | null = densest
    ? { container: densest, length: paragraphTextLength(densest) }
    : null;
  for (const selector of CONTAINER_SELECTORS) {
    const named = select(selector, document)
      .filter((element) => !isInsideFurniture(element, skipFurniture))
      .map((element) => ({ container: element, length: paragraphTextLength(element) }))
      .sort((a, b) => b.length - a.length)[0];
    if (named && named.length > 0 && named.length >= (best?.length ?? 0) * NAMED_CONTAINER_SHARE) {
      return named;
    }
  }
  if (best) return best;
  const body = select('body', document)[0] ?? document;
  return { container: body, length: paragraphTextLength(body) };
}

/** Elements whose own text counts towards a container's score. */
const SCORED = new Set(['p', 'div', 'td', 'pre', 'blockquote']);

function densestElement(document: Document, skipFurniture: boolean): Element | null {
  const scores = new Map<Element, number>();
  const credit = (element: ParentNode | null, points: number): void => {
    if (element && isTag(element)) scores.set(element, (scores.get(element) ?? 0) + points);
  };
  // Furniture is skipped here too, so a long comment thread does not win over the article.
  const visit = (parent: ParentNode): void => {
    for (const child of parent.children) {
      if (!isTag(child) || isNotText(child) || isFurniture(child, skipFurniture)) continue;
      const length = SCORED.has(child.name) ? directTextLength(child) : 0;
      if (length >= MIN_SCORED_TEXT) {
        // A paragraph's container is its parent; a div that holds text itself is the container.
        const container = PARAGRAPH.has(child.name) ? child.parent : child;
        credit(container, length);
        credit(container?.parent ?? null, length / 2);
      }
      visit(child);
    }
  };
  visit(document);
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) [best, bestScore] = [element, score];
  }
  return best;
}

function isInsideFurniture(element: Element, skipFurniture: boolean): boolean {
  for (let node: ParentNode | null = element.parent; node && isTag(node); node = node.parent) {
    if (isNotText(node) || isFurniture(node, skipFurniture)) return true;
  }
  return false;
}

/** Text in the element's own text nodes and inline children, not in nested blocks. */
function directTextLength(element: Element): number {
  let length = 0;
  const visit = (node: AnyNode): void => {
    if (isText(node)) length += normalizeText(node.data).length;
    else if (isTag(node) && !BLOCK.has(node.name) && !NOT_TEXT.has(node.name)) {
      node.children.forEach(visit);
    }
  };
  element.children.forEach(visit);
  return length;
}

function paragraphTextLength(container: ParentNode): number {
  return readBlocks(container).reduce((sum, block) => sum + block.length, 0);
}

/**
 * The text blocks of a container in reading order: paragraphs, subheadings, list items, quotes,
 * and text held directly by a div. Each block element (and each `<br>`) ends the running text;
 * furniture, hidden elements and figures are skipped.
 */
export function readBlocks(container: ParentNode): string[] {
  const blocks: string[] = [];
  let running = '';
  const flush = (): void => {
    const text = normalizeText(running);
    if (text !== '') blocks.push(text);
    running = '';
  };
  const visit = (node: AnyNode): void => {
    if (isText(node)) {
      running += node.data;
      return;
    }
    if (!isTag(node) || isSkipped(node)) return;
    const block = BLOCK.has(node.name);
    if (block) flush();
    node.children.forEach(visit);
    if (block) flush();
  };
  container.children.forEach(visit);
  flush();
  return blocks;
}

function isSkipped(element: Element): boolean {
  return isNotText(element) || isFurniture(element, true);
}

/**
 * `<form>` is furniture (search boxes, sign-up forms), except the form an ASP.NET WebForms page
 * wraps its whole body in.
 */
function isNotText(element: Element): boolean {
  if (isHidden(element)) return true;
  if (element.name === 'form')
    return !(element.parent && isTag(element.parent) && element.parent.name === 'body');
  return NOT_TEXT.has(element.name);
}

function isFurniture(element: Element, includeOtherThanComments: boolean): boolean {
  if (element.name === 'html' || element.name === 'body' || element.name === 'article') {
    return false;
  }
  const names = `${attribute(element, 'class') ?? ''} ${attribute(element, 'id') ?? ''}`;
  if (COMMENTS.test(names)) return true;
  return (
    includeOtherThanComments &&
    FURNITURE.test(names) &&
    !CONTENT.test(names) &&
    attribute(element, 'itemprop') !== 'articleBody'
  );
}
