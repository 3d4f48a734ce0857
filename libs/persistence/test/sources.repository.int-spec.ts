import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '../src/data-source';
import { FetchedPagesRepository } from '../src/fetched-pages.repository';
import { SourcesRepository } from '../src/sources.repository';
import { PUBLISH_INTERVAL_WEIGHT } from '../src/sources.repository';
import type { NewSource, PollOutcome } from '../src/sources.repository';
import { createTempDatabase } from '@newsflow/testing';
import type { TempDatabase } from '@newsflow/testing';

function feed(n: number): NewSource {
  return {
    id: `source-${n}`,
    url: `https://news${n}.example/feed.xml`,
    kind: 'feed',
    name: `news${n}`,
    origin: 'cli',
  };
}

const polledOk: PollOutcome = {
  outcome: 'ok',
  etag: '"v1"',
  lastModified: 'Wed, 01 Oct 2025 10:00:00 GMT',
  nextPollAt: new Date(Date.now() + 3_600_000),
  pollIntervalMs: 3_600_000,
  failureStreak: 0,
  disabledReason: null,
  published: 3,
};

describe(SourcesRepository.name, () => {
  let database: TempDatabase;
  let dataSource: DataSource;
  let sources: SourcesRepository;

  beforeAll(async () => {
    database = await createTempDatabase();
    dataSource = createDataSource(database.url);
    await dataSource.initialize();
    await runMigrations(dataSource);
    sources = new SourcesRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE sources, fetched_pages');
  });

  it('adds a URL once, and finds, disables, enables and removes it by id or URL', async () => {
    expect((await sources.add(feed(1))).added).toBe(true);
    expect((await sources.add({ ...feed(1), name: 'again' })).added).toBe(false);

    expect(await sources.setEnabled(feed(1).url, false, 'paywalled')).toBe(true);
    expect(await sources.find(feed(1).id)).toMatchObject({
      name: 'news1',
      enabled: false,
      disabledReason: 'paywalled',
    });
    expect(await sources.setEnabled('source-1', true)).toBe(true);
    expect(await sources.find(feed(1).url)).toMatchObject({ enabled: true, disabledReason: null });

    expect(await sources.remove(feed(1).url)).toBe(true);
    expect(await sources.remove(feed(1).url)).toBe(false);
    expect(await sources.setEnabled('nothing', true)).toBe(false);
    expect(await sources.list()).toEqual([]);
  });

  it('syncs the config file: new sources added, known ones renamed but not re-enabled', async () => {
    await sources.add(feed(1));
    await sources.setEnabled(feed(1).id, false, 'operator said so');

    const { added } = await sources.syncFromConfig([
      { ...feed(1), name: 'renamed', origin: 'config' },
      { ...feed(2), origin: 'config' },
    ]);

    expect(added).toBe(1);
    const listed = await sources.list();
    expect(listed.map((s) => [s.id, s.name, s.enabled, s.origin])).toEqual([
      ['source-1', 'renamed', false, 'cli'],
      ['source-2', 'news2', true, 'config'],
    ]);
  });

  it('leases a due source to one claimant only, until its outcome is recorded', async () => {
    for (let n = 1; n <= 10; n += 1) await sources.add(feed(n));

    // Five replicas claim at once, three sources each at most.
    const claims = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((owner) => sources.claimDue(owner, 3, 60_000)),
    );
    const claimed = claims.flat().map((source) => source.id);

    expect(claimed).toHaveLength(10);
    expect(new Set(claimed).size).toBe(10);
    expect(await sources.claimDue('f', 10, 60_000)).toEqual([]);

    // Only the holder writes the outcome; then the source waits for its next poll time.
    const [first] = claims.find((claim) => claim.length > 0) ?? [];
    const holder = first?.leaseOwner ?? '';
    expect(await sources.recordPoll(first?.id ?? '', 'not-the-holder', polledOk)).toBe(false);
    expect(await sources.recordPoll(first?.id ?? '', holder, polledOk)).toBe(true);
    expect(await sources.find(first?.id ?? '')).toMatchObject({
      leaseOwner: null,
      etag: '"v1"',
      lastOutcome: 'ok',
      itemsPublished: 3,
    });
    expect(await sources.claimDue('f', 10, 60_000)).toEqual([]);
  });

  it('keeps when a source last succeeded and published, and its usual interval between publishing polls', async () => {
    await sources.add(feed(1));
    const poll = async (outcome: Partial<PollOutcome>) => {
      expect(await sources.claimDue('a', 1, 60_000)).toHaveLength(1);
      await sources.recordPoll(feed(1).id, 'a', {
        ...polledOk,
        nextPollAt: new Date(),
        ...outcome,
      });
      return (await sources.health(10))[0];
    };
    /** Moves the last publishing poll `seconds` into the past, as if that time had gone by. */
    const age = (seconds: number) =>
      dataSource.query(
        `UPDATE sources SET last_published_at = now() - make_interval(secs => $1),
                            last_success_at = now() - make_interval(secs => $1)`,
        [seconds],
      );

    const first = await poll({ published: 3 });
    expect(first?.lastSuccessAt).toBeInstanceOf(Date);
    expect(first?.lastPublishedAt).toBeInstanceOf(Date);
    // One publishing poll is no rhythm yet.
    expect(first?.publishIntervalMs).toBeNull();

    await age(100);
    const second = await poll({ published: 2 });
    expect(second?.publishIntervalMs).toBeGreaterThanOrEqual(100_000);
    expect(second?.publishIntervalMs).toBeLessThan(105_000);

    await age(200);
    const third = await poll({ published: 1 });
    const expected =
      (1 - PUBLISH_INTERVAL_WEIGHT) * (second?.publishIntervalMs ?? 0) +
      PUBLISH_INTERVAL_WEIGHT * 200_000;
    expect(third?.publishIntervalMs).toBeGreaterThanOrEqual(expected - 1);
    expect(third?.publishIntervalMs).toBeLessThan(expected + 5_000);

    // A poll with nothing new succeeds but does not publish; a failed one does neither.
    await age(50);
    const before = (await sources.health(10))[0];
    const quiet = await poll({ published: 0, outcome: 'not-modified' });
    expect(quiet?.lastPublishedAt).toEqual(before?.lastPublishedAt);
    expect(quiet?.lastSuccessAt?.getTime()).toBeGreaterThan(before?.lastSuccessAt?.getTime() ?? 0);
    expect(quiet?.publishIntervalMs).toBe(third?.publishIntervalMs);
    const failed = await poll({ published: 0, outcome: 'failed', error: 'HTTP 500' });
    expect(failed?.lastSuccessAt).toEqual(quiet?.lastSuccessAt);
  });

  it('reads the health of at most the sources it is asked for, in the order they were added', async () => {
    for (let n = 1; n <= 3; n += 1) await sources.add(feed(n));
    expect((await sources.health(2)).map((row) => row.id)).toEqual(['source-1', 'source-2']);
    expect((await sources.health(3)).map((row) => row.id)).toEqual([
      'source-1',
      'source-2',
      'source-3',
    ]);
    expect(await sources.health(4)).toHaveLength(3);
    expect((await sources.health(3))[0]).toEqual({
      id: 'source-1',
      enabled: true,
      lastSuccessAt: null,
      lastPublishedAt: null,
      publishIntervalMs: null,
    });
  });

  it('frees the lease of a replica that died, once it expires', async () => {
    await sources.add(feed(1));
    expect(await sources.claimDue('died', 1, 200)).toHaveLength(1);
    expect(await sources.claimDue('alive', 1, 60_000)).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, 400));

    expect((await sources.claimDue('alive', 1, 60_000)).map((s) => s.leaseOwner)).toEqual([
      'alive',
    ]);
  });

  it('saves a cursor only while the saver holds the lease, and resets it only while no one does', async () => {
    const archive: NewSource = { ...feed(1), url: 'file:///data/cc.warc.gz', kind: 'warc' };
    await sources.add(archive);
    const cursor = { archive: 'cc.warc.gz', offset: 1234, complete: false };

    expect(await sources.saveCursor(archive.id, 'a', cursor)).toBe(false);
    await sources.claimDue('a', 1, 60_000);
    expect(await sources.saveCursor(archive.id, 'b', { ...cursor, offset: 9 })).toBe(false);
    expect(await sources.saveCursor(archive.id, 'a', cursor)).toBe(true);
    expect(await sources.find(archive.id)).toMatchObject({ kind: 'warc', cursor });

    // A poll in progress would save over a reset: refused while the lease is held.
    expect(await sources.resetCursor(archive.url)).toMatchObject({ status: 'leased' });
    await sources.recordPoll(archive.id, 'a', polledOk);
    expect(await sources.saveCursor(archive.id, 'a', { ...cursor, offset: 9 })).toBe(false);
    expect((await sources.find(archive.id))?.cursor).toEqual(cursor);

    expect(await sources.resetCursor(archive.url)).toEqual({ status: 'reset' });
    const reset = await sources.find(archive.id);
    expect(reset?.cursor).toBeNull();
    expect(reset?.nextPollAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await sources.resetCursor('nothing')).toEqual({ status: 'missing' });
  });

  it('lets a cursor be saved no more once the lease expired', async () => {
    const archive: NewSource = { ...feed(1), url: 'file:///data/cc.warc.gz', kind: 'warc' };
    await sources.add(archive);
    await sources.claimDue('a', 1, 200);
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(await sources.saveCursor(archive.id, 'a', { offset: 1 })).toBe(false);
  });

  it('keeps the validators of the last good copy when a poll fails, and disables with a reason', async () => {
    await sources.add(feed(1));
    await sources.claimDue('a', 1, 60_000);
    await sources.recordPoll(feed(1).id, 'a', { ...polledOk, nextPollAt: new Date() });
    await sources.claimDue('a', 1, 60_000);

    await sources.recordPoll(feed(1).id, 'a', {
      outcome: 'failed',
      error: 'http-status 500',
      nextPollAt: null,
      pollIntervalMs: 60_000,
      failureStreak: 5,
      disabledReason: 'disabled after 5 failures in a row; last: http-status 500',
      published: 0,
    });

    expect(await sources.find(feed(1).id)).toMatchObject({
      enabled: false,
      etag: '"v1"',
      lastError: 'http-status 500',
      failureStreak: 5,
      disabledReason: 'disabled after 5 failures in a row; last: http-status 500',
    });
    expect(await sources.claimDue('a', 1, 60_000)).toEqual([]);
  });
});

