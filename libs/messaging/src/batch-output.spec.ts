import { publishBatch } from './batch-output';
import { UnprocessableError } from '@newsflow/runtime';
import { UnprocessableItems } from './errors';
import type { EventPublisher, PreparedMessage } from './publisher';

const message = (key: string): PreparedMessage => ({
  topic: 'news.article.parsed.v1',
  key,
  value: Buffer.from(`{"id":"${key}"}`),
});

describe(publishBatch.name, () => {
  let sent: PreparedMessage[][];
  let publisher: EventPublisher;
  beforeEach(() => {
    sent = [];
    // Only publishPrepared is called: the rest of the publisher is not needed here.
    publisher = {
      publishPrepared: (messages: PreparedMessage[]) => {
        sent.push(messages);
        return Promise.resolve();
      },
    } as unknown as EventPublisher;
  });

  it('publishes every output in one call', async () => {
    await publishBatch(publisher, ['a', 'b', 'c'], message);
    expect(sent.map((batch) => batch.map((m) => m.key))).toEqual([['a', 'b', 'c']]);
  });

  it('publishes the rest, then throws the inputs refused for good by their position', async () => {
    const refusal = new UnprocessableError('no-article-text: nothing to read');
    const outcome = publishBatch(publisher, ['a', 'bad', 'c'], (input) => {
      if (input === 'bad') throw refusal;
      return message(input);
    });
    await expect(outcome).rejects.toBeInstanceOf(UnprocessableItems);
    await outcome.catch((error: UnprocessableItems) => {
      expect([...error.failures]).toEqual([[1, refusal]]);
    });
    expect(sent.map((batch) => batch.map((m) => m.key))).toEqual([['a', 'c']]);
  });

  it('throws any other failure before sending anything', async () => {
    const outcome = publishBatch(publisher, ['a', 'b'], (input) => {
      if (input === 'b') throw new Error('a bug, maybe worth a retry');
      return message(input);
    });
    await expect(outcome).rejects.toThrow('a bug, maybe worth a retry');
    expect(sent).toEqual([]);
  });
});
