import type { Writable } from 'node:stream';
import { loadKafkaConfig } from '@newsflow/config';
import type { KafkaConfig } from '@newsflow/config';
import { createKafka } from '@newsflow/messaging';
import { jsonLogger } from '@newsflow/runtime';
import type { Logger } from '@newsflow/runtime';
import type { Admin, Kafka } from 'kafkajs';

/**
 * Retries of a failed Kafka request in a command a person waits on: with kafkajs's backoff
 * from 300 ms, an unreachable broker is reported after about 2 s (a stage retries 8 times,
 * about a minute, to ride out a broker restart).
 */
export const CLI_KAFKA_RETRIES = 2;

/** Where a command writes, and the environment it reads KAFKA_* from. */
export interface CommandIo {
  out: Writable;
  err: Writable;
  env: NodeJS.ProcessEnv;
}

/** The brokers could not be reached: the message names them and says what to check. */
export class BrokerUnreachableError extends Error {
  override readonly name = 'BrokerUnreachableError';
}

const SILENT: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A kafkajs client for a command, from KAFKA_* as the stages read them. */
export function commandKafka(env: NodeJS.ProcessEnv): { kafka: Kafka; config: KafkaConfig } {
  const config = loadKafkaConfig(env);
  // kafkajs logs each refused connection and each retry as an error: the person is told once,
  // by the command's own message. Its lines are on stderr with LOG_LEVEL=debug.
  const logger: Logger =
    config.logLevel === 'debug' ? jsonLogger('newsctl', 'debug', process.stderr) : SILENT;
  const kafka = createKafka(
    {
      brokers: config.brokers,
      clientId: `${config.clientId}-newsctl`,
      retries: CLI_KAFKA_RETRIES,
    },
    logger,
  );
  return { kafka, config };
}

/**
 * A command's time with the brokers: a client and a connected admin for `work`, which returns
 * the exit code. When the brokers cannot be reached, one line on stderr says so and the code is
 * 1; the admin is disconnected however `work` ends.
 */
export async function withBrokerAdmin(
  io: CommandIo,
  work: (broker: { kafka: Kafka; admin: Admin; config: KafkaConfig }) => Promise<number>,
): Promise<number> {
  const { kafka, config } = commandKafka(io.env);
  const admin = kafka.admin();
  try {
    return await reachingBrokers(config.brokers, async () => {
      await admin.connect();
      return work({ kafka, admin, config });
    });
  } catch (error) {
    if (!(error instanceof BrokerUnreachableError)) throw error;
    io.err.write(`newsctl: ${error.message}\n`);
    return 1;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Runs `work`, turning a failure to reach the brokers (refused, unknown host, timed out, at
 * any depth of kafkajs's error causes) into BrokerUnreachableError naming them.
 */
export async function reachingBrokers<T>(brokers: string[], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const reason = unreachableReason(error);
    if (reason === undefined) throw error;
    throw new BrokerUnreachableError(
      `cannot reach Kafka at ${brokers.join(',')} (${reason}): is it running? ` +
        'Set KAFKA_BROKERS to use other brokers.',
    );
  }
}

const CONNECTION_ERRORS = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSRequestTimeoutError',
]);

/** Why the brokers could not be reached, when that is what `error` says; otherwise undefined. */
export function unreachableReason(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== null && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { name, message, code } = current as {
      name?: unknown;
      message?: unknown;
      code?: unknown;
    };
    if (typeof name === 'string' && CONNECTION_ERRORS.has(name))
      return typeof code === 'string' ? code : typeof message === 'string' ? message : name;
    const next = current as { cause?: unknown; originalError?: unknown };
    current = next.cause ?? next.originalError;
  }
  return undefined;
}
