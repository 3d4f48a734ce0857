import { Topic, exampleArticleFetched } from '@newsflow/contracts';
import { MessageTooLargeError } from './errors';
import { HoldingPublisher } from './holding-publisher';
import type { Logger } from '@newsflow/runtime';
import type { EventPublisher, PreparedMessage } from './publisher';

const quiet: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const fast = { initialDelayMs: 5, maxDelayMs: 20, factor: 2 };

/**
 * The two calls HoldingPublisher makes of an EventPublisher: `prepare` as the real one (it is
 * pure), and `send` answering from a script, as a broker that is away and back would.
 */
function publisherThat(answers: (attempt: number, message: PreparedMessage) => Promise<void>) {
  const sends: string[] = [];
  const publisher = {
    prepare: (topic: string, key: string, value: unknown): PreparedMessage => ({
      topic: topic as typeof Topic.ArticleFetched,
      key,
      value: Buffer.from(JSON.stringify(value)),
    }),
    send: (message: PreparedMessage) => {
      sends.push(message.key);
      const attempt = sends.filter((key) => key === message.key).length;
      return Promise.resolve({ delivered: answers(attempt, message) });
    },
  };
  return { publisher: publisher as unknown as EventPublisher, sends };
}

const brokerAway = Object.assign(new Error('Connection error: connect ECONNREFUSED'), {
  name: 'KafkaJSConnectionError',
});

describe(HoldingPublisher.name, () => {
  it('holds a message while Kafka is away and sends it again until it goes', async () => {
    const { publisher, sends } = publisherThat((attempt) =>
      attempt < 3 ? Promise.reject(brokerAway) : Promise.resolve(),
    );
    const holding = new HoldingPublisher(publisher, {
      windowBytes: 1e6,
      logger: quiet,
      backoff: fast,
    });

    const { outcome } = await holding.handOver(Topic.ArticleFetched, 'a', exampleArticleFetched);

    expect(await outcome).toEqual({ status: 'published' });
    expect(sends).toEqual(['a', 'a', 'a']);
    expect(holding.heldBytes).toBe(0);
  });

  it('refuses for good what can never go, without sending it again', async () => {
    const { publisher, sends } = publisherThat(() =>
      Promise.reject(new MessageTooLargeError('t', 'a', 11, 10)),
    );
    const holding = new HoldingPublisher(publisher, {
      windowBytes: 1e6,
      logger: quiet,
      backoff: fast,
    });

    const { outcome } = await holding.handOver(Topic.ArticleFetched, 'a', exampleArticleFetched);

    expect(await outcome).toEqual({
      status: 'refused',
      reason: expect.stringMatching(/^too-large-for-topic/) as unknown,
    });
    expect(sends).toEqual(['a']);
  });

  it('takes no more than its window: the next message waits until one is delivered', async () => {
    let deliverFirst: () => void = () => undefined;
    const { publisher } = publisherThat((_, message) =>
      message.key === 'first'
        ? new Promise<void>((resolve) => (deliverFirst = resolve))
        : Promise.resolve(),
    );
    const size = Buffer.byteLength(JSON.stringify(exampleArticleFetched));
    const holding = new HoldingPublisher(publisher, { windowBytes: size + 1, logger: quiet });

    const first = await holding.handOver(Topic.ArticleFetched, 'first', exampleArticleFetched);
    let secondTaken = false;
    const second = holding
      .handOver(Topic.ArticleFetched, 'second', exampleArticleFetched)
      .then((taken) => {
        secondTaken = true;
        return taken;
      });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(secondTaken).toBe(false);
    expect(holding.heldBytes).toBe(size);

    deliverFirst();
    expect(await first.outcome).toEqual({ status: 'published' });
    expect(await (await second).outcome).toEqual({ status: 'published' });
  });

  it('drops what it holds when stopped, and takes nothing after', async () => {
    const { publisher } = publisherThat(() => Promise.reject(brokerAway));
    const holding = new HoldingPublisher(publisher, {
      windowBytes: 1e6,
      logger: quiet,
      backoff: { initialDelayMs: 60_000, maxDelayMs: 60_000, factor: 1 },
    });
    const { outcome } = await holding.handOver(Topic.ArticleFetched, 'a', exampleArticleFetched);
    await new Promise((resolve) => setTimeout(resolve, 10));

    const stoppedAt = Date.now();
    holding.stop();

    expect(await outcome).toMatchObject({ status: 'dropped' });
    expect(Date.now() - stoppedAt).toBeLessThan(1_000);
    const after = await holding.handOver(Topic.ArticleFetched, 'b', exampleArticleFetched);
    expect(await after.outcome).toMatchObject({ status: 'dropped' });
  });
});
