import { ExtractionError } from '../extraction.error';
import { Deadline, TICKS_PER_LOOK } from '../limits';
import { parseHtml } from './dom';
import { ContentReader, readBlocks } from './main-content';

const sentence = (topic: string): string =>
  `This is a long enough sentence about ${topic} to count as the prose of a news article.`;

function bodyOf(html: string): string[] {
  const reader = new ContentReader();
  return reader.readBlocks(reader.findMainContainer(parseHtml(html)));
}

describe('ContentReader.findMainContainer', () => {
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
        '<div>Lead text.<p>A <a href="#">linked</a> <b>word</b>.</p><h3>Sub</h3>Tail one.<br>Tail two.</div>',
      ),
    );
    expect(blocks).toEqual(['Lead text.', 'A linked word.', 'Sub', 'Tail one.', 'Tail two.']);
  });

  it('skips hidden elements, scripts, navigation and figures', () => {
    const blocks = readBlocks(
      parseHtml(`<div><nav>Menu</nav><p hidden>Hidden</p><p style="display: none">Gone</p>
        <p aria-hidden="true">Icon</p><script>var x = 1;</script>
        <figure><img src="a.jpg"><figcaption>Caption</figcaption></figure><p>Text</p></div>`),
    );
    expect(blocks).toEqual(['Text']);
  });

  it('drops what no reader counts as the story: link runs, URLs, bylines, datelines, labels', () => {
    const blocks = readBlocks(
      parseHtml(`<div><div>Advertisement</div><p>By Jane Doe</p>
        <p>Updated 5:27 am CST, Wednesday, November 20, 2019</p>
        <p>${sentence('the dam')}</p><p><a href="/a">Man charged in death of best friend</a></p>
        <p>https://example.com/news/article-1.html</p><p>© 2019 Hearst Communications, Inc.</p>
        <h2>Short subheading</h2><ul><li>Short item</li></ul></div>`),
    );
    expect(blocks).toEqual([sentence('the dam'), 'Short subheading', 'Short item']);
  });

  it('reads a table row as one line, so repeated cells are not folded away', () => {
    const blocks = readBlocks(
      parseHtml(
        '<table><tr><td>1</td><td>Kyle Busch</td><td>5</td></tr><tr><td>2</td><td>Martin Truex</td><td>5</td></tr></table>',
      ),
    );
    expect(blocks).toEqual(['1 Kyle Busch 5', '2 Martin Truex 5']);
  });
});

describe('ContentReader.findMainContainer on split layouts', () => {
  it('counts divs that each hold one paragraph as paragraphs of their parent', () => {
    const paragraphs = ['one', 'two', 'three'].map((n) => `<div><span>${sentence(n)}</span></div>`);
    const blocks = bodyOf(`<body><div class="reader">${paragraphs.join('')}</div>
      <div class="other"><div>${sentence('a longer aside that is not part of the story at all, not at all')}</div></div></body>`);
    expect(blocks).toEqual(['one', 'two', 'three'].map(sentence));
  });

  it('joins sections of the story that share the markup of the densest one', () => {
    const section = (names: string[]): string =>
      `<div class="wrap"><div class="story-section">${names.map((n) => `<p>${sentence(n)}</p>`).join('')}</div></div>`;
    const blocks =
      bodyOf(`<body>${section(['one', 'two', 'three'])}<div class="ad-unit"><p>${sentence('an ad')}</p></div>
      ${section(['four'])}</body>`);
    expect(blocks).toEqual(['one', 'two', 'three', 'four'].map(sentence));
  });

  it('joins a summary paragraph beside the text, but not a sibling article', () => {
    const story = ['one', 'two', 'three', 'four'];
    const blocks =
      bodyOf(`<body><div class="page"><div class="summary">${sentence('the summary')}</div>
      <div class="text">${story.map((n) => `<p>${sentence(n)}</p>`).join('')}</div>
      <article><p>${sentence('another story')}</p></article></div></body>`);
    expect(blocks).toEqual(['the summary', ...story].map(sentence));
  });
});

describe(ContentReader.name, () => {
  it('reads the container it found as a fresh reader reads it, joined sections included', () => {
    const section = (names: string[]): string =>
      `<div class="story-section">${names.map((n) => `<p>${sentence(n)}</p>`).join('')}</div>`;
    const page = parseHtml(`<body><nav><a href="/">Home</a></nav>${section(['one', 'two', 'three'])}
      <div class="ad-unit">Advertisement</div>${section(['four'])}</body>`);
    const reader = new ContentReader();
    const container = reader.findMainContainer(page);

    expect(reader.readBlocks(container)).toEqual(new ContentReader().readBlocks(container));
    expect(reader.readBlocks(container)).toEqual(['one', 'two', 'three', 'four'].map(sentence));
  });

  it('ticks the deadline as it walks the page: named containers nested in each other are each read whole', () => {
    const page = parseHtml(
      `<body>${'<article>'.repeat(10)}${`<p>${sentence('the dam')}</p>`.repeat(TICKS_PER_LOOK)}</body>`,
    );
    // A budget below zero is spent at the first look.
    expect(() => new ContentReader(new Deadline(-1)).findMainContainer(page)).toThrow(
      ExtractionError,
    );
    expect(() => new ContentReader().findMainContainer(page)).not.toThrow();
  });
});
