import type { ArticleDraft, DraftContext } from '../article-draft';
import { extractHtml, MAX_TIME_CANDIDATES } from './html.extractor';

const context: DraftContext = {
  baseUrl: 'https://www.valleyherald.example/news/2025/03/dam-breaks?ref=home',
  now: new Date('2025-08-01T00:00:00.000Z'),
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
      expect(draft.keywords).toEqual(['flood', 'rescue']);
    });

    it('names the source of each field', () => {
      expect(draft.provenance).toEqual({
        title: 'json-ld',
        lead: 'meta:description',
        authors: 'json-ld',
        publishedAt: 'json-ld',
        updatedAt: 'json-ld',
        language: 'html-lang',
        siteName: 'json-ld',
        section: 'json-ld',
        keywords: 'json-ld',
        canonicalUrl: 'json-ld',
        leadImage: 'json-ld',
      });
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
      expect(draft.provenance).toEqual({
        title: 'opengraph',
        lead: 'opengraph',
        authors: 'meta:author',
        publishedAt: 'opengraph',
        language: 'opengraph',
        siteName: 'opengraph',
        section: 'opengraph',
        keywords: 'opengraph',
        canonicalUrl: 'opengraph',
        leadImage: 'opengraph',
      });
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

  describe('reading each metadata source', () => {
    const body = `<article><p>The bridge reopened to traffic on Friday after two years of repairs to its steel frame.</p></article>`;
    const read = (head: string, markup = body): ArticleDraft =>
      extractHtml(`<html><head>${head}</head><body>${markup}</body></html>`, context);
    const ld = (value: object): string =>
      `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

    it.each([
      ['<meta property="og:title" content="Bridge reopens">', 'opengraph'],
      [ld({ '@type': 'NewsArticle', headline: 'Bridge reopens' }), 'json-ld'],
      ['<meta name="twitter:title" content="Bridge reopens">', 'twitter'],
      [
        '<title>Bridge reopens | City Times</title><meta property="og:site_name" content="City Times">',
        'title-tag',
      ],
    ])('reads the title from %s', (head, source) => {
      const draft = read(head);
      expect([draft.title, draft.provenance.title]).toEqual(['Bridge reopens', source]);
    });

    it('prefers OpenGraph to JSON-LD to the <h1> for the title, cutting the site name off', () => {
      const draft = read(
        `<title>Old</title><meta property="og:title" content="Bridge reopens - City Times">
         <meta property="og:site_name" content="City Times">${ld({ '@type': 'Article', headline: 'JSON-LD' })}`,
        `<h1>Heading</h1>${body}`,
      );
      expect([draft.title, draft.provenance.title]).toEqual(['Bridge reopens', 'opengraph']);
      expect(
        read('<title>Old</title>', `<article><h1>Bridge reopens</h1>${body}</article>`).provenance
          .title,
      ).toBe('h1');
    });

    it.each([
      ['name', 'author', 'meta:author'],
      ['property', 'article:author', 'opengraph'],
      ['name', 'byl', 'meta:byl'],
      ['name', 'dc.creator', 'meta:dc.creator'],
      ['name', 'DC.creator', 'meta:dc.creator'],
      ['name', 'sailthru.author', 'meta:sailthru.author'],
      ['name', 'parsely-author', 'meta:parsely-author'],
      ['name', 'cXenseParse:author', 'meta:cxenseparse:author'],
    ])('reads the author from <meta %s="%s">', (attribute, name, source) => {
      const draft = read(`<meta ${attribute}="${name}" content="By Jane Doe, Staff Writer">`);
      expect([draft.authors, draft.provenance.authors]).toEqual([['Jane Doe'], source]);
    });

    it('reads a name from the profile URL OpenGraph gives as article:author', () => {
      const draft = read(
        '<meta property="article:author" content="https://cityt.example/author/jane-doe">',
      );
      expect([draft.authors, draft.provenance.authors]).toEqual([['Jane Doe'], 'opengraph']);
    });

    it('prefers JSON-LD authors, and skips a source that names only the publisher', () => {
      const page = (ldAuthor: object): ArticleDraft =>
        read(
          `<meta name="author" content="Jane Doe">
           ${ld({ '@type': 'NewsArticle', author: ldAuthor, publisher: { '@type': 'Organization', name: 'City Times' } })}`,
        );
      expect(page({ '@type': 'Person', name: 'John Smith' })).toMatchObject({
        authors: ['John Smith'],
        provenance: { authors: 'json-ld', siteName: 'json-ld' },
      });
      expect(page({ '@type': 'Organization', name: 'City Times' })).toMatchObject({
        authors: ['Jane Doe'],
        provenance: { authors: 'meta:author' },
      });
    });

    it.each([
      ['<a rel="author" href="/author/jane-doe">Jane Doe</a>'],
      ['<p class="byline">By Jane Doe | Updated 3 hours ago</p>'],
      ['<span class="author-name">Jane Doe</span>'],
      ['<a rel="nofollow Author" href="/author/jane-doe">Jane Doe</a>'],
      ['<span itemprop="author">Jane Doe</span>'],
      ['<div class="story__by-line">Jane Doe</div>'],
      ['<span class="meta author">Jane Doe</span>'],
    ])('reads the author from the byline markup %s', (byline) => {
      const draft = read('', `<article>${byline}${body.replace(/<\/?article>/g, '')}</article>`);
      expect([draft.authors, draft.provenance.authors]).toEqual([['Jane Doe'], 'byline']);
    });

    it.each([
      ['property', 'article:published_time', '2025-04-17T14:34:00Z', 'opengraph'],
      ['property', 'og:article:published_time', '2025-04-17T14:34:00Z', 'opengraph'],
      ['name', 'parsely-pub-date', '2025-04-17T14:34:00Z', 'meta:parsely-pub-date'],
      ['name', 'sailthru.date', '2025-04-17 14:34:00', 'meta:sailthru.date'],
      ['name', 'article.published', '2025-04-17T14:34:00Z', 'meta:article.published'],
      ['name', 'publish_date', '2025-04-17T14:34:00Z', 'meta:publish_date'],
      ['name', 'pubdate', '20250417T143400Z', 'meta:pubdate'],
      ['name', 'DC.date.issued', '2025-04-17T14:34:00Z', 'meta:dc.date.issued'],
      ['name', 'date', 'April 17, 2025 2:34 PM GMT', 'meta:date'],
      ['itemprop', 'datePublished', '2025-04-17T14:34:00Z', 'meta:datepublished'],
    ])('reads the publication date from <meta %s="%s">', (attribute, name, value, source) => {
      const draft = read(`<meta ${attribute}="${name}" content="${value}">`);
      expect([draft.publishedAt, draft.provenance.publishedAt]).toEqual([
        '2025-04-17T14:34:00.000Z',
        source,
      ]);
    });

    it.each([
      ['property', 'article:modified_time', 'opengraph'],
      ['property', 'og:updated_time', 'opengraph'],
      ['name', 'dcterms.modified', 'meta:dcterms.modified'],
    ])('reads the update date from <meta %s="%s">', (attribute, name, source) => {
      const draft = read(`<meta ${attribute}="${name}" content="2025-04-17T14:43:00Z">`);
      expect([draft.updatedAt, draft.provenance.updatedAt]).toEqual([
        '2025-04-17T14:43:00.000Z',
        source,
      ]);
    });

    it('passes over a date that does not parse, or lies in the future, to the next source', () => {
      const draft = read(
        `<meta property="article:published_time" content="TBD">
         ${ld({ '@type': 'NewsArticle', datePublished: '2031-01-01T00:00:00Z' })}
         <meta name="parsely-pub-date" content="2025-04-17T14:34:00Z">`,
      );
      expect([draft.publishedAt, draft.provenance.publishedAt]).toEqual([
        '2025-04-17T14:34:00.000Z',
        'meta:parsely-pub-date',
      ]);
    });

    it('prefers the <time> marked pubdate, else the first after the headline, to one in a list of other articles', () => {
      const related = '<aside><time datetime="2025-01-01T00:00:00Z">1 Jan</time></aside>';
      const text = body.replace(/<\/?article>/g, '');
      expect(
        read(
          '',
          `${related}<article><h1>Bridge reopens</h1><time datetime="2025-04-17T14:34:00Z">17 April</time>${text}</article>`,
        ),
      ).toMatchObject({
        publishedAt: '2025-04-17T14:34:00.000Z',
        provenance: { publishedAt: 'time-element' },
      });
      expect(
        read(
          '',
          `<article><h1>Bridge reopens</h1><time datetime="2025-01-02">2 Jan</time><time pubdate datetime="2025-04-17">17 April</time>${text}</article>`,
        ).publishedAt,
      ).toBe('2025-04-17T00:00:00.000Z');
    });

    it('tries at most MAX_TIME_CANDIDATES <time>s for a date, each a run of the date parsers', () => {
      const text = body.replace(/<\/?article>/g, '');
      const page = (notDates: number): string =>
        `<article><h1>Bridge reopens</h1>${'<time>Breaking</time>'.repeat(notDates)}` +
        `<time datetime="2025-04-17T14:34:00Z">17 April</time>${text}</article>`;
      expect(read('', page(MAX_TIME_CANDIDATES - 1)).publishedAt).toBe('2025-04-17T14:34:00.000Z');
      expect(read('', page(MAX_TIME_CANDIDATES)).publishedAt).toBeNull();
    });

    it('finds the <time> after the headline among 90,000 siblings, without overflowing the stack', () => {
      const text = body.replace(/<\/?article>/g, '');
      const draft = read(
        '',
        `<article><h1>Bridge reopens</h1><time datetime="2025-04-17T14:34:00Z">17 April</time>` +
          `${'<time>Breaking</time>'.repeat(90_000)}${text}</article>`,
      );
      expect(draft.publishedAt).toBe('2025-04-17T14:34:00.000Z');
    });

    it('reads a title with a long run of whitespace in time linear in it', () => {
      const started = performance.now();
      const draft = read(
        '<meta property="og:site_name" content="City Times">' +
          `<meta property="og:title" content="Bridge reopens${' '.repeat(300_000)}City Times">`,
      );
      expect(draft.title).toBe('Bridge reopens City Times');
      // Generous: the search for a separator before the site name took a minute.
      expect(performance.now() - started).toBeLessThan(5_000);
    });

    it('reads the update from a <time> marked as one, never takes it for the publication, and passes over a <time> that is no date', () => {
      const draft = read(
        '',
        `<article><h1>Bridge reopens</h1><time class="updated" datetime="2025-04-17T14:43:00Z">Updated</time>
         <time>Breaking</time><time datetime="2025-04-17T14:34:00Z">17 April</time>${body.replace(/<\/?article>/g, '')}</article>`,
      );
      expect(draft).toMatchObject({
        publishedAt: '2025-04-17T14:34:00.000Z',
        updatedAt: '2025-04-17T14:43:00.000Z',
        provenance: { publishedAt: 'time-element', updatedAt: 'time-element' },
      });
    });

    it("reads hAtom's published and updated classes, as WordPress themes write them", () => {
      const draft = read(
        '',
        `<article><header><time class="entry-date published updated" datetime="2025-04-17T14:34:00+00:00">17 April</time></header>${body.replace(/<\/?article>/g, '')}</article>`,
      );
      expect([draft.publishedAt, draft.updatedAt]).toEqual([
        '2025-04-17T14:34:00.000Z',
        '2025-04-17T14:34:00.000Z',
      ]);
    });

    it('reads the text of a <time> in the day-month order of the page locale', () => {
      const markup = `<article><h1>Bridge reopens</h1><time>03/02/2025 14:34</time>${body.replace(/<\/?article>/g, '')}</article>`;
      expect(read('', markup).publishedAt).toBe('2025-03-02T14:34:00.000Z');
      expect(
        extractHtml(`<html lang="en-GB"><head></head><body>${markup}</body></html>`, context)
          .publishedAt,
      ).toBe('2025-02-03T14:34:00.000Z');
    });

    it('takes no date from a copyright line', () => {
      const draft = read('', `${body}<footer><p>© 2024 City Times</p><time>2024</time></footer>`);
      expect([draft.publishedAt, draft.provenance.publishedAt]).toEqual([null, undefined]);
    });

    it("reads an article item in microdata, keeping its author's name apart from its headline", () => {
      const draft = read(
        '',
        `<div itemscope itemtype="https://schema.org/NewsArticle">
           <h2 itemprop="headline">Bridge reopens</h2>
           <span itemprop="author" itemscope itemtype="https://schema.org/Person">By <span itemprop="name">Jane Doe</span></span>
           <time itemprop="datePublished" datetime="2025-04-17T14:34:00Z">17 April</time>
           <meta itemprop="dateModified" content="2025-04-17T14:43:00Z">
           <div itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><meta itemprop="name" content="City Times"></div>
           <div itemprop="articleBody"><p>The bridge reopened to traffic on Friday after two years of repairs to its steel frame.</p></div>
         </div>`,
      );
      expect(draft).toMatchObject({
        title: 'Bridge reopens',
        authors: ['Jane Doe'],
        publishedAt: '2025-04-17T14:34:00.000Z',
        updatedAt: '2025-04-17T14:43:00.000Z',
        siteName: 'City Times',
        provenance: {
          title: 'microdata',
          authors: 'microdata',
          publishedAt: 'microdata',
          updatedAt: 'microdata',
          siteName: 'microdata',
        },
      });
    });

    it.each([
      [
        '<link rel="canonical" href="/a/1"><meta property="og:url" content="https://other.example/">',
        'https://www.valleyherald.example/a/1',
        'link-canonical',
      ],
      [
        '<meta property="og:url" content="https://cityt.example/a/1">',
        'https://cityt.example/a/1',
        'opengraph',
      ],
    ])('reads the canonical URL from %s', (head, url, source) => {
      const draft = read(head);
      expect([draft.canonicalUrl, draft.provenance.canonicalUrl]).toEqual([url, source]);
    });

    it.each([
      ['<meta property="og:locale" content="en_GB">', 'en_GB', 'opengraph'],
      ['<meta http-equiv="content-language" content="de">', 'de', 'meta:content-language'],
      [ld({ '@type': 'NewsArticle', inLanguage: 'fr' }), 'fr', 'json-ld'],
    ])('reads the declared language from %s', (head, language, source) => {
      const draft = read(head);
      expect([draft.declaredLanguage, draft.provenance.language]).toEqual([language, source]);
    });

    it('prefers news_keywords to JSON-LD to article:tag to keywords', () => {
      const tags =
        '<meta property="article:tag" content="bridges"><meta name="keywords" content="news, city">';
      expect(read(`<meta name="news_keywords" content="bridge, traffic">${tags}`)).toMatchObject({
        keywords: ['bridge', 'traffic'],
        provenance: { keywords: 'meta:news_keywords' },
      });
      expect(read(tags)).toMatchObject({
        keywords: ['bridges'],
        provenance: { keywords: 'opengraph' },
      });
      expect(read('<meta name="keywords" content="news, city">')).toMatchObject({
        keywords: ['news', 'city'],
        provenance: { keywords: 'meta:keywords' },
      });
    });

    it('puts the advertised lead image first, described by the figure that shows it', () => {
      const draft = read(
        '<meta property="og:image" content="https://cdn.example.com/b.jpg">',
        `<article><figure><img src="https://cdn.example.com/a.jpg"><figcaption>First</figcaption></figure>
         <p>The bridge reopened to traffic on Friday after two years of repairs to its steel frame.</p>
         <figure><img src="https://cdn.example.com/b.jpg"><figcaption>The bridge. (AFP/Getty Images)</figcaption></figure></article>`,
      );
      expect(draft.images).toEqual([
        {
          url: 'https://cdn.example.com/b.jpg',
          caption: 'The bridge.',
          credit: 'AFP/Getty Images',
        },
        { url: 'https://cdn.example.com/a.jpg', caption: 'First', credit: null },
      ]);
      expect(draft.provenance.leadImage).toBe('opengraph');
    });

    it('splits the credit from a JSON-LD image caption, and lets the first figure lead when nothing is advertised', () => {
      expect(
        read(
          ld({
            '@type': 'NewsArticle',
            image: { url: 'https://cdn.example.com/b.jpg', caption: 'The bridge. Photo: Reuters' },
          }),
        ).images,
      ).toEqual([
        { url: 'https://cdn.example.com/b.jpg', caption: 'The bridge.', credit: 'Reuters' },
      ]);
      const draft = read(
        '',
        `<article><figure><img src="https://cdn.example.com/a.jpg"></figure>${body.replace(/<\/?article>/g, '')}</article>`,
      );
      expect([draft.images, draft.provenance.leadImage]).toEqual([
        [{ url: 'https://cdn.example.com/a.jpg', caption: null, credit: null }],
        'figure',
      ]);
    });

    it('records no provenance for a field the page leaves empty', () => {
      expect(read('').provenance).toEqual({});
    });
  });
});
