import { ConfigError } from '@newsflow/config';
import { loadFetcherConfig } from './fetcher.config';

describe(loadFetcherConfig.name, () => {
  it('gives every setting its default when nothing is set', () => {
    expect(loadFetcherConfig({})).toEqual({
      kafka: expect.objectContaining({ brokers: ['127.0.0.1:9092'], logLevel: 'info' }),
      database: { url: 'postgres://postgres@127.0.0.1:5432/test' },
      httpPort: 3001,
      mode: 'watch',
      ingestion: { folders: ['samples'], pollMs: 1000, once: false },
      polling: {
        tickMs: 1000,
        once: false,
        sourcesFile: '',
        policy: {
          minIntervalMs: 60_000,
          maxIntervalMs: 3_600_000,
          failureBackoffMs: 60_000,
          disableAfterFailures: 10,
        },
        maxPagesPerPoll: 50,
        concurrency: 4,
        leaseMs: 600_000,
      },
      manners: {
        userAgent: 'NewsflowBot/0.1 (+https://github.com/newsflow/newsflow)',
        allowedNetworks: [],
        minGapMs: 1000,
        maxInFlightPerHost: 2,
        timeoutMs: 30_000,
        maxBytes: 5_000_000,
      },
    });
  });

  it('puts each variable in its piece', () => {
    const config = loadFetcherConfig({
      KAFKA_BROKERS: 'kafka:9092',
      DATABASE_URL: 'postgres://db/fetcher',
      HTTP_PORT: '4001',
      FETCHER_FOLDERS: 'a, b',
      FETCHER_POLL_MS: '250',
      FETCHER_MODE: 'once',
      FETCHER_SOURCES_FILE: '/etc/sources.json',
      FETCH_USER_AGENT: 'TestBot/1',
      FETCH_ALLOWED_NETWORKS: '127.0.0.0/8',
      FETCH_MIN_GAP_MS: '11',
      FETCH_MAX_IN_FLIGHT_PER_HOST: '12',
      FETCH_TIMEOUT_MS: '1300',
      FETCH_MAX_BYTES: '1400',
      FETCH_MIN_POLL_MS: '1500',
      FETCH_MAX_POLL_MS: '1600',
      FETCH_FAILURE_BACKOFF_MS: '1700',
      FETCH_DISABLE_AFTER_FAILURES: '18',
      FETCH_MAX_PAGES_PER_POLL: '19',
      FETCH_CONCURRENCY: '20',
      FETCH_LEASE_MS: '2100',
    });

    expect(config).toEqual({
      kafka: expect.objectContaining({ brokers: ['kafka:9092'] }),
      database: { url: 'postgres://db/fetcher' },
      httpPort: 4001,
      mode: 'once',
      ingestion: { folders: ['a', 'b'], pollMs: 250, once: true },
      polling: {
        tickMs: 250,
        once: true,
        sourcesFile: '/etc/sources.json',
        policy: {
          minIntervalMs: 1500,
          maxIntervalMs: 1600,
          failureBackoffMs: 1700,
          disableAfterFailures: 18,
        },
        maxPagesPerPoll: 19,
        concurrency: 20,
        leaseMs: 2100,
      },
      manners: {
        userAgent: 'TestBot/1',
        allowedNetworks: ['127.0.0.0/8'],
        minGapMs: 11,
        maxInFlightPerHost: 12,
        timeoutMs: 1300,
        maxBytes: 1400,
      },
    });
  });

  it('lists every bad variable, Kafka and fetcher alike, in one error', () => {
    expect(() =>
      loadFetcherConfig({
        KAFKA_MAX_ATTEMPTS: '0',
        FETCHER_MODE: 'sometimes',
        FETCH_LEASE_MS: '5',
      }),
    ).toThrow(
      new ConfigError([
        'KAFKA_MAX_ATTEMPTS="0": must be >= 1',
        'FETCHER_MODE="sometimes": must be one of watch, once',
        'FETCH_LEASE_MS="5": must be >= 1000',
      ]),
    );
  });
});
