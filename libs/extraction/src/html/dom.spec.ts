import { findAll } from 'domutils';
import { Document } from 'domhandler';
import { ExtractionError } from '../extraction.error';
import { Deadline, TICKS_PER_LOOK } from '../limits';
import {
  AncestorTest,
  descendantsWhere,
  elementsNamed,
  elementsUnder,
  elementsWithAttribute,
  parseHtml,
  PageDocument,
  select,
} from './dom';

const PAGE = `<html><body>
  <div id="a" role="main"><p class="x">One <b>bold</b></p><script>var x = '<p>';</script></div>
  <section itemprop="articleBody"><div><span itemprop="author" class="byline">Ann</span></div></section>
  <p role="note">Two</p>
</body></html>`;

describe(elementsUnder.name, () => {
  it('finds what domutils findAll finds, in the same order', () => {
    const document = parseHtml(PAGE);
    const tests = [() => true, (element: { name: string }) => element.name === 'p'];
    for (const test of tests) {
      expect(elementsUnder(document.children, test)).toEqual(findAll(test, document.children));
    }
  });
});

describe(elementsWithAttribute.name, () => {
  it('lists the elements that have the attribute, in document order', () => {
    const document = parseHtml(PAGE);
    expect(elementsWithAttribute(document, 'role').map((element) => element.name)).toEqual([
      'div',
      'p',
    ]);
    expect(elementsWithAttribute(document, 'itemprop').map((element) => element.name)).toEqual([
      'section',
      'span',
    ]);
    expect(elementsWithAttribute(document, 'hidden')).toEqual([]);
  });
});

describe(PageDocument.name, () => {
  it('answers from its indexes what a walk of a plain document of the same nodes answers', () => {
    const page = parseHtml(PAGE);
    const plain = new Document(page.children);
    const names = (elements: readonly { name: string }[]): string[] =>
      elements.map((element) => element.name);

    expect(page).toBeInstanceOf(PageDocument);
    for (const tag of ['p', 'div', 'script', 'table']) {
      expect(elementsNamed(page, tag)).toEqual(elementsNamed(plain, tag));
    }
    for (const attribute of ['role', 'itemprop', 'class', 'hidden']) {
      expect(elementsWithAttribute(page, attribute)).toEqual(
        elementsWithAttribute(plain, attribute),
      );
    }
    expect(names(select('p, [itemprop]', page))).toEqual(['p', 'section', 'span', 'p']);
    expect(select('p, [itemprop]', plain)).toEqual(select('p, [itemprop]', page));
  });
});

describe(descendantsWhere.name, () => {
  it('gives the same answer with or without the attribute every match has', () => {
    const document = parseHtml(PAGE);
    const test = ({ attribs }: { attribs: Record<string, string> }): boolean =>
      attribs['class'] === 'byline';
    const [section] = elementsWithAttribute(document, 'itemprop');
    expect(descendantsWhere(document, test, 'class')).toEqual(descendantsWhere(document, test));
    expect(descendantsWhere(section!, test, 'class')).toEqual(descendantsWhere(section!, test));
    expect(descendantsWhere(document, test).map((element) => element.name)).toEqual(['span']);
  });
});

describe(parseHtml.name, () => {
  const page = `<html><head><style>p { color: red }</style>
    <script>var nav = '<p>menu</p>';</script>
    <script type="application/ld+json">{"@type": "NewsArticle"}</script></head>
    <body><p>One<!-- an editor's note --> two</p></body></html>`;

  it('keeps the text of JSON scripts and of the page, not of style sheets, other scripts or comments', () => {
    const document = parseHtml(page);
    const texts = (name: string) =>
      findAll((element) => element.name === name, document.children).map((element) =>
        element.children.map((child) => ('data' in child ? child.data : `<${child.type}>`)),
      );

    expect(texts('style')).toEqual([[]]);
    expect(texts('script')).toEqual([[], ['{"@type": "NewsArticle"}']]);
    // Two text nodes either side of where the comment was, as there were with the comment.
    expect(texts('p')).toEqual([['One', ' two']]);
  });
});

describe(`${parseHtml.name} and the deadline`, () => {
  it('looks at the deadline while it parses, not only once it is done', () => {
    let looks = 0;
    // Spent from the second look on: the first is the deadline's own start.
    const deadline = new Deadline(1_000, () => (looks++ === 0 ? 0 : 5_000));
    const page = `<html><body>${'<b>x</b>'.repeat(TICKS_PER_LOOK)}</body></html>`;
    expect(() => parseHtml(page, 500, deadline)).toThrow(
      new ExtractionError('time-budget', 'extraction took longer than 1000 ms (at parsing)'),
    );
    expect(() => parseHtml(page, 500)).not.toThrow();
  });
});

describe(AncestorTest.name, () => {
  const page = `<html><body><nav><ul><li><a id="in-nav">Home</a></li></ul></nav>
    <div><p><a id="in-text">Story</a></p></div></body></html>`;
  const byId = (document: Document, id: string) =>
    findAll((element) => element.attribs['id'] === id, document.children)[0]!;

  it('tells whether an ancestor passes the test, not the node itself', () => {
    const document = parseHtml(page);
    const inNav = new AncestorTest((element) => element.name === 'nav');
    expect(inNav.isInside(byId(document, 'in-nav'))).toBe(true);
    expect(inNav.isInside(byId(document, 'in-text'))).toBe(false);
    const inLink = new AncestorTest((element) => element.name === 'a');
    expect(inLink.isInside(byId(document, 'in-nav'))).toBe(false);
  });

  it('tests each ancestor once, however many elements below it are asked about', () => {
    const document = parseHtml(
      `<html><body>${'<div>'.repeat(400)}${'<time>x</time>'.repeat(1_000)}</body></html>`,
    );
    let tests = 0;
    const inAside = new AncestorTest((element) => {
      tests += 1;
      return element.name === 'aside';
    });
    const times = findAll((element) => element.name === 'time', document.children);
    expect(times.some((time) => inAside.isInside(time))).toBe(false);
    // html, body and the 400 divs, once each.
    expect(tests).toBe(402);
  });
});
