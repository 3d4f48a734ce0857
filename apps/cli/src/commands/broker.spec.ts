import { BrokerUnreachableError, reachingBrokers, unreachableReason } from './broker';

/** kafkajs's errors, by name and shape: the retrier wraps the connection error as its cause. */
function kafkajsError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, ...extra });
}

describe(unreachableReason.name, () => {
  it('finds a refused connection under the retrier', () => {
    const refused = kafkajsError(
      'KafkaJSConnectionError',
      'Connection error: connect ECONNREFUSED',
      {
        code: 'ECONNREFUSED',
      },
    );
    const retried = kafkajsError('KafkaJSNumberOfRetriesExceeded', refused.message, {
      cause: refused,
    });

    expect(unreachableReason(retried)).toBe('ECONNREFUSED');
  });

  it('gives the message when the connection error has no code', () => {
    const timeout = kafkajsError('KafkaJSConnectionError', 'Connection timeout');
    expect(unreachableReason(timeout)).toBe('Connection timeout');
  });

  it('is undefined for any other failure, and for a cause that loops', () => {
    expect(unreachableReason(new Error('boom'))).toBeUndefined();
    expect(unreachableReason('boom')).toBeUndefined();
    const looped = kafkajsError('KafkaJSError', 'loop');
    Object.assign(looped, { cause: looped });
    expect(unreachableReason(looped)).toBeUndefined();
  });
});

describe(reachingBrokers.name, () => {
  it('names the brokers and says what to check', async () => {
    const refused = kafkajsError('KafkaJSConnectionError', 'Connection error', {
      code: 'ECONNREFUSED',
    });

    await expect(reachingBrokers(['127.0.0.1:1'], () => Promise.reject(refused))).rejects.toThrow(
      new BrokerUnreachableError(
        'cannot reach Kafka at 127.0.0.1:1 (ECONNREFUSED): is it running? Set KAFKA_BROKERS to use other brokers.',
      ),
    );
    await expect(reachingBrokers(['b:1'], () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
  });
});
