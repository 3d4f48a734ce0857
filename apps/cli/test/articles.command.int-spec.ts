import { exampleArticleEnriched } from '@newsflow/contracts';
import type { ArticleEnrichedV1, ArticleSummary } from '@newsflow/contracts';
import { ArticlesRepository, connectMigrated } from '@newsflow/persistence';
import {
  createTempDatabase,
  enrichedArticle,
  germanEconomyArticle,
  startApi,
} from '@newsflow/testing';
import type { RunningProcess, TempDatabase } from '@newsflow/testing';
import type { DataSource } from 'typeorm';
import { runNewsctl } from './run-newsctl';
import type { NewsctlRun } from './run-newsctl';

const PORT = 13310;
/** Nothing listens here: the read API's test ports are 13300 and 13310. */
const DEAD_PORT = 13319;

/** `newsctl articles ...` as a person runs it: the built CLI against the built, running API. */
describe('newsctl articles', () => {
  let database: TempDatabase;
  let dataSource: DataSource;
  let api: RunningProcess;

  beforeAll(async () => {
    database = await createTempDatabase();
    dataSource = await connectMigrated(database.url);
    const repository = new ArticlesRepository(dataSource);
    // One at a time, so the ingest order (and so every page) is this order: a batch is
    // written in id order.
    for (const seed of [
      enrichedArticle('qa-1'),
      germanEconomyArticle('de-1', 'Die Wirtschaft wächst wieder (de-1)'),
      germanEconomyArticle('de-2', 'Die Wirtschaft wächst wieder (de-2)'),
      enrichedArticle('qa-2', { title: 'Doha talks resume' }),
      germanEconomyArticle('de-3', 'Die Wirtschaft wächst wieder (de-3)'),
    ])
      await repository.upsertMany([seed]);
    api = await startApi(PORT, {
      ...process.env,
      DATABASE_URL: database.url,
      API_MAX_PAGE_SIZE: '50',
      LOG_LEVEL: 'warn',
    });
  });

  afterAll(async () => {
    await api?.stop('SIGTERM');
    await dataSource?.destroy();
    await database?.drop();
  });

  function newsctl(args: string[], apiUrl = `http://127.0.0.1:${PORT}`): Promise<NewsctlRun> {
    return runNewsctl(['articles', ...args], { ...process.env, NEWSFLOW_API_URL: apiUrl });
  }

  const jsonLines = (out: string) =>
    out
      .trim()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as ArticleSummary);

  it('prints one JSON line per matching article', async () => {
    const qatar = await newsctl(['search', '--country', 'QA', '--json']);
    expect(qatar).toMatchObject({ code: 0, err: '' });
    expect(jsonLines(qatar.out).map((item) => item.id)).toEqual(['qa-1', 'qa-2']);

    const german = await newsctl([
      'search',
      '--focus-country',
      'DE',
      '--language',
      'de',
      '--q',
      'wirtschaft',
      '--json',
    ]);
    expect(jsonLines(german.out).map((item) => item.id)).toEqual(['de-1', 'de-2', 'de-3']);

    // QA is there at confidence 0.98; the German articles' DE came without a confidence.
    const sure = await newsctl(['search', '--country', 'QA', '--min-confidence', '0.98', '--json']);
    expect(jsonLines(sure.out).map((item) => item.id)).toEqual(['qa-1', 'qa-2']);
    const unsure = await newsctl(['search', '--country', 'QA', '--min-confidence', '0.99']);
    expect(unsure).toMatchObject({ code: 0, err: '' });
    expect(unsure.out).toMatch(/^0 articles/m);
    const older = await newsctl([
      'search',
      '--focus-country',
      'DE',
      '--min-confidence',
      '0',
      '--json',
    ]);
    expect(older).toMatchObject({ code: 0, out: '' });

    const peskov = await newsctl(['search', '--q', 'Peskov', '--source', 'feed-de', '--json']);
    expect(peskov).toMatchObject({ code: 0, out: '' });
  });

  it('prints a table: seq, day, language, countries, title, and where to continue', async () => {
    const { code, out } = await newsctl(['search', '--limit', '3']);
    const lines = out.split('\n');

    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^seq {2}published {3}lang {2}countries {2,}title$/);
    const published = exampleArticleEnriched.publishedAt?.slice(0, 10) ?? '-';
    // The example's title is 100 characters: it is cut to what the row has left.
    expect(lines[1]).toMatch(
      new RegExp(`^ *\\d+ {2}${published} {2}en {4}RU QA sy ps {2}Talks Between Putin and .*…$`),
    );
    expect(lines[2]).toMatch(
      /^ *\d+ {2}2025-10-30 {2}de {4}DE {11}Die Wirtschaft wächst wieder \(de-1\)$/,
    );
    expect(lines[3]).toContain('(de-2)');
    const seq = lines[3]?.trim().split(' ')[0];
    expect(lines[4]).toBe(`3 articles, next cursor: ${seq}, more: yes`);
    expect(lines.slice(5)).toEqual(['']);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);

    const rest = await newsctl(['search', '--cursor', seq ?? '', '--limit', '3']);
    expect(rest.out).toContain('Doha talks resume');
    expect(rest.out).toMatch(/\n2 articles, next cursor: \d+, more: no\n$/);
  });

  it('follows the cursor with --all over more articles than one page holds', async () => {
    const { code, out, err } = await newsctl(['search', '--all', '--limit', '2', '--json']);

    expect(code).toBe(0);
    expect(err).toBe('');
    const items = jsonLines(out);
    expect(items.map((item) => item.id)).toEqual(['qa-1', 'de-1', 'de-2', 'qa-2', 'de-3']);
    const seqs = items.map((item) => Number(item.ingestSeq));
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    const table = await newsctl(['search', '--all', '--limit', '2', '--language', 'de']);
    expect(table.out.split('\n').filter((line) => line.includes('Die Wirtschaft'))).toHaveLength(3);
    expect(table.out).toMatch(/\n3 articles, next cursor: \d+, more: no\n$/);
  });

  it('shows one article, or its JSON', async () => {
    const shown = await newsctl(['get', 'qa-2']);
    expect(shown.code).toBe(0);
    expect(shown.out.split('\n')[0]).toBe('Doha talks resume');
    // Each country with the enricher's confidence in it.
    expect(shown.out).toMatch(
      /^countries {2}RU \(focus, 0\.99\), QA \(focus, 0\.98\), SY \(0\.93\), PS \(0\.80\)$/m,
    );
    expect(shown.out).toMatch(/^people {5}.*Dmitry Peskov/m);
    expect(shown.out).toMatch(/^stored {5}revision 1 of 1, ingest seq \d+, /m);

    const raw = await newsctl(['get', 'qa-2', '--json']);
    const body = JSON.parse(raw.out) as { article: ArticleEnrichedV1; revisions: unknown[] };
    expect(body.article).toMatchObject({ id: 'qa-2', title: 'Doha talks resume' });
    expect(body.revisions).toHaveLength(1);

    expect(await newsctl(['get', 'no-such-article'])).toEqual({
      code: 1,
      out: '',
      err: 'newsctl: no article no-such-article\n',
    });
  });

  it('prints why the API refused a request, and exits 2', async () => {
    expect(await newsctl(['search', '--country', 'qatar'])).toEqual({
      code: 2,
      out: '',
      err: 'newsctl: country must be an ISO 3166-1 alpha-2 code such as QA\n',
    });
    expect(await newsctl(['search', '--country', 'QA', '--min-confidence', '1.01'])).toEqual({
      code: 2,
      out: '',
      err: 'newsctl: minConfidence must be at most 1\n',
    });
    const tooMany = await newsctl(['search', '--limit', '51', '--topic', 'politics']);
    expect(tooMany.code).toBe(2);
    expect(tooMany.err).toContain(
      'newsctl: topic must be an IPTC Media Topics code such as medtop:16000000\n',
    );
  });

  it('says which URL it could not reach when the API is not running, and exits 1', async () => {
    const url = `http://127.0.0.1:${DEAD_PORT}`;
    expect(await newsctl(['search', '--country', 'QA'], url)).toEqual({
      code: 1,
      out: '',
      err:
        `newsctl: cannot reach the Newsflow API at ${url}/ (ECONNREFUSED): is it running? ` +
        'Set NEWSFLOW_API_URL to use another address.\n',
    });
  });
});
