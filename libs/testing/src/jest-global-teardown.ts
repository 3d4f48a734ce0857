import { stopTestBroker } from './kafka-broker';

export default async function globalTeardown(): Promise<void> {
  const runDir = process.env.NEWSFLOW_TEST_BROKER_RUN_DIR;
  const brokers = process.env.KAFKA_BROKERS;
  if (runDir && brokers) await stopTestBroker({ runDir, brokers });
}
