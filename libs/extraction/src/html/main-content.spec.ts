import { parseHtml } from './dom';
import { findMainContainer, readBlocks } from './main-content';

const sentence = (topic: string): string =>
  `This is a long enough sentence about ${topic} to count as the prose of a news article.`;

function bodyOf(html: string): string[] {
  return readBlocks(findMainContainer(parseHtml(html)));
}

describe(findMainContainer.name, () => {
  it('prefers the articleBody the page names over a longer block elsewhere', () => {
    const blocks = bodyOf(`<body>
      <div itemprop="articleBody"><p>${sentence('the dam')}</p><p>${sentence('the flood')}</p></div>
      <div class="promo-box"><p>${sentence('a promotion')}</p></div></body>`);
    expect(blocks).toEqual([sentence('the dam'), sentence('the flood')]);
  });

  it('ignores a named <article> that holds only a teaser', () => {
    const blocks = bodyOf(`<body>
      <article><p>${sentence('a teaser')}</p></article>
      <div id="story">${['one', 'two', 'three', 'four'].map((n) => `<p>${sentence(n)}</p>`).join('')}</div></body>`);
    expect(blocks).toEqual(['one', 'two', 'three', 'four'].map(sentence));
  });

  it('never picks the comment thread, even when it has more text than the article', () => {
    const comments = ['c1', 'c2', 'c3', 'c4', 'c5']
      .map((c) => `<li><p>${sentence(c)}</p></li>`)
      .join('');
    const blocks = bodyOf(`<body><div class="post"><p>${sentence('the post')}</p></div>
      <div id="comments" class="comments-area post-comments"><ul>${comments}</ul></div></body>`);
    expect(blocks).toEqual([sentence('the post')]);
  });

  it('reads a page whose wrapper carries a furniture word when nothing else holds the article', () => {
    const article = ['one', 'two', 'three', 'four', 'five', 'six', 'seven'].map(
      (n) => `<p>${sentence(n)}</p>`,
    );
    const blocks = bodyOf(`<body><div class="cookie-notice"><p>${sentence('cookies')}</p></div>
      <div class="container penci_sidebar"><div id="main"><div class="entry">${article.join('')}</div></div></div></body>`);
    expect(blocks).toHaveLength(7);
  });

  it('reads a page an ASP.NET form wraps whole, but not a sign-up form', () => {
    const blocks = bodyOf(`<body><form id="aspnetForm"><div class="story">
      <p>${sentence('the dam')}</p><form><p>Sign up for our newsletter today and get the news first.</p></form>
      </div></form></body>`);
    expect(blocks).toEqual([sentence('the dam')]);
  });
});

describe(readBlocks.name, () => {
  it('makes each block element and line break end a paragraph, and keeps inline markup inline', () => {
    const blocks = readBlocks(
      parseHtml(
        '<div>Lead text<p>A <a href="#">linked</a> <b>word</b>.</p><h3>Sub</h3>Tail one<br>Tail two</div>',
      ),
    );
    expect(blocks).toEqual(['Lead text', 'A linked word.', 'Sub', 'Tail one', 'Tail two']);
  });

  it('skips hidden elements, scripts, navigation and figures', () => {
    const blocks = readBlocks(
      parseHtml(`<div><nav>Menu</nav><p hidden>Hidden</p><p style="display: none">Gone</p>
        <p aria-hidden="true">Icon</p><script>var x = 1;</script>
        <figure><img src="a.jpg"><figcaption>Caption</figcaption></figure><p>Text</p></div>`),
    );
    expect(blocks).toEqual(['Text']);
  });
});
