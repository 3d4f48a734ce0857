/**
 * A stage consumer as its own OS process, for the tests that kill or SIGTERM a consumer.
 * It reads article-fetched messages whose id starts with PREFIX and prints one JSON line per
 * event: {"event":"got"|"done", id, offset}. MODE=hang never finishes a message (to be killed);
 * MODE=slow takes DELAY_MS per message.
 */
import { Topic } from '@newsflow/contracts';
import { ConsumerRunner } from '../src/consumer-runner';
import { createKafka } from '../src/kafka-client';
import { jsonLogger } from '@newsflow/runtime';
import { EventPublisher } from '../src/publisher';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

async function main(): Promise<void> {
  const prefix = env('PREFIX');
  const mode = env('MODE');
  const delayMs = Number(process.env.DELAY_MS ?? '200');
  const logger = jsonLogger('consumer-process', 'warn');
  const kafka = createKafka(
    { brokers: env('KAFKA_BROKERS').split(','), clientId: 'consumer-process' },
    logger,
  );
  const publisher = new EventPublisher(kafka);
  const say = (event: string, fields: Record<string, unknown>) =>
    process.stdout.write(`${JSON.stringify({ event, ...fields })}\n`);

  const runner = new ConsumerRunner({
    kafka,
    publisher,
    logger,
    stage: 'consumer-process',
    groupId: env('GROUP_ID'),
    topic: Topic.ArticleFetched,
    sessionTimeoutMs: 6_000,
    handler: {
      each: async ({ value, offset, partition }) => {
        if (!value.id.startsWith(prefix)) return;
        say('got', { id: value.id, offset, partition });
        if (mode === 'hang') await new Promise<never>(() => undefined);
        await new Promise((r) => setTimeout(r, delayMs));
        say('done', { id: value.id, offset, partition });
      },
    },
  });

  process.once('SIGTERM', () => {
    say('sigterm', {});
    void runner
      .stop()
      .then(() => publisher.disconnect())
      .then(() => {
        say('stopped', {});
        process.exit(0);
      });
  });
  await runner.start();
  say('started', {});
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
