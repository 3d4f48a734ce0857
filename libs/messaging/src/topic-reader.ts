import { randomUUID } from 'node:crypto';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import { errorMessage } from '@newsflow/runtime';

/** Offsets `from` up to, not including, `to` of one partition. */
export interface PartitionRange {
  topic: string;
  partition: number;
  from: string;
  to: string;
}

export interface ReadRangesOptions {
  /**
   * Start of the throwaway group's id; a random UUID follows. It must not start like the
   * stages' groups (`<KAFKA_GROUP_PREFIX>-`), so `newsctl lag` does not list it.
   */
  groupPrefix: string;
  /** Gives up when no message came for this long while some range is unread. */
  idleTimeoutMs?: number;
}

/** A reader that waits longer than this for the next message has lost the broker. */
const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/**
 * Each partition of each topic from the earliest message still on the broker to the end it has
 * now, as read in one ListOffsets per topic. Empty partitions are left out. Reading these
 * ranges reads what the topics held when this was called, however fast they grow meanwhile.
 */
export async function rangesToEnd(
  admin: Admin,
  topics: readonly string[],
): Promise<PartitionRange[]> {
  const ranges: PartitionRange[] = [];
  for (const topic of topics) {
    for (const { partition, low, high } of await admin.fetchTopicOffsets(topic))
      if (BigInt(high) > BigInt(low)) ranges.push({ topic, partition, from: low, to: high });
  }
  return ranges.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/**
 * Reads the messages of each range, in order within a partition, handing each to `onMessage`
 * (awaited: nothing more is fetched while it works), and returns once every range is read.
 *
 * kafkajs can only consume through a group, so the reader joins a throwaway one with a random
 * id, never commits (no offset of any group moves), and deletes the group when done. A message
 * that `onMessage` throws on stops the read and rejects with that error.
 */
export async function readRanges(
  kafka: Kafka,
  ranges: readonly PartitionRange[],
  onMessage: (message: KafkaMessage, topic: string, partition: number) => Promise<void> | void,
  { groupPrefix, idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS }: ReadRangesOptions,
): Promise<void> {
  const unread = new Map<string, PartitionRange>();
  for (const range of ranges)
    if (BigInt(range.to) > BigInt(range.from))
      unread.set(`${range.topic}:${range.partition}`, range);
  if (unread.size === 0) return;

  const groupId = `${groupPrefix}-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  let settle: (error?: unknown) => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    settle = (error?: unknown) =>
      error === undefined
        ? resolve()
        : reject(error instanceof Error ? error : new Error(errorMessage(error)));
  });
  // Settled while the reader is still joining: awaited below, so not an unhandled rejection.
  finished.catch(() => undefined);
  let stopped = false;
  const stop = (error?: unknown) => {
    if (stopped) return;
    stopped = true;
    settle(error);
  };
  let idle: NodeJS.Timeout | undefined;
  const watch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      const left = [...unread.values()].map((r) => `${r.topic}:${r.partition} ${r.from}..${r.to}`);
      stop(new Error(`no message for ${idleTimeoutMs} ms while reading ${left.join(', ')}`));
    }, idleTimeoutMs);
  };
  const offCrash = consumer.on(consumer.events.CRASH, ({ payload }) => stop(payload.error));

  try {
    await consumer.connect();
    await consumer.subscribe({
      topics: [...new Set([...unread.values()].map((r) => r.topic))],
      fromBeginning: true,
    });
    watch();
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, partition, message }) => {
        if (stopped) return;
        const range = unread.get(`${topic}:${partition}`);
        if (!range) return;
        watch();
        const offset = BigInt(message.offset);
        if (offset >= BigInt(range.from) && offset < BigInt(range.to)) {
          try {
            await onMessage(message, topic, partition);
          } catch (error) {
            stop(error);
            return;
          }
        }
        // The last offset of a range is always there to be read: the end was taken from the
        // partition, and compaction never removes a partition's last message.
        if (offset + 1n >= BigInt(range.to)) {
          unread.delete(`${topic}:${partition}`);
          if (unread.size === 0) stop();
        }
      },
    });
    for (const range of unread.values())
      consumer.seek({ topic: range.topic, partition: range.partition, offset: range.from });
    await finished;
  } finally {
    clearTimeout(idle);
    offCrash();
    await consumer.disconnect();
    await forget(kafka, groupId);
  }
}

/**
 * Deletes the reader's group once it has left. An empty group without offsets would otherwise
 * stay listed until the broker's next cleanup (offsets.retention.check.interval.ms, 10 min by
 * default). Best effort: without the right to delete groups, it is left to that cleanup.
 */
async function forget(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.deleteGroups([groupId]);
  } catch {
    // Left to the broker's cleanup; nothing of it is read again.
  } finally {
    await admin.disconnect();
  }
}
