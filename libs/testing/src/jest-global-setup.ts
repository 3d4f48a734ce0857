import { startTestBroker } from './kafka-broker';

/**
 * One real broker for the whole integration run, unless KAFKA_BROKERS points at one already.
 * Workers are spawned after this runs, so they inherit KAFKA_BROKERS.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.KAFKA_BROKERS) return;
  const broker = await startTestBroker();
  process.env.KAFKA_BROKERS = broker.brokers;
  process.env.NEWSFLOW_TEST_BROKER_RUN_DIR = broker.runDir;
}
