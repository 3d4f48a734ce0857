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
  });
});
