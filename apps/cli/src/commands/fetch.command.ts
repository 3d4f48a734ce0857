import type { Writable } from 'node:stream';
import {
  AddressPolicy,
  HostGate,
  RobotsCache,
  previewSource,
  robotsFetcher,
} from '@newsflow/sources';

/**
 * The fetch settings newsctl reads from the environment. The fetcher service will read the same
 * variables when it polls feeds and sitemaps (issue 6); until then only `newsctl fetch` does.
 */
export interface FetchSettings {
  userAgent: string;
  allowedNetworks: string[];
  minGapMs: number;
  maxInFlightPerHost: number;
}

export function fetchSettingsFrom(env: NodeJS.ProcessEnv): FetchSettings {
  const int = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d+$/.test(raw)) throw new Error(`${name}=${JSON.stringify(raw)}: must be an integer`);
    return Number(raw);
  };
  return {
    userAgent: env['FETCH_USER_AGENT'] || 'NewsflowBot/0.1 (+https://github.com/newsflow/newsflow)',
    allowedNetworks: (env['FETCH_ALLOWED_NETWORKS'] ?? '')
      .split(',')
      .map((cidr) => cidr.trim())
      .filter((cidr) => cidr !== ''),
    minGapMs: int('FETCH_MIN_GAP_MS', 1_000),
    maxInFlightPerHost: Math.max(1, int('FETCH_MAX_IN_FLIGHT_PER_HOST', 2)),
  };
}

/**
 * `newsctl fetch <url> --dry-run`: one JSON line per fetched-article message the source would
 * give right now, and one `{"skipped","reason"}` line per page it could not have, without Kafka
 * or Postgres. Returns how many pages were skipped.
 */
export async function previewFetch(
  url: string,
  settings: FetchSettings,
  limit: number,
  out: Writable,
): Promise<number> {
  const policy = AddressPolicy.fromConfig(settings.allowedNetworks);
  const robotsAgent = settings.userAgent.split(/\s/)[0] ?? settings.userAgent;
  const robots = new RobotsCache({
    userAgent: robotsAgent,
    fetch: robotsFetcher(settings.userAgent, policy),
  });
  const gate = new HostGate({
    minGapMs: settings.minGapMs,
    maxInFlight: settings.maxInFlightPerHost,
  });
  let skipped = 0;
  for await (const line of previewSource(url, {
    userAgent: settings.userAgent,
    policy,
    gate,
    robots,
    limit,
  })) {
    if (line.kind === 'skipped') skipped += 1;
    out.write(
      `${JSON.stringify(line.kind === 'article' ? line.message : { skipped: line.url, reason: line.reason })}\n`,
    );
  }
  return skipped;
}
