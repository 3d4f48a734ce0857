import { int, list, readEnv, str } from './env-schema';
import type { EnvValues } from './env-schema';

/**
 * How the fetcher behaves towards the sites it reads. newsctl's `fetch --dry-run` and `ingest`
 * read the same variables, so that they fetch and refuse exactly as the service does: that is
 * why this group is shared here rather than declared by the fetcher alone.
 */
export const mannersEnv = {
  FETCH_USER_AGENT: str(
    'User-Agent of every request: product/version and a contact',
    'NewsflowBot/0.1 (+https://github.com/newsflow/newsflow)',
  ),
  FETCH_ALLOWED_NETWORKS: list(
    'CIDRs fetched despite the address policy (loopback, private), e.g. 127.0.0.0/8',
    [],
  ),
  FETCH_MIN_GAP_MS: int('minimum gap between requests to one host, in ms', 1_000, { min: 0 }),
  FETCH_MAX_IN_FLIGHT_PER_HOST: int('requests in flight to one host', 2, { min: 1 }),
  FETCH_TIMEOUT_MS: int('time one request may take, redirects included, in ms', 30_000, {
    min: 100,
  }),
  FETCH_MAX_BYTES: int('larger bodies are refused while they stream', 5_000_000, { min: 1_024 }),
};

export interface MannersConfig {
  userAgent: string;
  allowedNetworks: string[];
  minGapMs: number;
  maxInFlightPerHost: number;
  timeoutMs: number;
  /** Also the largest saved file a folder source reads. */
  maxBytes: number;
}

/** The manners piece of an app's configuration, from values its schema already validated. */
export function mannersConfigFrom(values: EnvValues<typeof mannersEnv>): MannersConfig {
  return {
    userAgent: values.FETCH_USER_AGENT,
    allowedNetworks: values.FETCH_ALLOWED_NETWORKS,
    minGapMs: values.FETCH_MIN_GAP_MS,
    maxInFlightPerHost: values.FETCH_MAX_IN_FLIGHT_PER_HOST,
    timeoutMs: values.FETCH_TIMEOUT_MS,
    maxBytes: values.FETCH_MAX_BYTES,
  };
}

export function loadMannersConfig(
  env?: Readonly<Record<string, string | undefined>>,
): MannersConfig {
  return mannersConfigFrom(readEnv(mannersEnv, env));
}