describe(FetchedPagesRepository.name, () => {
  let database: TempDatabase;
  let dataSource: DataSource;
  let pages: FetchedPagesRepository;

  beforeAll(async () => {
    database = await createTempDatabase();
    dataSource = createDataSource(database.url);
    await dataSource.initialize();
    await runMigrations(dataSource);
    pages = new FetchedPagesRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const page = {
    url: 'https://news.example/a',
    articleId: 'a1',
    contentHash: 'h1',
    sourceId: 's1',
    listedAt: new Date('2025-10-01T10:00:00Z'),
    refused: null,
  };

  it('counts a version per content change, folds a URL twice in a batch, finds by hash', async () => {
    await pages.record([page, { ...page, url: 'https://news.example/b', contentHash: 'h2' }]);
    await pages.record([page]);
    expect(await pages.versions(page.url)).toBe(1);

    await pages.record([
      { ...page, contentHash: 'h3' },
      { ...page, contentHash: 'h4' },
    ]);

    expect(await pages.versions(page.url)).toBe(2);
    expect((await pages.byUrl([page.url, 'https://news.example/none'])).get(page.url)).toEqual({
      url: page.url,
      articleId: 'a1',
      contentHash: 'h4',
      listedAt: page.listedAt,
      refused: null,
    });
    expect([...(await pages.byContentHash(['h2', 'h1'])).keys()]).toEqual(['h2']);
  });

  it('remembers a refused page with why, counts no version for it, and one when it is published at last', async () => {
    const big = { ...page, url: 'https://news.example/big', contentHash: '', refused: 'too-large' };
    await pages.record([big]);
    expect(await pages.versions(big.url)).toBe(0);
    expect((await pages.byUrl([big.url])).get(big.url)?.refused).toBe('too-large');
    // A refused page is no original for dedup: its hash is not an article that went out.
    await pages.record([{ ...big, contentHash: 'h-big', refused: 'too-large-for-topic' }]);
    expect(await pages.byContentHash(['h-big'])).toEqual(new Map());

    await pages.record([{ ...big, contentHash: 'h-big', refused: null }]);

    expect(await pages.versions(big.url)).toBe(1);
    expect((await pages.byUrl([big.url])).get(big.url)?.refused).toBeNull();
    expect([...(await pages.byContentHash(['h-big'])).keys()]).toEqual(['h-big']);
  });
});
