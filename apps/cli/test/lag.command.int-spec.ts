import { randomBytes } from 'node:crypto';
import { Topic, exampleArticleFetched } from '@newsflow/contracts';
import type { ArticleFetchedV1 } from '@newsflow/contracts';
import { EventPublisher, createKafka, ensureTopics } from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import type { GroupLag } from '@newsflow/messaging';
import { stagePorts, startGroupsAtTheEnd, startService, waitFor } from '@newsflow/testing';
import type { RunningService } from '@newsflow/testing';
import type { Admin, Kafka } from 'kafkajs';
import { runNewsctl } from './run-newsctl';
import type { NewsctlRun } from './run-newsctl';

const BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
/** This suite's block of health ports: 17105-17108 (only the parser's and the enricher's used). */
const PORTS = stagePorts(17105);
/** Nothing listens here: this suite's broker port for "cannot be reached". */
const DEAD_BROKER = '127.0.0.1:17109';

/**
 * `newsctl lag` as a person runs it (the built CLI) against the real broker, while real stages
 * consume: no lag once the pipeline drained, lag for a group whose stage is stopped.
 */
describe('newsctl lag', () => {
  const prefix = `cli-lag-${Date.now()}`;
  let kafka: Kafka;
  let admin: Admin;
  let publisher: EventPublisher;
  let env: NodeJS.ProcessEnv;
  const services = new Map<string, RunningService>();

  beforeAll(async () => {
    kafka = createKafka(
      { brokers: BROKERS.split(','), clientId: 'cli-lag-spec' },
      jsonLogger('test', 'error'),
    );
    await ensureTopics(kafka, { partitions: 3 });
    // Earlier suites left messages in the shared topics: these groups start at their end.
    await startGroupsAtTheEnd(kafka, prefix);
    admin = kafka.admin();
    await admin.connect();
    publisher = new EventPublisher(kafka);
    env = { ...process.env, KAFKA_BROKERS: BROKERS, KAFKA_GROUP_PREFIX: prefix, LOG_LEVEL: 'warn' };
    services.set('parser', await startService('parser', PORTS.parser, env));
    services.set('enricher', await startService('enricher', PORTS.enricher, env));
  });

  afterAll(async () => {
    for (const service of [...services.values()].reverse()) await service.stop('SIGTERM');
    await publisher?.disconnect();
    await admin?.disconnect();
  });

  function newsctl(args: string[], overrides: NodeJS.ProcessEnv = {}): Promise<NewsctlRun> {
    return runNewsctl(['lag', ...args], { ...env, ...overrides });
  }

  async function lagOf(group: string): Promise<GroupLag> {
    const { code, out, err } = await newsctl(['--group', group, '--json']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const { groups } = JSON.parse(out) as { groups: GroupLag[] };
    expect(groups.map((g) => g.groupId)).toEqual([group]);
    return groups[0] as GroupLag;
  }

  /** The sum of the end offsets of a topic's partitions. */
  async function endOf(topic: string): Promise<bigint> {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + BigInt(p.high), 0n);
  }

  /** Waits until the group has committed up to `end` (summed over partitions) on its topic. */
  async function drained(group: string, end: bigint): Promise<GroupLag> {
    return waitFor(
      `${group} to commit up to ${end}`,
      async () => {
        const lag = await lagOf(group);
        const committed = lag.partitions.reduce((sum, p) => sum + BigInt(p.committed ?? '0'), 0n);
        return committed === end ? lag : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  }

  function pages(count: number): ArticleFetchedV1[] {
    return Array.from({ length: count }, () => ({
      ...structuredClone(exampleArticleFetched),
      id: randomBytes(8).toString('hex'),
    }));
  }

  async function publish(messages: ArticleFetchedV1[]): Promise<void> {
    await publisher.publishMany(
      Topic.ArticleFetched,
      messages.map((value) => ({ key: value.id, value })),
    );
  }

  it('shows lag 0 and the member of each partition once the pipeline drained', async () => {
    const parsedBefore = await endOf(Topic.ArticleParsed);
    await publish(pages(2));
    const fetchedEnd = await endOf(Topic.ArticleFetched);

    const parser = await drained(`${prefix}-parser`, fetchedEnd);
    const enricher = await drained(`${prefix}-enricher`, parsedBefore + 2n);

    for (const [stage, group] of [
      ['parser', parser],
      ['enricher', enricher],
    ] as const) {
      expect(group).toMatchObject({ state: 'Stable', members: 1, totalLag: 0 });
      expect(group.partitions).toHaveLength(3);
      for (const partition of group.partitions) {
        expect(partition.lag).toBe(0);
        expect(partition.committed).toBe(partition.end);
        expect(partition.member).toEqual({
          clientId: `newsflow-${stage}`,
          host: expect.stringMatching(/\S/) as unknown,
        });
      }
    }
    expect(parser.partitions.map((p) => p.topic)).toEqual(Array(3).fill(Topic.ArticleFetched));

    const table = await newsctl(['--group', `${prefix}-parser`]);
    expect(table.code).toBe(0);
    const lines = table.out.split('\n');
    expect(lines[0]).toBe(`group ${prefix}-parser (Stable, 1 member)`);
    expect(lines[1]).toMatch(/^topic +partition +committed +end +lag +member$/);
    for (const row of lines.slice(2, 5))
      expect(row).toMatch(/^news\.article\.fetched\.v1 +[0-2] +(\d+) +\1 +0 +newsflow-parser@\S+$/);
    expect(lines.slice(5)).toEqual(['total lag 0', '']);

    // Without --group: every group of the pipeline (KAFKA_GROUP_PREFIX), the store's too,
    // which has offsets but no member.
    const all = await newsctl(['--json']);
    const { groups } = JSON.parse(all.out) as { groups: GroupLag[] };
    expect(groups.map((g) => g.groupId)).toEqual([
      `${prefix}-enricher`,
      `${prefix}-parser`,
      `${prefix}-store`,
    ]);
    expect(groups.find((g) => g.groupId === `${prefix}-store`)).toMatchObject({ members: 0 });
  });

  it('shows the lag of a group whose stage is stopped while messages are published', async () => {
    const parsedBefore = await endOf(Topic.ArticleParsed);
    await services.get('enricher')?.stop('SIGTERM');
    services.delete('enricher');

    await publish(pages(3));
    await drained(`${prefix}-parser`, await endOf(Topic.ArticleFetched));
    const parsedAfter = await endOf(Topic.ArticleParsed);
    expect(parsedAfter - parsedBefore).toBe(3n);

    const enricher = await lagOf(`${prefix}-enricher`);
    expect(enricher).toMatchObject({ state: 'Empty', members: 0, totalLag: 3 });
    expect(enricher.partitions.every((p) => p.member === null)).toBe(true);
    expect(enricher.partitions.map((p) => p.topic)).toEqual(Array(3).fill(Topic.ArticleParsed));

    const table = await newsctl(['--group', `${prefix}-enricher`]);
    expect(table.out).toMatch(new RegExp(`^group ${prefix}-enricher \\(Empty, 0 members\\)\n`));
    expect(table.out).toMatch(/\ntotal lag 3\n$/);
    expect(table.out).toMatch(/^news\.article\.parsed\.v1 +\d +\d+ +\d+ +\d +-$/m);
  });

  it('exits 1 with a clear message when the group does not exist or the broker cannot be reached', async () => {
    expect(await newsctl(['--group', `${prefix}-nobody`])).toEqual({
      code: 1,
      out: '',
      err: `newsctl: no consumer group ${prefix}-nobody on ${BROKERS}\n`,
    });
    expect(await newsctl([], { KAFKA_BROKERS: DEAD_BROKER })).toEqual({
      code: 1,
      out: '',
      err:
        `newsctl: cannot reach Kafka at ${DEAD_BROKER} (ECONNREFUSED): is it running? ` +
        'Set KAFKA_BROKERS to use other brokers.\n',
    });
  });
});
