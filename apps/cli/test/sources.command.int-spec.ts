import { SourcesRepository, connectMigrated } from '@newsflow/persistence';
import { createTempDatabase } from '@newsflow/testing';
import type { TempDatabase } from '@newsflow/testing';
import { runNewsctl } from './run-newsctl';
import type { NewsctlRun } from './run-newsctl';

/** `newsctl sources ...` as an operator runs it: the built CLI, its own process, a real database. */
describe('newsctl sources', () => {
  let database: TempDatabase;

  beforeAll(async () => {
    database = await createTempDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  function newsctl(...args: string[]): Promise<NewsctlRun> {
    return runNewsctl(['sources', ...args], { ...process.env, DATABASE_URL: database.url });
  }

  it('adds, lists, disables with a reason, enables and removes a source', async () => {
    const added = await newsctl(
      'add',
      'https://News.Example/rss?utm_source=x',
      '--kind',
      'feed',
      '--name',
      'Example News',
    );
    expect(added.code).toBe(0);
    const source = JSON.parse(added.out) as { id: string; added: boolean };
    expect(source).toMatchObject({
      added: true,
      url: 'https://news.example/rss',
      kind: 'feed',
      name: 'Example News',
      origin: 'cli',
      enabled: true,
    });
    expect(JSON.parse((await newsctl('add', 'https://news.example/rss')).out)).toMatchObject({
      added: false,
      id: source.id,
    });

    expect((await newsctl('disable', source.id, '--reason', 'paywall')).out).toBe(
      `disabled ${source.id}\n`,
    );
    const table = (await newsctl('list')).out.split('\n');
    expect(table[0]).toMatch(
      /^id\s+name\s+kind\s+enabled\s+last poll\s+published\s+refused\s+next poll\s+note$/,
    );
    expect(table[1]).toMatch(
      new RegExp(`^${source.id}\\s+Example News\\s+feed\\s+no\\s+-\\s+0\\s+0\\s+-\\s+paywall$`),
    );

    await newsctl('enable', 'https://news.example/rss');
    const [listed] = JSON.parse((await newsctl('list', '--json')).out) as {
      enabled: boolean;
      disabledReason: string | null;
    }[];
    expect(listed).toMatchObject({ enabled: true, disabledReason: null });

    expect(await newsctl('remove', source.id)).toMatchObject({ code: 0 });
    expect(await newsctl('remove', source.id)).toMatchObject({
      code: 1,
      out: `no source ${source.id}\n`,
    });
    expect((await newsctl('list')).out).toBe('no sources\n');
  });

  it('refuses what is not a source, with the reason', async () => {
    expect(await newsctl('add', 'ftp://news.example/feed')).toMatchObject({
      code: 1,
      err: 'newsctl: "ftp://news.example/feed" is not http or https\n',
    });
    expect(await newsctl('add', 'https://news.example/feed', '--kind', 'podcast')).toMatchObject({
      code: 1,
      err: expect.stringContaining(
        'kind "podcast" is not one of auto, feed, sitemap, url-list, web',
      ) as string,
    });
    expect((await newsctl('frobnicate', 'x')).code).toBe(2);
    expect(await newsctl('add', 'file:///data/feed.xml', '--kind', 'feed')).toMatchObject({
      code: 1,
      err: 'newsctl: "file:///data/feed.xml" is a file: only a warc source may be one (--kind warc)\n',
    });
  });

  it('adds a warc archive by its path, shows how far it was read, and resets it', async () => {
    const added = await newsctl('add', '/data/cc-news/CC-NEWS-1.warc.gz', '--kind', 'warc');
    const source = JSON.parse(added.out) as { id: string };
    expect(source).toMatchObject({
      added: true,
      url: 'file:///data/cc-news/CC-NEWS-1.warc.gz',
      kind: 'warc',
      name: 'CC-NEWS-1.warc.gz',
      cursor: null,
    });
    // A fetcher's poll: the cursor is saved under the lease, which the outcome frees.
    const dataSource = await connectMigrated(database.url);
    try {
      const sources = new SourcesRepository(dataSource);
      expect(await sources.claimDue('fetcher-a', 1, 60_000)).toHaveLength(1);
      const cursor = { archive: 'CC-NEWS-1.warc.gz', offset: 51_200, complete: true };
      expect(await sources.saveCursor(source.id, 'fetcher-a', cursor)).toBe(true);
      expect(await newsctl('reset', source.id)).toMatchObject({
        code: 1,
        out: expect.stringMatching(
          /is being polled \(lease until .*\); try again after\n$/,
        ) as string,
      });
      await sources.recordPoll(source.id, 'fetcher-a', {
        outcome: 'ok',
        nextPollAt: new Date(Date.now() + 3_600_000),
        pollIntervalMs: 3_600_000,
        failureStreak: 0,
        disabledReason: null,
        published: 50,
      });

      expect((await newsctl('list')).out).toMatch(/CC-NEWS-1\.warc\.gz@51200 \(complete\)\n$/);
      expect(await newsctl('reset', 'file:///data/cc-news/CC-NEWS-1.warc.gz')).toMatchObject({
        code: 0,
        out: 'reset file:///data/cc-news/CC-NEWS-1.warc.gz\n',
      });
      const [listed] = JSON.parse((await newsctl('list', '--json')).out) as {
        cursor: unknown;
        nextPollAt: string;
      }[];
      expect(listed?.cursor).toBeNull();
      expect(Date.parse(listed?.nextPollAt ?? '')).toBeLessThanOrEqual(Date.now());
      expect(await newsctl('reset', 'nothing')).toMatchObject({
        code: 1,
        out: 'no source nothing\n',
      });
    } finally {
      await dataSource.destroy();
    }
  });
});
