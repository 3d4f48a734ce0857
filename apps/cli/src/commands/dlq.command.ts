import {
  DeadLetterReplayer,
  ReplayRefusedError,
  ensureReplaysTopic,
  formatDeadLetterId,
} from '@newsflow/messaging';
import type { DeadLetterReplay, PartitionRange } from '@newsflow/messaging';
import type { Kafka } from 'kafkajs';
import { Progress } from '../terminal/progress';
import { withBrokerAdmin } from './broker';
import type { CommandIo } from './broker';
import {
  LetterListing,
  MAX_REPLAY_LETTERS,
  decodeLetter,
  dlqPlan,
  formatLetter,
  formatListing,
  previewOriginal,
  replayDecision,
  showsProgress,
  summarise,
} from './dead-letter-view';
import type { DlqArgs, DlqPlan } from './dead-letter-view';
import { DeadLettersRepository, lettersIn } from './dead-letters.repository';

export { DeadLettersUsageError } from './dead-letter-view';
export type { DlqArgs } from './dead-letter-view';

/** What `dlq replay` did, printed as JSON on stdout. */
export interface ReplaySummary {
  dryRun: boolean;
  /** Letters read that the ids or --reason (and --topic) chose. */
  selected: number;
  /** Sent back (with --dry-run: would be), each with where it went. */
  replayed: {
    id: string;
    topic: string;
    partition: number | null;
    offset: string | null;
    times: number;
  }[];
  /** Replayed before; --again sends them again. */
  skipped: { id: string; reason: string }[];
  /** Cannot be replayed: truncated, unreadable, or bytes that do not match the letter. */
  refused: { id: string; reason: string }[];
  /** Ids that name no letter on the broker. */
  notFound: { id: string; reason: string }[];
  /** Chosen but past MAX_REPLAY_LETTERS: run the same command again for them. */
  left: number;
}

/**
 * `newsctl dlq list|show|replay`: the dead-letter topics, read from their start to the end
 * they have when the command starts, through a throwaway group that commits nothing. Returns
 * the exit code: 1 when the brokers cannot be reached, a letter asked for does not exist, or a
 * letter asked to be replayed was refused.
 */
export async function dlqCommand(args: DlqArgs, io: CommandIo): Promise<number> {
  const plan = dlqPlan(args);
  return withBrokerAdmin(io, async ({ kafka, admin }) => {
    const letters = new DeadLettersRepository(kafka, admin);
    switch (plan.action) {
      case 'list':
        return await list(letters, plan, args.json ?? false, io);
      case 'show':
        return await show(letters, plan, args.json ?? false, io);
      case 'replay':
        return await replay(kafka, letters, plan, io);
    }
  });
}

async function list(
  letters: DeadLettersRepository,
  { topics, reason }: Extract<DlqPlan, { action: 'list' }>,
  json: boolean,
  io: CommandIo,
): Promise<number> {
  const replays = await letters.replays();
  const ranges = await letters.everyLetter(topics);
  const listing = new LetterListing();
  const progress = progressFor(ranges, io);
  await letters.read(ranges, (id, value) => {
    const summary = summarise(
      id,
      decodeLetter(id.topic, value),
      replays.get(formatDeadLetterId(id)),
    );
    if (reason === undefined || summary.code === reason) listing.add(summary);
    progress?.tick(value?.length ?? 0);
  });
  progress?.finish();
  const result = listing.result();
  io.out.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatListing(result));
  return 0;
}

async function show(
  letters: DeadLettersRepository,
  { id }: Extract<DlqPlan, { action: 'show' }>,
  json: boolean,
  io: CommandIo,
): Promise<number> {
  const { ranges, missing } = await letters.lettersAt([id]);
  const [absent] = missing;
  if (absent) {
    io.err.write(
      `newsctl: no dead letter ${formatDeadLetterId(id)} (the partition holds ${absent.holds})\n`,
    );
    return 1;
  }
  const replays = await letters.replays();
  let shown = false;
  await letters.read(ranges, (at, value) => {
    if (at.offset !== id.offset) return;
    shown = true;
    const decoded = decodeLetter(at.topic, value);
    const summary = summarise(at, decoded, replays.get(formatDeadLetterId(at)));
    const letter = decoded.ok ? decoded.letter : undefined;
    const preview = letter
      ? previewOriginal(Buffer.from(letter.originalValue, 'base64'), {
          truncated: letter.originalTruncated,
          originalBytes: letter.originalBytes,
        })
      : undefined;
    if (json) {
      const rest = letter ? { ...letter, originalValue: undefined } : undefined;
      io.out.write(`${JSON.stringify({ ...summary, letter: rest, preview }, null, 2)}\n`);
    } else io.out.write(formatLetter(summary, letter, preview));
  });
  if (shown) return 0;
  io.err.write(`newsctl: no dead letter ${formatDeadLetterId(id)}\n`);
  return 1;
}

