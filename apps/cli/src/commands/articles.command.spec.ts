import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { exampleArticleEnriched } from '@newsflow/contracts';
import type { ArticleSummary } from '@newsflow/contracts';
import {
  ArticlesUsageError,
  MAX_ARTICLES,
  apiBaseUrl,
  articlesCommand,
  countriesCell,
  formatArticle,
  formatTable,
  searchQuery,
  truncate,
} from './articles.command';
import type { ArticlesArgs } from './articles.command';

function summary(seq: number, changes: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id: `a-${seq}`,
    url: `https://news.example/${seq}`,
    title: `Article ${seq}`,
    lead: null,
    publishedAt: '2025-10-30T08:00:00.000Z',
    language: 'en',
    source: { id: 'feed-1', kind: 'feed', name: 'Example' },
    countries: [],
    topics: [],
    storyId: null,
    storySimilarity: null,
    ingestSeq: String(seq),
    revision: 1,
    firstStoredAt: '2025-10-30T09:00:00.000Z',
    lastStoredAt: '2025-10-30T09:00:00.000Z',
    ...changes,
  };
}

describe('newsctl articles: the query string', () => {
  it('maps each flag to its API parameter, values as typed', () => {
    const query = searchQuery({
      country: 'QA',
      'focus-country': 'RU',
      'min-confidence': '0.8',
      topic: 'medtop:16000000',
      language: 'en',
      source: 'feed 1',
      story: 'a1b2c3d4e5f60718',
      'published-from': '2025-10-01',
      'published-to': '2025-11-01T00:00:00Z',
      'ingested-from': '2025-10-02',
      'ingested-to': '2025-10-03',
      q: 'peskov "gaza strip" -football',
      limit: '5',
      cursor: '42',
    });

    expect([...query.entries()]).toEqual([
      ['country', 'QA'],
      ['focusCountry', 'RU'],
      ['minConfidence', '0.8'],
      ['topic', 'medtop:16000000'],
      ['language', 'en'],
      ['source', 'feed 1'],
      ['story', 'a1b2c3d4e5f60718'],
      ['publishedFrom', '2025-10-01'],
      ['publishedTo', '2025-11-01T00:00:00Z'],
      ['ingestedFrom', '2025-10-02'],
      ['ingestedTo', '2025-10-03'],
      ['q', 'peskov "gaza strip" -football'],
      ['limit', '5'],
      ['cursor', '42'],
    ]);
    expect(query.toString()).toContain('q=peskov+%22gaza+strip%22+-football');
  });

  it('leaves out the flags not given, and does not correct values: the API judges them', () => {
    expect(searchQuery({}).toString()).toBe('');
    expect(searchQuery({ country: 'qatar', limit: 'ten' }).toString()).toBe(
      'country=qatar&limit=ten',
    );
  });

  it('reads NEWSFLOW_API_URL, keeping a path prefix', () => {
    expect(apiBaseUrl(undefined).href).toBe('http://127.0.0.1:3000/');
    expect(apiBaseUrl(' ').href).toBe('http://127.0.0.1:3000/');
    expect(new URL('articles?x=1', apiBaseUrl('https://api.example/newsflow')).href).toBe(
      'https://api.example/newsflow/articles?x=1',
    );
    expect(() => apiBaseUrl('localhost:3000')).toThrow(ArticlesUsageError);
    expect(() => apiBaseUrl('not a url')).toThrow('NEWSFLOW_API_URL="not a url" is not a URL');
  });
});

describe('newsctl articles: the table', () => {
  it('shows seq, day, language, countries (focus in capitals) and the title, then the cursor', () => {
    const table = formatTable(
      [
        summary(7, {
          countries: [
            { code: 'RU', focus: true, salience: 0.9, mentions: 4, confidence: 0.99 },
            { code: 'SY', focus: false, salience: 0.5, mentions: 1, confidence: null },
            { code: 'QA', focus: true, salience: 0.4, mentions: 2, confidence: 0.8 },
          ],
        }),
        summary(12, { publishedAt: null, language: null, title: 'Line\none\tand two' }),
      ],
      { nextCursor: '12', hasMore: true },
    );

    expect(table.split('\n')).toEqual([
      'seq  published   lang  countries  title',
      '  7  2025-10-30  en    RU QA sy   Article 7',
      ' 12  -           -     -          Line one and two',
      '2 articles, next cursor: 12, more: yes',
      '',
    ]);
  });

  it('cuts long titles and long country lists so a row fits 100 characters', () => {
    const many = ['US', 'GB', 'FR', 'DE', 'IT', 'ES', 'PL', 'NL'].map((code, i) => ({
      code,
      focus: i === 0,
      salience: 1 - i / 10,
      mentions: 1,
      confidence: null,
    }));
    const title = `Ministers meet in ${'very '.repeat(30)}long talks`;
    const lines = formatTable([summary(123456, { title, countries: many })], {
      nextCursor: '123456',
      hasMore: false,
    }).split('\n');

    expect(lines[1]?.length).toBe(100);
    expect(lines[1]).toMatch(
      /^123456 {2}2025-10-30 {2}en {4}US gb fr de it e… {2}Ministers meet in very /,
    );
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(lines[2]).toBe('1 article, next cursor: 123456, more: no');
  });

  it('says so when nothing matched, and still gives the cursor to poll from', () => {
    expect(formatTable([], { nextCursor: '99', hasMore: false })).toBe(
      'no articles\n0 articles, next cursor: 99, more: no\n',
    );
    expect(formatTable([], { nextCursor: null, hasMore: false })).toContain('next cursor: -');
  });

  it('cuts by code point, never inside a surrogate pair', () => {
    expect(truncate('🙂🙂🙂🙂', 3)).toBe('🙂🙂…');
    expect(truncate('short', 10)).toBe('short');
    expect(countriesCell([])).toBe('-');
  });
});

