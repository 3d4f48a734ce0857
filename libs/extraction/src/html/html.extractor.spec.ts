import type { DraftContext } from '../article-draft';
import { extractHtml } from './html.extractor';

const context: DraftContext = {
  baseUrl: 'https://www.valleyherald.example/news/2025/03/dam-breaks?ref=home',
  now: new Date('2025-05-01T00:00:00.000Z'),
};

/** A WordPress page with Yoast's JSON-LD: everything in one @graph, linked by @id. */
const jsonLdGraphPage = `<!doctype html>
<html lang="en-US">
<head>
  <meta charset="utf-8">
  <title>Dam breaks in northern valley, three villages flooded - Valley Herald</title>
  <meta name="description" content="A dam burst on Monday, flooding three villages.">
  <meta name="keywords" content="floods, dams">
  <script type="application/ld+json">
  {"@context":"https://schema.org","@graph":[
    {"@type":"WebPage","@id":"https://www.valleyherald.example/news/2025/03/dam-breaks/","url":"https://www.valleyherald.example/news/2025/03/dam-breaks/"},
    {"@type":["NewsArticle","ReportageNewsArticle"],"@id":"https://www.valleyherald.example/news/2025/03/dam-breaks/#article",
     "headline":"Dam breaks in northern valley, three villages flooded",
     "datePublished":"2025-03-03T08:15:00+01:00","dateModified":"2025-03-03T10:00:00+01:00",
     "author":[{"@id":"https://www.valleyherald.example/#/schema/person/anna"},{"@type":"Person","name":"Ben Okafor"}],
     "publisher":{"@id":"https://www.valleyherald.example/#organization"},
     "mainEntityOfPage":{"@id":"https://www.valleyherald.example/news/2025/03/dam-breaks/"},
     "articleSection":["Regional","Environment"],"keywords":["flood","rescue"],
     "image":{"@type":"ImageObject","url":"https://cdn.valleyherald.example/dam-lead.jpg","caption":"The broken dam","creditText":"Herald / Anna Smith"}},
    {"@type":"Person","@id":"https://www.valleyherald.example/#/schema/person/anna","name":"Anna Smith"},
    {"@type":"Organization","@id":"https://www.valleyherald.example/#organization","name":"Valley Herald"}
  ]}
  </script>
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
  <main>
    <article>
      <header><h1>Dam breaks in northern valley, three villages flooded</h1>
        <p class="byline">By Anna Smith and Ben Okafor</p></header>
      <div class="entry-content">
        <p>A dam burst early on Monday, sending a wall of water through three villages in the northern valley.</p>
        <p>Rescuers worked through the night. &ldquo;The water rose faster than anyone expected,&rdquo; said the fire chief.</p>
        <h2>Warnings ignored</h2>
        <p>Engineers had warned of cracks in the wall for <a href="/tag/years">two years</a>, according to local officials.</p>
        <ul><li>Three villages evacuated</li><li>No deaths reported</li></ul>
        <div class="share-buttons"><p>Share this article on social media</p></div>
        <script>window.ads = [];</script>
      </div>
    </article>
    <aside><h3>Most read</h3><p>Local team wins the cup after a dramatic final in extra time.</p></aside>
  </main>
  <footer><p>© 2025 Valley Herald. All rights reserved.</p></footer>
</body>
</html>`;

/** A page that only has OpenGraph tags and markup without <article>. */
const openGraphPage = `<html>
<head>
  <title>Forest fire contained | Mountain Post</title>
  <meta property="og:title" content="Forest fire contained after three days">
  <meta property="og:description" content="Firefighters have contained the blaze near Pine Ridge.">
  <meta property="og:site_name" content="Mountain Post">
  <meta property="og:url" content="https://mountainpost.example/fire">
  <meta property="og:image" content="/images/fire.jpg">
  <meta property="og:locale" content="en_GB">
  <meta property="article:published_time" content="2025-07-14T18:20:00Z">
  <meta property="article:section" content="Environment">
  <meta property="article:tag" content="wildfire">
  <meta property="article:tag" content="Pine Ridge">
  <meta name="author" content="By Carla Diaz">
</head>
<body>
  <div id="menu"><a href="/">Home</a></div>
  <div class="layout">
    <div class="story">
      <p>Firefighters said on Monday they had contained the forest fire that burned for three days near Pine Ridge.</p>
      <p>More than two hundred people had been evacuated from nearby homes as the fire spread through dry woodland.</p>
      <p>Residents were allowed back on Monday evening, though some roads remain closed to traffic.</p>
    </div>
    <div class="related-links"><p>Earlier: heatwave grips the region as temperatures climb.</p></div>
  </div>
</body>
</html>`;

/** Figures with credits in the three ways pages mark them. */
const figurePage = `<html lang="en"><head><title>Storm hits coast</title></head><body>
  <article>
    <h1>Storm hits coast</h1>
    <figure><img src="data:image/gif;base64,R0lGOD" data-src="/img/waves.jpg" alt="Waves">
      <figcaption>Waves crash over the harbour wall. <small>© Reuters / Jane Doe</small></figcaption></figure>
    <p>The storm reached the coast on Tuesday night, bringing winds of more than 120 km/h to the harbour towns.</p>
    <figure><img src="https://cdn.example.com/roof.jpg">
      <figcaption>A roof torn off in Portside. Photo: Tom Lee</figcaption></figure>
    <p>Power was cut to thousands of homes, and the ferry service was suspended until Thursday.</p>
    <figure><picture><source srcset="/img/trees.webp 800w, /img/trees-2x.webp 1600w"><img></picture>
      <figcaption>Fallen trees block the road<span class="image-credit">AFP</span></figcaption></figure>
  </article>
</body></html>`;

