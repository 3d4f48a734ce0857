import { ConfigError } from '@newsflow/config';
import { loadParserConfig } from './parser.config';

describe(loadParserConfig.name, () => {
  it('gives every setting its default when nothing is set', () => {
    expect(loadParserConfig({})).toEqual({
      kafka: expect.objectContaining({ groupPrefix: 'newsflow', maxAttempts: 5 }),
      httpPort: 3002,
      extraction: { maxChars: 5_000_000, maxDepth: 500, timeBudgetMs: 2000 },
    });
  });

  it('puts each variable in its piece', () => {
    const config = loadParserConfig({
      KAFKA_GROUP_PREFIX: 'second',
      HTTP_PORT: '4002',
      PARSER_MAX_DOCUMENT_CHARS: '1000',
      PARSER_MAX_DEPTH: '20',
      PARSER_TIME_BUDGET_MS: '30',
    });

    expect(config).toEqual({
      kafka: expect.objectContaining({ groupPrefix: 'second' }),
      httpPort: 4002,
      extraction: { maxChars: 1000, maxDepth: 20, timeBudgetMs: 30 },
    });
  });

  it('lists every bad variable, Kafka and parser alike, in one error', () => {
    expect(() =>
      loadParserConfig({ KAFKA_SESSION_TIMEOUT_MS: '1', PARSER_MAX_DEPTH: 'deep' }),
    ).toThrow(
      new ConfigError([
        'KAFKA_SESSION_TIMEOUT_MS="1": must be >= 6000',
        'PARSER_MAX_DEPTH="deep": must be an integer',
      ]),
    );
  });
});