describe('newsctl articles get: the article', () => {
  it('names the countries without a confidence when the enricher gave none (older ones)', () => {
    const article = {
      ...exampleArticleEnriched,
      countries: exampleArticleEnriched.countries.map(
        ({ confidence: _dropped, ...older }) => older,
      ),
    };
    const text = formatArticle(
      {
        article,
        stored: {
          ingestSeq: '5',
          revision: 1,
          firstStoredAt: '2025-10-30T09:00:00.000Z',
          lastStoredAt: '2025-10-30T09:00:00.000Z',
        },
        revisions: [],
      },
      1,
    );

    expect(text).toMatch(/^countries {2}RU \(focus\), QA \(focus\), SY, PS$/m);
  });

  it('gives the facts, the tags, the entities, the revisions and the opening of the body', () => {
    const article = exampleArticleEnriched;
    const text = formatArticle(
      {
        article,
        stored: {
          ingestSeq: '5',
          revision: 2,
          firstStoredAt: '2025-10-30T09:00:00.000Z',
          lastStoredAt: '2025-10-31T09:00:00.000Z',
        },
        revisions: [],
      },
      1,
    );
    const lines = text.split('\n');

    expect(lines[0]).toBe(article.title);
    expect(text).toContain(`id         ${article.id}\n`);
    expect(text).toContain(`source     ${article.source.name} (${article.source.kind}, `);
    expect(text).toMatch(/^story {6}(\S+) \((this article names it|similarity \d\.\d\d)\)$/m);
    expect(text).toMatch(
      /^countries {2}RU \(focus, 0\.99\), QA \(focus, 0\.98\), SY \(0\.93\), PS \(0\.80\)$/m,
    );
    expect(text).toMatch(/^topics {5}medtop:11000000 /m);
    expect(text).toMatch(/^people {5}.*Dmitry Peskov/m);
    expect(text).toContain('stored     revision 2 of 0, ingest seq 5, ');
    // The example repeats its lead as the first paragraph: it is printed once.
    expect(article.paragraphs[0]).toBe(article.lead);
    expect(text.split(article.lead ?? 'missing')).toHaveLength(2);
    expect(text).toContain(`${article.paragraphs[1]}\n\n[${article.paragraphs.length - 2} more`);
    expect(text.trimEnd().endsWith(`; ${article.wordCount} words in all]`)).toBe(true);
  });
});

