/**
 * What the fetcher's two producers (folders and web sources) share about publishing through the
 * HoldingPublisher: how shutdown gives up on held pages, and how a refusal is labelled.
 */
/** How long shutdown waits for polls held up by Kafka before it drops what they hold. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** Waits for `work`; past the grace period, calls `giveUp` and waits for `work` to end. */
export async function withGrace(work: Promise<unknown>, giveUp: () => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(resolve, SHUTDOWN_GRACE_MS, 'late');
  });
  const first = await Promise.race([work.then(() => 'done' as const), late]);
  clearTimeout(timer);
  if (first === 'late') giveUp();
  await work;
}

/** The metric label of a refusal: the code its reason starts with (`too-large`...). */
export function refusalCode(reason: string): string {
  return /^[a-z-]+/.exec(reason)?.[0] ?? 'other';
}