describe(extractHtml.name, () => {
  describe('on a page with JSON-LD in an @graph', () => {
    const draft = extractHtml(jsonLdGraphPage, context);

    it('reads headline, dates, section and keywords from the article node', () => {
      expect(draft).toMatchObject({
        title: 'Dam breaks in northern valley, three villages flooded',
        lead: 'A dam burst on Monday, flooding three villages.',
        publishedAt: '2025-03-03T07:15:00.000Z',
        updatedAt: '2025-03-03T09:00:00.000Z',
        section: 'Regional',
        declaredLanguage: 'en-US',
      });
      expect(draft.keywords).toEqual(['floods', 'dams', 'flood', 'rescue']);
    });

    it('follows @id references to the authors and the publisher', () => {
      expect(draft.authors).toEqual(['Anna Smith', 'Ben Okafor']);
      expect(draft.siteName).toBe('Valley Herald');
      expect(draft.canonicalUrl).toBe('https://www.valleyherald.example/news/2025/03/dam-breaks/');
    });

    it('reads paragraphs, subheadings and list items of the article, and no furniture', () => {
      expect(draft.paragraphs).toEqual([
        'A dam burst early on Monday, sending a wall of water through three villages in the northern valley.',
        'Rescuers worked through the night. “The water rose faster than anyone expected,” said the fire chief.',
        'Warnings ignored',
        'Engineers had warned of cracks in the wall for two years, according to local officials.',
        'Three villages evacuated',
        'No deaths reported',
      ]);
    });

    it('describes the lead image with the caption and credit JSON-LD gives it', () => {
      expect(draft.images).toEqual([
        {
          url: 'https://cdn.valleyherald.example/dam-lead.jpg',
          caption: 'The broken dam',
          credit: 'Herald / Anna Smith',
        },
      ]);
    });
  });

  describe('on a page with only OpenGraph tags', () => {
    const draft = extractHtml(openGraphPage, context);

    it('reads the metadata from the og: and article: tags', () => {
      expect(draft).toMatchObject({
        title: 'Forest fire contained after three days',
        lead: 'Firefighters have contained the blaze near Pine Ridge.',
        siteName: 'Mountain Post',
        canonicalUrl: 'https://mountainpost.example/fire',
        publishedAt: '2025-07-14T18:20:00.000Z',
        section: 'Environment',
        keywords: ['wildfire', 'Pine Ridge'],
        authors: ['Carla Diaz'],
        declaredLanguage: 'en_GB',
      });
    });

    it('finds the body as the element with the most paragraph text', () => {
      expect(draft.paragraphs).toEqual([
        'Firefighters said on Monday they had contained the forest fire that burned for three days near Pine Ridge.',
        'More than two hundred people had been evacuated from nearby homes as the fire spread through dry woodland.',
        'Residents were allowed back on Monday evening, though some roads remain closed to traffic.',
      ]);
    });

    it('resolves the og:image against the page address', () => {
      expect(draft.images).toEqual([
        { url: 'https://www.valleyherald.example/images/fire.jpg', caption: null, credit: null },
      ]);
    });
  });

  describe('on a page with figures', () => {
    const draft = extractHtml(figurePage, context);

    it('reads each figure as an image with the credit apart from the caption', () => {
      expect(draft.images).toEqual([
        {
          url: 'https://www.valleyherald.example/img/waves.jpg',
          caption: 'Waves crash over the harbour wall.',
          credit: 'Reuters / Jane Doe',
        },
        {
          url: 'https://cdn.example.com/roof.jpg',
          caption: 'A roof torn off in Portside.',
          credit: 'Tom Lee',
        },
        {
          url: 'https://www.valleyherald.example/img/trees.webp',
          caption: 'Fallen trees block the road',
          credit: 'AFP',
        },
      ]);
    });

    it('keeps captions and the headline out of the paragraphs', () => {
      expect(draft.title).toBe('Storm hits coast');
      expect(draft.paragraphs).toEqual([
        'The storm reached the coast on Tuesday night, bringing winds of more than 120 km/h to the harbour towns.',
        'Power was cut to thousands of homes, and the ferry service was suspended until Thursday.',
      ]);
    });
  });

  it.each([
    ['Brexit: what next | City Times', 'Brexit: what next'],
    ['City Times - Bridge reopens', 'Bridge reopens'],
    ['Bridge reopens', 'Bridge reopens'],
  ])('reads the <title> %s as %s when it is the only title', (titleTag, title) => {
    const draft = extractHtml(
      `<html><head><title>${titleTag}</title><meta name="application-name" content="City Times"></head>
       <body><p>The bridge reopened to traffic on Friday after two years of repairs to its steel frame.</p></body></html>`,
      context,
    );
    expect(draft.title).toBe(title);
  });

  it('falls back to the JSON-LD articleBody when the markup has no text', () => {
    const draft = extractHtml(
      `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge reopens",
        "articleBody":"The bridge reopened on Friday.\\nTraffic is flowing again."}</script></head><body><div id="app"></div></body></html>`,
      context,
    );
    expect(draft.paragraphs).toEqual([
      'The bridge reopened on Friday.',
      'Traffic is flowing again.',
    ]);
  });
});
