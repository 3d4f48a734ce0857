import { randomUUID } from 'node:crypto';
import type { DeadLetterV1 } from '@newsflow/contracts';
import type { Kafka } from 'kafkajs';
import { waitFor } from './wait-for';

/**
 * Reads a dead-letter topic from its beginning with a throwaway consumer group and returns
 * the letters `where` accepts. It reads at least up to the end the topic had when called, and
 * keeps reading (until the timeout) while fewer than `atLeast` letters have matched, or while
 * some of `keys` have no letter yet, for letters still on their way. Delivery is at least once,
 * so one message may have several letters: wait for keys, not counts, when that matters.
 */
export async function readDeadLetters(
  kafka: Kafka,
  topic: string,
  where: (letter: DeadLetterV1) => boolean,
  { atLeast = 0, keys = [] as string[], timeoutMs = 30_000 } = {},
): Promise<DeadLetterV1[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const total = ends.reduce((sum, p) => sum + Number(p.high), 0);

  const letters: DeadLetterV1[] = [];
  let read = 0;
  const consumer = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        read += 1;
        const letter = JSON.parse(message.value?.toString() ?? 'null') as DeadLetterV1;
        if (where(letter)) letters.push(letter);
        return Promise.resolve();
      },
    });
    const lettered = () => new Set(letters.map((l) => l.originalKey));
    await waitFor(
      `${topic} read to its end with ${atLeast} matching letters and letters for ${keys.join(', ')}`,
      () =>
        read >= total && letters.length >= atLeast && keys.every((k) => lettered().has(k))
          ? true
          : undefined,
      { timeoutMs },
    );
    return letters;
  } finally {
    await consumer.disconnect();
  }
}
