import type { DeadLetterReason, DeadLetterV1 } from '@newsflow/contracts';
import type { KafkaMessage } from 'kafkajs';

export interface FailedDelivery {
  message: KafkaMessage;
  topic: string;
  partition: number;
  stage: string;
  code: DeadLetterReason;
  reason: string;
  attempts: number;
  failedAt?: Date;
}

/** The dead letter keeps the original bytes exactly (base64) and says where they came from. */
export function buildDeadLetter(failure: FailedDelivery): DeadLetterV1 {
  const { message } = failure;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first === undefined) continue;
    headers[name] = Buffer.from(first).toString('base64');
  }
  return {
    schemaVersion: 1,
    originalValue: (message.value ?? Buffer.alloc(0)).toString('base64'),
    originalKey: message.key ? message.key.toString('utf8') : null,
    originalHeaders: headers,
    topic: failure.topic,
    partition: failure.partition,
    offset: message.offset,
    stage: failure.stage,
    // Messages can be huge (a whole page); the reason stays readable.
    error: { code: failure.code, message: failure.reason.slice(0, 4_000) },
    attempts: failure.attempts,
    failedAt: (failure.failedAt ?? new Date()).toISOString(),
  };
}
