import { DEAD_LETTER_REPLAYS_TOPIC } from '@newsflow/contracts';
import type { DeadLetterTopic } from '@newsflow/contracts';
import { parseDeadLetterReplay, rangesToEnd, readRanges } from '@newsflow/messaging';
import type { DeadLetterId, DeadLetterReplay, PartitionRange } from '@newsflow/messaging';
import type { Admin, Kafka } from 'kafkajs';

/**
 * The throwaway groups the CLI reads through start with this: not `<KAFKA_GROUP_PREFIX>-`,
 * so `newsctl lag` never lists them. They commit nothing and are deleted when the read ends.
 */
export const READER_GROUP_PREFIX = 'newsctl-reader';

/** A letter in `ranges` that is not on the broker: past the end, or deleted by retention. */
export interface MissingLetter {
  id: DeadLetterId;
  /** The offsets the partition holds now, `start..end` (end excluded). */
  holds: string;
}

/** The dead-letter topics and the replay record, on the broker; reads never move a group. */
export class DeadLettersRepository {
  constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
  ) {}

  /**
   * The last replay of each letter, by letter id, from DEAD_LETTER_REPLAYS_TOPIC read to its
   * end. Empty when nothing was ever replayed (the topic is made by the first replay).
   */
  async replays(): Promise<Map<string, DeadLetterReplay>> {
    const replays = new Map<string, DeadLetterReplay>();
    if (!(await this.admin.listTopics()).includes(DEAD_LETTER_REPLAYS_TOPIC)) return replays;
    const ranges = await rangesToEnd(this.admin, [DEAD_LETTER_REPLAYS_TOPIC]);
    await readRanges(
      this.kafka,
      ranges,
      (message) => {
        const replay = parseDeadLetterReplay(message.value);
        // Later records of a letter replace earlier ones, as compaction will.
        if (replay && message.key?.toString('utf8') === replay.letterId)
          replays.set(replay.letterId, replay);
      },
      { groupPrefix: READER_GROUP_PREFIX },
    );
    return replays;
  }

  /** Every letter the topics hold now; a topic not created yet holds none. */
  async everyLetter(topics: readonly DeadLetterTopic[]): Promise<PartitionRange[]> {
    const existing = new Set(await this.admin.listTopics());
    return rangesToEnd(
      this.admin,
      topics.filter((t) => existing.has(t)),
    );
  }

  /**
   * The ranges that hold `ids` (one per partition, from the first id to the last) and the ids
   * that are not on the broker.
   */
  async lettersAt(
    ids: readonly DeadLetterId[],
  ): Promise<{ ranges: PartitionRange[]; missing: MissingLetter[] }> {
    const existing = new Set(await this.admin.listTopics());
    const bounds = new Map<string, { low: bigint; high: bigint }>();
    for (const topic of new Set(ids.map((id) => id.topic))) {
      if (!existing.has(topic)) continue;
      for (const { partition, low, high } of await this.admin.fetchTopicOffsets(topic))
        bounds.set(`${topic}:${partition}`, { low: BigInt(low), high: BigInt(high) });
    }
    const wanted = new Map<string, PartitionRange>();
    const missing: MissingLetter[] = [];
    for (const id of ids) {
      const key = `${id.topic}:${id.partition}`;
      const bound = bounds.get(key);
      const offset = BigInt(id.offset);
      if (!bound || offset < bound.low || offset >= bound.high) {
        missing.push({ id, holds: bound ? `${bound.low}..${bound.high}` : 'no such partition' });
        continue;
      }
      const range = wanted.get(key);
      const to = (offset + 1n).toString();
      if (!range)
        wanted.set(key, { topic: id.topic, partition: id.partition, from: id.offset, to });
      else {
        if (offset < BigInt(range.from)) range.from = id.offset;
        if (offset + 1n > BigInt(range.to)) range.to = to;
      }
    }
    return { ranges: [...wanted.values()], missing };
  }

  /** Reads the ranges, handing over each message with its letter id, in order per partition. */
  async read(
    ranges: readonly PartitionRange[],
    onLetter: (id: DeadLetterId, value: Buffer | null) => Promise<void> | void,
  ): Promise<void> {
    await readRanges(
      this.kafka,
      ranges,
      (message, topic, partition) =>
        onLetter(
          { topic: topic as DeadLetterTopic, partition, offset: message.offset },
          message.value,
        ),
      { groupPrefix: READER_GROUP_PREFIX },
    );
  }
}

/** The number of messages in the ranges. */
export function lettersIn(ranges: readonly PartitionRange[]): number {
  return ranges.reduce((sum, r) => sum + Number(BigInt(r.to) - BigInt(r.from)), 0);
}
