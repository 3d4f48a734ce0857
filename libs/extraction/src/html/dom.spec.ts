import { findAll } from 'domutils';
import { descendantsWhere, elementsUnder, elementsWithAttribute, parseHtml } from './dom';

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