/**
 * Sends chosen letters' originals back to their topics, a letter at a time as it is read, so
 * only one original is held at once whatever the selection. Replays are recorded as they go:
 * stopping half-way (Ctrl-C, a broker gone) loses nothing, and the same command run again
 * skips what was done.
 */
async function replay(
  kafka: Kafka,
  letters: DeadLettersRepository,
  { ids, topics, reason, dryRun, again }: Extract<DlqPlan, { action: 'replay' }>,
  io: CommandIo,
): Promise<number> {
  const summary: ReplaySummary = {
    dryRun,
    selected: 0,
    replayed: [],
    skipped: [],
    refused: [],
    notFound: [],
    left: 0,
  };

  let ranges: PartitionRange[];
  let wanted: Set<string> | undefined;
  if (ids) {
    const found = await letters.lettersAt(ids);
    ranges = found.ranges;
    wanted = new Set(ids.map(formatDeadLetterId));
    for (const { id, holds } of found.missing) {
      summary.notFound.push({ id: formatDeadLetterId(id), reason: `the partition holds ${holds}` });
      wanted.delete(formatDeadLetterId(id));
    }
  } else {
    ranges = await letters.everyLetter(topics);
  }

  if (!dryRun) await ensureReplaysTopic(kafka);
  const replays = await letters.replays();
  const replayer = new DeadLetterReplayer(kafka);
  const progress = progressFor(ranges, io);
  const seen = new Set<string>();
  try {
    await letters.read(ranges, async (id, value) => {
      progress?.tick(value?.length ?? 0);
      const text = formatDeadLetterId(id);
      if (wanted && !wanted.has(text)) return;
      seen.add(text);
      const decoded = decodeLetter(id.topic, value);
      const letter = summarise(id, decoded, replays.get(text));
      if (reason !== undefined && letter.code !== reason) return;
      summary.selected += 1;
      const decision = replayDecision(letter, { again, sent: summary.replayed.length });
      switch (decision.action) {
        case 'skip':
          summary.skipped.push({ id: text, reason: decision.reason });
          return;
        case 'refuse':
          summary.refused.push({ id: text, reason: decision.reason });
          progress?.note(`newsctl dlq replay: ${text} refused: ${decision.reason}`);
          return;
        case 'defer':
          summary.left += 1;
          return;
        case 'replay':
          break;
      }
      if (!decoded.ok) return;
      const previous = replays.get(text);
      if (dryRun) {
        summary.replayed.push({
          id: text,
          topic: decoded.letter.topic,
          partition: null,
          offset: null,
          times: (previous?.times ?? 0) + 1,
        });
        return;
      }
      let done: DeadLetterReplay;
      try {
        done = await replayer.replay(id, decoded.letter, previous);
      } catch (error) {
        if (!(error instanceof ReplayRefusedError)) throw error;
        summary.refused.push({ id: text, reason: error.message });
        progress?.note(`newsctl dlq replay: ${text} refused: ${error.message}`);
        return;
      }
      replays.set(text, done);
      summary.replayed.push({
        id: text,
        topic: done.topic,
        partition: done.partition,
        offset: done.offset,
        times: done.times,
      });
    });
  } finally {
    progress?.finish();
    await replayer.disconnect();
  }
  for (const text of wanted ?? [])
    if (!seen.has(text)) summary.notFound.push({ id: text, reason: 'not on the broker' });
  if (summary.left > 0)
    io.err.write(
      `newsctl: ${MAX_REPLAY_LETTERS} letters a run (MAX_REPLAY_LETTERS), ${summary.left} left: ` +
        'run the same command again to replay them\n',
    );
  io.out.write(`${JSON.stringify(summary, null, 2)}\n`);
  return summary.refused.length > 0 || summary.notFound.length > 0 ? 1 : 0;
}

/** A progress bar on stderr when there are PROGRESS_FROM_LETTERS letters or more to read. */
function progressFor(ranges: readonly PartitionRange[], io: CommandIo): Progress | undefined {
  const total = lettersIn(ranges);
  return showsProgress(total) ? new Progress(io.err, total, 'letters') : undefined;
}
