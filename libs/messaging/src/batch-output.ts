import { classifyFailure } from '@newsflow/runtime';
import { UnprocessableItems } from './errors';
import type { EventPublisher, PreparedMessage } from './publisher';

/**
 * A batch handler's output, for a stage that turns each input into one message (the parser,
 * the enricher). `produce` makes each input's prepared message; an input it fails on for good
 * (unprocessable, too large for its topic, breaking its schema) is set aside. The rest is
 * published together, and only then are the set-aside inputs thrown as UnprocessableItems, for
 * the runner to dead-letter one by one. Any other failure is thrown at once, before anything is
 * sent: the runner retries the batch.
 */
export async function publishBatch<I>(
  publisher: EventPublisher,
  inputs: readonly I[],
  produce: (input: I) => PreparedMessage,
): Promise<void> {
  const prepared: PreparedMessage[] = [];
  const refused = new Map<number, unknown>();
  inputs.forEach((input, index) => {
    try {
      prepared.push(produce(input));
    } catch (error) {
      if (classifyFailure(error).kind !== 'permanent') throw error;
      refused.set(index, error);
    }
  });
  await publisher.publishPrepared(prepared);
  if (refused.size > 0) throw new UnprocessableItems(refused);
}
