import { AddressPolicy } from './address-policy';
import { HostGate } from './host-gate';
import type { Manners } from './polite-fetch';
import { RobotsCache } from './robots-cache';
import { robotsFetcher } from './robots-fetcher';

/** The FETCH_* settings (see the README's configuration table) that shape every request. */
export interface MannersSettings {
  userAgent: string;
  allowedNetworks: readonly string[];
  minGapMs: number;
  maxInFlightPerHost: number;
  maxBytes?: number;
  timeoutMs?: number;
}

/**
 * One set of manners for a whole process: one robots.txt cache and one per-host gate, so every
 * source on a host shares the host's gap and its cap on requests in flight.
 */
export function mannersFrom(settings: MannersSettings): Manners {
  const policy = AddressPolicy.fromConfig([...settings.allowedNetworks]);
  // robots.txt groups name the product token alone: "NewsflowBot", not its version or contact.
  const product = settings.userAgent.split(/[\s/]/)[0] || settings.userAgent;
  const gate = new HostGate({
    minGapMs: settings.minGapMs,
    maxInFlight: settings.maxInFlightPerHost,
  });
  return {
    userAgent: settings.userAgent,
    policy,
    gate,
    // robots.txt is fetched as pages are: through the gate, within FETCH_TIMEOUT_MS.
    robots: new RobotsCache({
      userAgent: product,
      fetch: robotsFetcher({
        userAgent: settings.userAgent,
        policy,
        gate,
        ...(settings.timeoutMs !== undefined ? { totalTimeoutMs: settings.timeoutMs } : {}),
      }),
    }),
    ...(settings.maxBytes !== undefined ? { maxBytes: settings.maxBytes } : {}),
    ...(settings.timeoutMs !== undefined ? { totalTimeoutMs: settings.timeoutMs } : {}),
  };
}
