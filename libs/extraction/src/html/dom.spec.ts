import { findAll } from 'domutils';
import { Document } from 'domhandler';
import {
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
