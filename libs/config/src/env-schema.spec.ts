import { ConfigError, readEnv } from './env-schema';
import { loadKafkaConfig } from './kafka.config';

describe(readEnv.name, () => {
  it('applies defaults when variables are unset', () => {
    expect(loadKafkaConfig({})).toEqual({
      brokers: ['127.0.0.1:9092'],
      clientId: 'newsflow',
      groupPrefix: 'newsflow',
      topicPartitions: 3,
      maxAttempts: 5,
      sessionTimeoutMs: 30_000,
      maxMessageBytes: 8_388_608,
      logLevel: 'info',
    });
  });

  it('parses lists and integers', () => {
    const config = loadKafkaConfig({ KAFKA_BROKERS: 'a:1, b:2', KAFKA_TOPIC_PARTITIONS: '6' });
    expect(config.brokers).toEqual(['a:1', 'b:2']);
    expect(config.topicPartitions).toBe(6);
  });

  it('lists every bad variable in one error', () => {
    let caught: unknown;
    try {
      loadKafkaConfig({
        KAFKA_TOPIC_PARTITIONS: 'three',
        KAFKA_MAX_ATTEMPTS: '0',
        LOG_LEVEL: 'loud',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^KAFKA_TOPIC_PARTITIONS="three": must be an integer/);
    expect(problems[1]).toMatch(/^KAFKA_MAX_ATTEMPTS="0": must be >= 1/);
    expect(problems[2]).toMatch(/^LOG_LEVEL="loud": must be one of debug, info, warn, error/);
  });
});
