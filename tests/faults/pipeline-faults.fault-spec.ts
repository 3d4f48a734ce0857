import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { brokerPid, newsPages, seededRandom, stopTestBroker, waitFor } from '@newsflow/testing';
import type { Stage } from '@newsflow/testing';
import { isReadable } from '../readable-pages';
import { FaultStack, LEASE_MS, runScenario, table } from './fault-stack';
import type { ScenarioCounts } from './fault-stack';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Real pages stream through the four stages as processes, the suite's own broker and Postgres,
 * while each scenario breaks one thing and mends it. Every scenario then counts: each page one
 * row, no revision past the first, no dead letter, every consumer group's lag back to 0. The
 * table at the end is the suite's report (`npm run test:faults`).
 */
describe('the pipeline under faults', () => {
  const stack = new FaultStack();
  const results: ScenarioCounts[] = [];
  const pages = newsPages().filter(isReadable);
  // The moments of the kills are random; the seed is printed, and FAULT_SEED replays a run.
  const seed = Number(process.env.FAULT_SEED ?? Date.now() % 100_000);
  const random = seededRandom(seed);

  beforeAll(async () => {
    process.stdout.write(`faults: seed ${seed}, ${pages.length} real pages\n`);
    await stack.start();
  }, 300_000);

  afterAll(async () => {
    process.stdout.write(`\nfaults:\n${table(results)}\n\n`);
    await stack.stop();
  }, 120_000);

  function expectNothingLostOrDoubled(counts: ScenarioCounts): void {
    results.push(counts);
    process.stdout.write(`faults: ${JSON.stringify(counts)}\n`);
    expect(counts).toMatchObject({
      rows: counts.pagesSent,
      strayRows: 0,
      extraRevisions: 0,
      deadLetters: 0,
      lag: 0,
    });
  }

  it('loses and doubles nothing when each stage is SIGKILLed three times mid-stream', async () => {
    const kills: Stage[] = shuffle(
      ['fetcher', 'parser', 'enricher', 'store', 'fetcher', 'parser', 'enricher', 'store'].concat([
        'fetcher',
        'parser',
        'enricher',
        'store',
      ]) as Stage[],
      random,
    );
    const counts = await runScenario(stack, pages, {
      name: 'SIGKILL each stage 3 times',
      total: 180,
      perSecond: 3,
      fault: async () => {
        // A restarted stage is ready once its group has rebalanced, which waits out the dead
        // member's session (about 25 s): the next kill does not wait for it, unless it is of the
        // same stage.
        const restarts = new Map<Stage, Promise<unknown>>();
        for (const stage of kills) {
          await sleep(1_000 + random() * 2_000);
          await restarts.get(stage);
          await stack.kill(stage);
          restarts.set(stage, stack.startProcess(stage));
        }
        await Promise.all(restarts.values());
        return Date.now();
      },
    });
    expectNothingLostOrDoubled(counts);
  }, 600_000);

  it('loses and doubles nothing when the broker is SIGKILLed and restarted', async () => {
    const counts = await runScenario(stack, pages, {
      name: 'broker SIGKILL, restart',
      total: 60,
      perSecond: 3,
      fault: async () => {
        await sleep(5_000);
        process.kill(brokerPid(stack.broker), 'SIGKILL');
        await sleep(5_000);
        await stack.startBroker(false);
        return Date.now();
      },
    });
    expectNothingLostOrDoubled(counts);
  }, 600_000);

  it('loses and doubles nothing over a clean broker restart', async () => {
    const counts = await runScenario(stack, pages, {
      name: 'broker clean restart',
      total: 60,
      perSecond: 3,
      fault: async () => {
        await sleep(6_000);
        await stopTestBroker(stack.broker);
        await stack.startBroker(false);
        return Date.now();
      },
    });
    expectNothingLostOrDoubled(counts);
  }, 600_000);

  it('loses and doubles nothing when Postgres restarts', async () => {
    const counts = await runScenario(stack, pages, {
      name: 'Postgres restart',
      total: 60,
      perSecond: 3,
      fault: async () => {
        await sleep(6_000);
        const version = readdirSync('/etc/postgresql')[0] ?? '15';
        await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart']);
        await waitFor('Postgres back', async () => {
          await run('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']);
          return true;
        });
        return Date.now();
      },
    });
    expectNothingLostOrDoubled(counts);
  }, 600_000);

  it('loses and doubles nothing when Postgres is cut off for 30 s', async () => {
    const counts = await runScenario(stack, pages, {
      name: 'Postgres cut 30 s',
      total: 105,
      perSecond: 3,
      fault: async () => {
        await sleep(3_000);
        await stack.fetcherDbProxy.cut();
        await stack.storeDbProxy.cut();
        try {
          await sleep(30_000);
        } finally {
          await stack.fetcherDbProxy.start();
          await stack.storeDbProxy.start();
        }
        return Date.now();
      },
    });
    expectNothingLostOrDoubled(counts);
  }, 600_000);

  it('loses and doubles nothing when the broker is cut off for 30 s', async () => {
    const counts = await runScenario(stack, pages, {
      name: 'broker cut 30 s',
      total: 105,
      perSecond: 3,
      fault: async () => {
        await sleep(3_000);
        await stack.brokerProxy.cut();
        try {
          await sleep(30_000);
        } finally {
          await stack.brokerProxy.start();
        }
        return Date.now();
      },
    });
    expectNothingLostOrDoubled(counts);
  }, 600_000);

  it('stores once the pages a killed fetcher published but never remembered', async () => {
    const counts = await runScenario(stack, pages, {
      name: 'fetcher killed before remembering',
      total: 30,
      perSecond: 1_000,
      fault: async (_feed, sourceId) => {
        // The fetcher remembers a poll's pages by writing fetched_pages after publishing them.
        // A lock on that table lets it read (and so fetch and publish) but holds the write: the
        // window between publishing and remembering, held open while the fetcher is killed.
        const lock = stack.dataSource.createQueryRunner();
        await lock.connect();
        await lock.startTransaction();
        try {
          await lock.query('LOCK TABLE fetched_pages IN EXCLUSIVE MODE');
          const blocked = await waitFor(
            'the fetcher waiting to remember a poll it published',
            async () => {
              const [waiting] = await stack.dataSource.query<{ pid: number; query: string }[]>(
                `SELECT pid, query FROM pg_stat_activity
                 WHERE wait_event_type = 'Lock' AND query ILIKE '%INSERT INTO fetched_pages%'
                   AND pid <> pg_backend_pid()`,
              );
              return waiting;
            },
            { timeoutMs: 60_000, intervalMs: 100 },
          );
          await stack.kill('fetcher');
          // Postgres does not notice a dead client while its statement waits on a lock: freed, the
          // INSERT would still commit. Ending its session too is the kill landing before the commit.
          // With a timeout, pg_terminate_backend waits until that session has ended.
          const [ended] = await stack.dataSource.query<{ ended: boolean }[]>(
            'SELECT pg_terminate_backend($1, 10000) AS ended',
            [blocked.pid],
          );
          if (!ended?.ended) throw new Error(`the fetcher's session ${blocked.pid} did not end`);
        } finally {
          await lock.rollbackTransaction();
          await lock.release();
        }
        await stack.startProcess('fetcher');
        // Once the dead fetcher's lease has run out, the source is polled again and, this time,
        // its pages remembered.
        await waitFor(
          'the pages remembered by the restarted fetcher',
          async () => {
            const [remembered] = await stack.dataSource.query<{ n: number }[]>(
              'SELECT count(*)::int AS n FROM fetched_pages WHERE source_id = $1',
              [sourceId],
            );
            return (remembered?.n ?? 0) >= 30 ? true : undefined;
          },
          { timeoutMs: LEASE_MS * 4, intervalMs: 250 },
        );
        return Date.now();
      },
    });
    // The kill fell in the window: pages went out again after the restart...
    expect(counts.published).toBeGreaterThan(counts.pagesSent);
    // ...and are still one row each, at their first revision.
    expectNothingLostOrDoubled(counts);
  }, 600_000);

  it('fails loudly when a stage hits its heap limit, and loses nothing once it restarts', async () => {
    const heapMb = Number(process.env.FAULT_PARSER_HEAP_MB ?? 48);
    let death: { exit: unknown; output: string } | undefined;
    const counts = await runScenario(stack, pages, {
      name: `parser heap limit (${heapMb} MB) hit`,
      total: 60,
      perSecond: 60,
      fault: async () => {
        // The parser again, with a heap too small for a batch of real pages.
        const port = stack.portOf('parser');
        await stack.stopProcess('parser');
        stack.define('parser', 'parser', port, {
          NODE_OPTIONS: `--max-old-space-size=${heapMb}`,
        });
        const small = await stack.startProcess('parser');
        const exit = await Promise.race([small.exited, sleep(120_000).then(() => undefined)]);
        death = { exit, output: small.output() };
        await stack.kill('parser');
        // Restarted with its usual heap, as an operator raising the limit would.
        stack.define('parser', 'parser', port);
        await stack.startProcess('parser');
        return Date.now();
      },
    });
    process.stdout.write(`faults: the small parser ended ${JSON.stringify(death?.exit)}\n`);
    // Loudly: V8's fatal error on stderr and an abort, which an orchestrator sees and restarts.
    expect(death?.exit).toMatchObject({ signal: 'SIGABRT' });
    expect(death?.output).toContain('heap out of memory');
    expectNothingLostOrDoubled(counts);
  }, 600_000);

  it('polls a killed replica’s sources again once its lease expires, publishing no page twice', async () => {
    stack.define('fetcher-2', 'fetcher', 16005);
    await stack.startProcess('fetcher-2');
    let lease = { claimedAt: 0, nextPollAt: 0 };
    const counts = await runScenario(stack, pages, {
      name: 'lease holder of 2 fetchers killed',
      total: 60,
      perSecond: 3,
      fault: async (feed, sourceId) => {
        await sleep(6_000);
        // The next poll waits on its feed: the replica holding the lease is mid-poll.
        feed.delayFeed(3_000);
        const before = feed.feedRequestTimes().length;
        const claimedAt = await waitFor('the next poll', () =>
          feed.feedRequestTimes().length > before ? feed.feedRequestTimes()[before] : undefined,
        );
        const [{ lease_owner: owner } = { lease_owner: null }] = await stack.dataSource.query<
          { lease_owner: string | null }[]
        >('SELECT lease_owner FROM sources WHERE id = $1', [sourceId]);
        const pid = Number(owner?.split(':')[1]);
        const holder = stack.names().find((name) => stack.pidOf(name) === pid);
        if (!holder) throw new Error(`no fetcher of ours holds the lease (${owner})`);
        const killedAt = Date.now();
        await stack.kill(holder);
        feed.delayFeed(0);
        const nextPollAt = await waitFor(
          'the source polled again',
          () => feed.feedRequestTimes().find((t) => t > killedAt),
          { timeoutMs: LEASE_MS * 3 },
        );
        lease = { claimedAt: claimedAt ?? 0, nextPollAt };
        await stack.startProcess(holder);
        return Date.now();
      },
    });
    process.stdout.write(
      `faults: lease claimed, holder killed; polled again ${lease.nextPollAt - lease.claimedAt} ms after the claim (lease ${LEASE_MS} ms)\n`,
    );
    await stack.stopProcess('fetcher-2');
    // Nobody polled the source while the dead replica's lease held.
    expect(lease.nextPollAt - lease.claimedAt).toBeGreaterThanOrEqual(LEASE_MS - 1_000);
    expect(counts.mostPublishesOfOnePage).toBe(1);
    expectNothingLostOrDoubled(counts);
  }, 600_000);
});

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
