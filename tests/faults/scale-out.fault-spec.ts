import { newsPages, waitFor } from '@newsflow/testing';
import { isReadable } from '../readable-pages';
import { FaultStack, runScenario, table } from './fault-stack';
import type { ConsumingStage, GroupAssignment, ScenarioCounts } from './fault-stack';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A group notices a SIGKILLed member only when its session runs out: 10 s here rather than the
 * default 30 s, so the scenario fits the suite's time in CI. The figure printed is the time
 * from the kill to the survivors holding every partition, and it follows this setting.
 */
const SESSION_TIMEOUT_MS = 10_000;
const PARTITIONS = [0, 1, 2];
const SCALED: readonly ConsumingStage[] = ['parser', 'enricher'];

/**
 * Scale-out, shown: 3 parsers and 2 enrichers as OS processes in their consumer groups (topics
 * of 3 partitions), 1 fetcher and 1 store, while real pages stream. One parser and one enricher
 * are SIGKILLed mid-stream; their groups hand their partitions to the survivors, and every page
 * is still one row.
 */
describe('the pipeline scaled out', () => {
  const stack = new FaultStack({
    replicas: { parser: 3, enricher: 2 },
    env: { KAFKA_SESSION_TIMEOUT_MS: String(SESSION_TIMEOUT_MS) },
  });
  const pages = newsPages().filter(isReadable);

  beforeAll(async () => {
    await stack.start();
  }, 300_000);

  afterAll(async () => {
    await stack.stop();
  }, 120_000);

  /**
   * The group's assignment once it is stable with exactly `members`, every partition held by
   * one of them; the last one read if that does not come within a minute, for the test to show.
   */
  async function settled(stage: ConsumingStage, members: string[]): Promise<GroupAssignment> {
    const wanted = [...members].sort().join();
    return waitFor(
      `the ${stage} group stable with ${wanted}`,
      async () => {
        const group = await stack.assignments(stage);
        const names = group.members.map((member) => member.name ?? member.memberId).sort();
        return group.state === 'Stable' &&
          names.join() === wanted &&
          heldPartitions(group).join() === PARTITIONS.join()
          ? group
          : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    ).catch(() => stack.assignments(stage));
  }

  it('moves a SIGKILLed parser’s and enricher’s partitions to the survivors, losing and doubling no page', async () => {
    const before = new Map<ConsumingStage, GroupAssignment>();
    const after = new Map<ConsumingStage, GroupAssignment>();
    const rebalanceSeconds = new Map<ConsumingStage, number>();
    const killed = new Map<ConsumingStage, string>();
    const handledBeforeKill = new Map<string, number>();
    const counts = await runScenario(stack, pages, {
      name: 'SIGKILL 1 of 3 parsers, 1 of 2 enrichers',
      total: 150,
      perSecond: 4,
      fault: async () => {
        // Pages flowing through every replica first, so the kills land on replicas at work.
        await sleep(6_000);
        for (const name of SCALED.flatMap((stage) => stack.replicaNames(stage))) {
          handledBeforeKill.set(
            name,
            await waitFor(
              `${name} handling pages`,
              async () => {
                const handled = await stack.handled(name);
                return handled > 0 ? handled : undefined;
              },
              { timeoutMs: 60_000, intervalMs: 250 },
            ),
          );
        }
        for (const stage of SCALED)
          before.set(stage, await settled(stage, stack.replicaNames(stage)));
        for (const stage of SCALED) {
          // The member holding the most partitions: the enricher with two of the three.
          const [victim] = [...(before.get(stage)?.members ?? [])].sort(
            (a, b) => b.partitions.length - a.partitions.length,
          );
          if (!victim?.name) throw new Error(`no ${stage} of ours in its group to kill`);
          killed.set(stage, victim.name);
        }
        const killedAt = Date.now();
        await Promise.all([...killed.values()].map((name) => stack.kill(name)));
        await Promise.all(
          SCALED.map(async (stage) => {
            const survivors = stack
              .replicaNames(stage)
              .filter((name) => name !== killed.get(stage));
            after.set(stage, await settled(stage, survivors));
            rebalanceSeconds.set(stage, (Date.now() - killedAt) / 1000);
          }),
        );
        return Date.now();
      },
    });

    process.stdout.write(`\nscale-out:\n${table([counts])}\n`);
    for (const stage of SCALED) {
      process.stdout.write(
        `scale-out: ${stage} group: before the kill ${summary(before.get(stage))}; ${killed.get(stage)} SIGKILLed; ` +
          `${rebalanceSeconds.get(stage)?.toFixed(1)} s later ${summary(after.get(stage))} (session ${SESSION_TIMEOUT_MS / 1000} s)\n`,
      );
    }
    process.stdout.write(
      `scale-out: messages handled by each replica before the kills: ${JSON.stringify(Object.fromEntries(handledBeforeKill))}\n`,
    );
    process.stdout.write(`scale-out: ${JSON.stringify(counts)}\n\n`);

    for (const stage of SCALED) {
      const all = stack.replicaNames(stage);
      const victim = killed.get(stage);
      const survivors = all.filter((name) => name !== victim);
      const was = before.get(stage);
      const now = after.get(stage);
      // Before: every replica a member, the 3 partitions spread over them, each held once.
      expect({ stage, members: memberNames(was), held: heldPartitions(was) }).toEqual({
        stage,
        members: [...all].sort(),
        held: PARTITIONS,
      });
      if (stage === 'parser')
        expect(was?.members.every((m) => m.partitions.length === 1)).toBe(true);
      // After: the killed member gone, the survivors holding all 3, the group settled.
      expect({
        stage,
        state: now?.state,
        members: memberNames(now),
        held: heldPartitions(now),
      }).toEqual({ stage, state: 'Stable', members: [...survivors].sort(), held: PARTITIONS });
    }
    expectNothingLostOrDoubled(counts);
  }, 600_000);
});

function expectNothingLostOrDoubled(counts: ScenarioCounts): void {
  expect(counts).toMatchObject({
    rows: counts.pagesSent,
    strayRows: 0,
    extraRevisions: 0,
    deadLetters: 0,
    lag: 0,
  });
}

/** Every partition the group's members hold, in order; a partition held twice shows twice. */
function heldPartitions(group: GroupAssignment | undefined): number[] {
  return (group?.members ?? []).flatMap((member) => member.partitions).sort((a, b) => a - b);
}

function memberNames(group: GroupAssignment | undefined): string[] {
  return (group?.members ?? []).map((member) => member.name ?? member.memberId).sort();
}

/** "Stable: parser [0], parser-2 [1], parser-3 [2]" */
function summary(group: GroupAssignment | undefined): string {
  if (!group) return 'not read';
  const members = [...group.members]
    .sort((a, b) => (a.name ?? a.memberId).localeCompare(b.name ?? b.memberId))
    .map((member) => `${member.name ?? member.memberId} [${member.partitions.join(',')}]`);
  return `${group.state}: ${members.join(', ')}`;
}
