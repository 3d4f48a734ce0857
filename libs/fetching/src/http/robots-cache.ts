import { FetchRefusedError } from './fetch-refused.error';
import { RobotsRules, verdictOf } from './robots-rules';
import type { RobotsResponse } from './robots-rules';

/**
 * Given the robots.txt URL of an origin, fetches it (no retries: a failure disallows for a
 * while). Throws a FetchRefusedError when the origin itself may not be fetched (its host name
 * resolves to a refused address): that is why its pages are not fetched either, not robots.txt.
 */
export type RobotsFetcher = (robotsUrl: string) => Promise<RobotsResponse>;

/**
 * What the rules of all origins may weigh together (see RobotsRules.weight): 32 MiB. A count of
 * origins alone bounded nothing, since each may keep 500 KiB of rules for a day.
 */
export const MAX_CACHE_WEIGHT = 32 * 1024 * 1024;

export interface RobotsCacheOptions {
  fetch: RobotsFetcher;
  userAgent: string;
  /** How long fetched rules are kept; RFC 9309 2.4 says no more than 24 hours. */
  ttlMs?: number;
  /** How long a disallow-all from an unreachable robots.txt is kept, so a blip blocks briefly. */
  unreachableTtlMs?: number;
  /** Past this many origins, expired entries go, then the oldest. */
  maxOrigins?: number;
  /** Past this weight of rules, the oldest origins go. Default MAX_CACHE_WEIGHT. */
  maxWeight?: number;
  now?: () => number;
}

interface Entry {
  rules: Promise<RobotsRules>;
  state: EntryState;
}

interface EntryState {
  /** Epoch ms; never while the fetch runs, so concurrent callers share it. */
  expiresAt: number;
  /** The rules' weight once they are in; 0 until then, and for a refusal. */
  weight: number;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Robots rules per origin, fetched once and kept for a TTL. Concurrent requests for one origin
 * share a single fetch. A refusal of the origin's address is kept like an unreachable robots.txt
 * and given to every caller.
 */
export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly unreachableTtlMs: number;
  private readonly maxOrigins: number;
  private readonly maxWeight: number;
  private readonly now: () => number;
  private weight = 0;

  constructor(private readonly options: RobotsCacheOptions) {
    this.ttlMs = options.ttlMs ?? 24 * HOUR_MS;
    this.unreachableTtlMs = options.unreachableTtlMs ?? HOUR_MS / 6;
    this.maxOrigins = options.maxOrigins ?? 10_000;
    this.maxWeight = options.maxWeight ?? MAX_CACHE_WEIGHT;
    this.now = options.now ?? Date.now;
  }

  /**
   * The rules governing `url`, from the cache while fresh.
   * @throws FetchRefusedError when the origin's robots.txt may not be fetched (see RobotsFetcher).
   */
  rulesFor(url: string): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    const cached = this.entries.get(origin);
    if (cached !== undefined && cached.state.expiresAt > this.now()) return cached.rules;

    // Dropped and set again, so the map's order stays the order of the fetches.
    this.drop(origin);
    this.makeRoom();
    const state: EntryState = { expiresAt: Number.POSITIVE_INFINITY, weight: 0 };
    const rules = this.load(origin, state);
    this.entries.set(origin, { rules, state });
    return rules;
  }

  private async load(origin: string, state: EntryState): Promise<RobotsRules> {
    let response: RobotsResponse;
    try {
      response = await this.options.fetch(`${origin}/robots.txt`);
    } catch (error: unknown) {
      if (error instanceof FetchRefusedError) {
        state.expiresAt = this.now() + this.unreachableTtlMs;
        throw error;
      }
      response = { error };
    }
    const ttl = verdictOf(response) === 'unreachable' ? this.unreachableTtlMs : this.ttlMs;
    // The TTL starts once the answer is in, not when the fetch started.
    state.expiresAt = this.now() + ttl;
    const rules = RobotsRules.fromResponse(origin, response, this.options.userAgent);
    // Counted only while the entry is still cached: it may have been dropped meanwhile.
    if (this.entries.get(origin)?.state === state) {
      state.weight = rules.weight;
      this.weight += rules.weight;
      this.shed(state);
    }
    return rules;
  }

  private drop(origin: string): void {
    const entry = this.entries.get(origin);
    if (entry === undefined) return;
    this.weight -= entry.state.weight;
    this.entries.delete(origin);
  }

  private makeRoom(): void {
    if (this.entries.size < this.maxOrigins) return;
    const now = this.now();
    for (const [origin, entry] of this.entries) if (entry.state.expiresAt <= now) this.drop(origin);
    // Maps iterate in insertion order: the first key is the oldest.
    const oldest = this.entries.keys().next();
    if (this.entries.size >= this.maxOrigins && oldest.done !== true) this.drop(oldest.value);
  }

  /** Drops the oldest origins, never `keep`, until the rules weigh no more than maxWeight. */
  private shed(keep: EntryState): void {
    for (const [origin, entry] of this.entries) {
      if (this.weight <= this.maxWeight) return;
      if (entry.state !== keep) this.drop(origin);
    }
  }
}
