import { randomUUID } from 'node:crypto';
import type { DeadLetterV1 } from '@newsflow/contracts';
import type { Kafka } from 'kafkajs';
import { waitFor } from './wait-for';

/**
 * Reads a dead-letter topic from its beginning with a throwaway consumer group and returns
 * the letters `where` accepts. It reads at least up to the end the topic had when called, and
 * keeps reading (until the timeout) while fewer than `atLeast` letters have matched, for letters
 * still on their way.
 */
export async function readDeadLetters(
  kafka: Kafka,
  topic: string,
  where: (letter: DeadLetterV1) => boolean,
  { atLeast = 0, timeoutMs = 30_000 } = {},
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
    await waitFor(
      `${topic} read to its end with ${atLeast} matching letters`,
      () => (read >= total && letters.length >= atLeast ? true : undefined),
      { timeoutMs },
    );
    return letters;
  } finally {
    await consumer.disconnect();
  }
}