describe('newsctl articles against an HTTP server', () => {
  let server: Server;
  let url: string;
  let handler: (request: IncomingMessage, response: ServerResponse) => void;
  const asked: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      asked.push(request.url ?? '');
      handler(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    asked.length = 0;
  });

  /** An API over `total` articles, seq 1..total, paged as the real one pages. */
  function serveArticles(total: number) {
    handler = (request, response) => {
      const query = new URL(request.url ?? '/', url).searchParams;
      const after = Number(query.get('cursor') ?? 0);
      const limit = Number(query.get('limit') ?? 20);
      const items: ArticleSummary[] = [];
      for (let seq = after + 1; seq <= Math.min(total, after + limit); seq += 1)
        items.push(summary(seq));
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          items,
          nextCursor: items.at(-1)?.ingestSeq ?? String(after),
          hasMore: after + items.length < total,
        }),
      );
    };
  }

  async function run(args: Partial<ArticlesArgs>, apiUrl = url) {
    const out = new PassThrough();
    const err = new PassThrough();
    const code = await articlesCommand(
      { action: 'search', operands: [], ...args },
      { out, err, env: { NEWSFLOW_API_URL: apiUrl } },
    );
    out.end();
    err.end();
    return { code, out: String(out.read() ?? ''), err: String(err.read() ?? '') };
  }

  it('prints one JSON line per article, and says on stderr where to continue', async () => {
    serveArticles(5);
    const result = await run({ json: true, limit: '2', country: 'QA' });

    expect(result.code).toBe(0);
    expect(asked).toEqual(['/articles?country=QA&limit=2']);
    const lines = result.out.trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as ArticleSummary).id)).toEqual(['a-1', 'a-2']);
    expect(result.err).toBe('newsctl: there are more; continue with --cursor 2\n');
  });

  it('follows the cursor with --all until there is no more', async () => {
    serveArticles(8);
    const result = await run({ all: true, limit: '3', cursor: '1' });

    expect(asked).toEqual([
      '/articles?limit=3&cursor=1',
      '/articles?limit=3&cursor=4',
      '/articles?limit=3&cursor=7',
    ]);
    const lines = result.out.trim().split('\n');
    expect(lines).toHaveLength(1 + 7 + 1);
    expect(lines[1]).toMatch(/^ {2}2 {2}2025-10-30/);
    expect(lines.at(-1)).toBe('7 articles, next cursor: 8, more: no');
    expect(result.err).toBe('');
  });

  it('draws a progress bar for --all when stderr is a terminal, and none in a pipe', async () => {
    serveArticles(8);
    const out = new PassThrough();
    const err = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
    const code = await articlesCommand(
      { action: 'search', operands: [], all: true, json: true, limit: '3', cursor: '0' },
      { out, err, env: { NEWSFLOW_API_URL: url } },
    );
    err.end();
    const drawn = String(err.read() ?? '');

    expect(code).toBe(0);
    expect(drawn).toContain(`8/${MAX_ARTICLES} articles (at most)`);
    expect(drawn.endsWith('\n')).toBe(true);
    expect((await run({ all: true, json: true, limit: '3', cursor: '0' })).err).toBe('');
  });

  it(`stops --all at ${MAX_ARTICLES} articles, with the cursor to go on from`, async () => {
    serveArticles(MAX_ARTICLES + 150);
    const result = await run({ all: true, json: true, limit: '100', cursor: '30' });

    const lines = result.out.trim().split('\n');
    expect(lines).toHaveLength(MAX_ARTICLES);
    expect((JSON.parse(lines.at(-1) ?? '{}') as ArticleSummary).ingestSeq).toBe(
      String(30 + MAX_ARTICLES),
    );
    expect(result.err).toBe(
      `newsctl: stopped at ${MAX_ARTICLES} articles; continue with --cursor ${30 + MAX_ARTICLES}\n`,
    );
  });

  it('keeps what --all read when the API fails part way, and says where to resume', async () => {
    serveArticles(10);
    const serve = handler;
    handler = (request, response) => {
      if (request.url?.includes('cursor=4')) response.writeHead(503).end();
      else serve(request, response);
    };
    const result = await run({ all: true, limit: '2', cursor: '0' });

    expect(result.code).toBe(1);
    expect(result.out).toMatch(/\n {2}4 {2}2025-10-30 {2}en {4}- {10}Article 4\n/);
    expect(result.out.split('\n').at(-2)).toBe('4 articles, next cursor: 4, more: yes');
    expect(result.err).toBe(
      'newsctl: stopped after 4 articles; resume with --cursor 4\n' +
        'newsctl: the API answered 503 Service Unavailable\n',
    );
  });

  it('prints the reasons of a 400 and exits 2; another error exits 1', async () => {
    handler = (_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          message: ['country must be an ISO 3166-1 alpha-2 code such as QA', 'limit is bad'],
          error: 'Bad Request',
          statusCode: 400,
        }),
      );
    };
    expect(await run({ country: 'qatar' })).toEqual({
      code: 2,
      out: '',
      err:
        'newsctl: country must be an ISO 3166-1 alpha-2 code such as QA\n' +
        'newsctl: limit is bad\n',
    });

    handler = (_request, response) => {
      response
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: 'no article x', error: 'Not Found', statusCode: 404 }));
    };
    expect(await run({ action: 'get', operands: ['x'] })).toEqual({
      code: 1,
      out: '',
      err: 'newsctl: no article x\n',
    });
    expect(asked.at(-1)).toBe('/articles/x');

    handler = (_request, response) => {
      response.writeHead(502).end('<html>bad gateway</html>');
    };
    expect((await run({})).err).toBe('newsctl: the API answered 502 Bad Gateway\n');
  });

  it('names the URL when nothing answers there, and exits 1', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const result = await run({}, `http://127.0.0.1:${port}`);

    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `newsctl: cannot reach the Newsflow API at http://127.0.0.1:${port}/ (ECONNREFUSED): ` +
        'is it running? Set NEWSFLOW_API_URL to use another address.\n',
    );
  });

  it('refuses a call it cannot make sense of', async () => {
    await expect(run({ operands: ['peskov'] })).rejects.toThrow(
      'articles search takes flags only; for full text use --q "peskov"',
    );
    await expect(run({ action: 'get' })).rejects.toThrow('articles get needs one article id');
    await expect(run({ action: 'list' })).rejects.toThrow('unknown articles action "list"');
  });
});
