import type { AnyTopic, TopicPayloads } from '@newsflow/contracts';
import { DEPENDENCY_BACKOFF, backoffDelay } from '@newsflow/runtime';
import { ByteWindow } from './byte-window';
import type { BackoffPolicy } from '@newsflow/runtime';
import { classifyFailure, errorMessage } from '@newsflow/runtime';
import type { Logger } from '@newsflow/runtime';
import { PublisherClosedError } from './publisher';
import type { EventPublisher, PreparedMessage } from './publisher';

export interface HoldingOptions {
  /**
   * Bytes of values held (queued, in flight, or waiting to be sent again); `submit` waits
   * beyond. Default: the publisher's own buffer (16 MiB for 8 MiB messages).
   */
  windowBytes?: number;
  logger: Logger;
  backoff?: BackoffPolicy;
}

/**
 * What became of a message handed over: published; refused for good (too large, or breaking its
 * schema: the producer records why and does not offer it again until it changes); or dropped
 * because the holder stopped first (the producer offers it again next time).
 */
export type DeliveryOutcome =
  | { status: 'published' }
  | { status: 'refused'; reason: string }
  | { status: 'dropped'; reason: string };

/** The holder was stopped before the message was sent; the caller still has its input. */
export class HoldingStoppedError extends Error {
  override readonly name = 'HoldingStoppedError';
}

/**
 * For producers of first-hand input (the fetcher's pages, `newsctl ingest`'s files), which have
 * no upstream topic to read a message again from: a message whose send fails because Kafka is
 * unavailable is held and sent again with backoff, for as long as it takes, instead of being
 * fetched again. At most `windowBytes` of values are held: `submit` waits for room, so a
 * producer stops taking new input while the broker is away, and its memory stays bounded.
 *
 * A delivery rejects only when the message can never go (the broker refuses it as too large:
 * an operator's topic smaller than ours), or with HoldingStoppedError after `stop()`.
 */
export class HoldingPublisher {
  private stopped = false;
  /** Wakes the retries sleeping in `deliver` when `stop()` is called. */
  private readonly sleepers = new Set<() => void>();
  private readonly backoff: BackoffPolicy;
  private readonly window: ByteWindow;

  constructor(
    private readonly publisher: EventPublisher,
    private readonly options: HoldingOptions,
  ) {
    this.backoff = options.backoff ?? DEPENDENCY_BACKOFF;
    this.window = new ByteWindow(options.windowBytes ?? publisher.limits.bufferBytes);
  }

  /** Bytes of values held right now. */
  get heldBytes(): number {
    return this.window.heldBytes;
  }

  /** Waits for room in the window, then takes the message; `delivered` settles as above. */
  async submit(message: PreparedMessage): Promise<{ delivered: Promise<void> }> {
    const bytes = message.value.length;
    if (!(await this.window.take(bytes)))
      throw new HoldingStoppedError('stopped before the message was taken');
    const delivered = this.deliver(message).finally(() => this.window.give(bytes));
    return { delivered };
  }

  /**
   * `prepare` and `submit` in one, for producers that record what happened to each message
   * rather than handle errors: resolves once the message is taken (or refused, or dropped), with
   * its outcome to come.
   */
  async handOver<T extends AnyTopic>(
    topic: T,
    key: string,
    value: TopicPayloads[T],
  ): Promise<{ outcome: Promise<DeliveryOutcome> }> {
    let prepared: PreparedMessage;
    try {
      prepared = this.publisher.prepare(topic, key, value);
    } catch (error) {
      return { outcome: Promise.resolve(refusedOrThrow(error)) };
    }
    let delivered: Promise<void>;
    try {
      ({ delivered } = await this.submit(prepared));
    } catch (error) {
      return { outcome: Promise.resolve(droppedOrThrow(error)) };
    }
    const outcome = delivered.then(
      (): DeliveryOutcome => ({ status: 'published' }),
      (error: unknown) =>
        error instanceof HoldingStoppedError ? droppedOrThrow(error) : refusedOrThrow(error),
    );
    return { outcome };
  }

  /** Held messages are dropped (their callers keep their input) and waiting ends at once. */
  stop(): void {
    this.stopped = true;
    this.window.close();
    for (const wake of [...this.sleepers]) wake();
  }

  private async deliver(message: PreparedMessage): Promise<void> {
    for (let failures = 1; ; failures += 1) {
      try {
        const { delivered } = await this.publisher.send(message);
        await delivered;
        return;
      } catch (error) {
        if (this.stopped || error instanceof PublisherClosedError) {
          throw new HoldingStoppedError(`not sent: ${errorMessage(error)}`);
        }
        if (classifyFailure(error).kind === 'permanent') throw error;
        const retryInMs = backoffDelay(failures, this.backoff);
        this.options.logger.warn(
          {
            topic: message.topic,
            key: message.key,
            failures,
            retryInMs,
            error: errorMessage(error),
          },
          'publish failed; holding the message to send it again',
        );
        await this.sleep(retryInMs);
      }
    }
  }

  /** Sleeps `ms`, or less if `stop()` is called meanwhile. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }
}

function refusedOrThrow(error: unknown): DeliveryOutcome {
  if (classifyFailure(error).kind !== 'permanent') throw error;
  return { status: 'refused', reason: errorMessage(error) };
}

function droppedOrThrow(error: unknown): DeliveryOutcome {
  if (!(error instanceof HoldingStoppedError)) throw error;
  return { status: 'dropped', reason: error.message };
}
