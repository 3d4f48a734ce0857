import {
  ALL_ARTICLE_TOPICS,
  deadLetterReasons,
  deadLetterTopicOf,
  validate,
} from '@newsflow/contracts';
import type { DeadLetterReason, DeadLetterTopic, DeadLetterV1 } from '@newsflow/contracts';
import {
  InvalidDeadLetterIdError,
  formatDeadLetterId,
  parseDeadLetterId,
} from '@newsflow/messaging';
import type { DeadLetterId, DeadLetterReplay } from '@newsflow/messaging';
import { columns } from '../terminal/columns';

/**
 * `dlq list` keeps at most this many letters to print; past it the letters are still read and
 * counted, and the listing says how many were left out. A letter's summary is a few hundred
 * bytes (its original is never kept), so the listing stays within a few MB.
 */
export const MAX_LISTED_LETTERS = 10_000;
/** A letter's reason in `dlq list`, in characters: enough to tell reasons apart on one row. */
export const MAX_LISTED_MESSAGE_CHARS = 160;
/** `dlq show`: a string field of the original (a page's html) longer than this is cut. */
export const MAX_FIELD_PREVIEW_CHARS = 400;
/** `dlq show`: the original's preview as a whole, in characters, after the fields were cut. */
export const MAX_PREVIEW_CHARS = 20_000;
/** `dlq show`: JSON nested deeper than this is shown as `[…]`. */
export const MAX_PREVIEW_DEPTH = 32;
/** `dlq show`: notes on what was cut, at most this many, then how many more. */
export const MAX_PREVIEW_NOTES = 20;
/**
 * Letters one `dlq replay` sends back. A larger selection is replayed this many at a time:
 * the rest are reported as left, and since replayed letters are skipped, running the same
 * command again goes on where it stopped.
 */
export const MAX_REPLAY_LETTERS = 1_000;
/** Reading at least this many letters draws a progress bar (or count lines) on stderr. */
export const PROGRESS_FROM_LETTERS = 200;

/** Whether reading `letters` letters draws progress (PROGRESS_FROM_LETTERS or more). */
export function showsProgress(letters: number): boolean {
  return letters >= PROGRESS_FROM_LETTERS;
}

/** `code` of a message on a dead-letter topic that is not a DeadLetterV1. */
export const UNREADABLE = 'unreadable';

/** What `dlq list` shows of a letter: all but the original's bytes. */
export interface LetterSummary {
  id: string;
  dlqTopic: string;
  partition: number;
  offset: string;
  stage: string;
  code: DeadLetterReason | typeof UNREADABLE;
  /** The reason, on one line, cut to MAX_LISTED_MESSAGE_CHARS. */
  message: string;
  original: {
    topic: string;
    partition: number;
    offset: string;
    key: string | null;
    bytes: number | null;
    truncated: boolean;
  } | null;
  failedAt: string | null;
  attempts: number | null;
  /** The last replay, or null when the letter was never replayed. */
  replayed: { at: string; times: number } | null;
}

/** A message of a dead-letter topic read as a letter, or why it is not one. */
export type DecodedLetter = { ok: true; letter: DeadLetterV1 } | { ok: false; problem: string };

/** Parses and checks a dead-letter topic's message against DeadLetterV1. */
export function decodeLetter(topic: DeadLetterTopic, value: Buffer | null): DecodedLetter {
  if (value === null) return { ok: false, problem: 'no value (a tombstone)' };
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch {
    return { ok: false, problem: `not JSON (${value.length} bytes)` };
  }
  const checked = validate(topic, json);
  if (checked.ok) return { ok: true, letter: checked.value };
  const problems = checked.problems.map((p) => `${p.path} ${p.message}`).join('; ');
  return { ok: false, problem: `not a DeadLetterV1: ${problems}` };
}

/** The letter as `dlq list` shows it. */
export function summarise(
  id: DeadLetterId,
  decoded: DecodedLetter,
  replay: DeadLetterReplay | undefined,
): LetterSummary {
  const place = {
    id: formatDeadLetterId(id),
    dlqTopic: id.topic,
    partition: id.partition,
    offset: id.offset,
  };
  const replayed = replay ? { at: replay.replayedAt, times: replay.times } : null;
  if (!decoded.ok)
    return {
      ...place,
      stage: '-',
      code: UNREADABLE,
      message: cut(oneLine(decoded.problem), MAX_LISTED_MESSAGE_CHARS),
      original: null,
      failedAt: null,
      attempts: null,
      replayed,
    };
  const { letter } = decoded;
  return {
    ...place,
    stage: letter.stage,
    code: letter.error.code,
    message: cut(oneLine(letter.error.message), MAX_LISTED_MESSAGE_CHARS),
    original: {
      topic: letter.topic,
      partition: letter.partition,
      offset: letter.offset,
      key: letter.originalKey,
      bytes: letter.originalBytes ?? null,
      truncated: letter.originalTruncated ?? false,
    },
    failedAt: letter.failedAt,
    attempts: letter.attempts,
    replayed,
  };
}

/** The dead-letter topics `--topic` names (an article topic or its `.dlq`), or all of them. */
export function deadLetterTopicsFor(topic: string | undefined): DeadLetterTopic[] {
  const all = ALL_ARTICLE_TOPICS.map((t) => deadLetterTopicOf(t));
  if (topic === undefined) return all;
  const named = all.find((dlq) => dlq === topic || dlq === `${topic}.dlq`);
  if (!named)
    throw new DeadLettersUsageError(
      `--topic ${topic} is not an article topic or its dead-letter topic: ${all.join(', ')}`,
    );
  return [named];
}

/** The reason `--reason` names, checked against the codes dead letters carry. */
export function reasonFor(code: string | undefined): DeadLetterReason | undefined {
  if (code === undefined) return undefined;
  const reason = deadLetterReasons.find((r) => r === code);
  if (!reason)
    throw new DeadLettersUsageError(
      `--reason ${code} is not a dead-letter reason: ${deadLetterReasons.join(', ')}`,
    );
  return reason;
}

/** A mistake in how a dlq command was called: the usage is printed with it. */
export class DeadLettersUsageError extends Error {}

/** The command line of `newsctl dlq`. */
export interface DlqArgs {
  /** `list`, `show` or `replay`, then what follows it on the command line. */
  action: string | undefined;
  operands: string[];
  topic?: string;
  reason?: string;
  json?: boolean;
  'dry-run'?: boolean;
  again?: boolean;
}

/** What a `newsctl dlq` command line asks for, checked before the broker is asked anything. */
export type DlqPlan =
  | { action: 'list'; topics: DeadLetterTopic[]; reason: DeadLetterReason | undefined }
  | { action: 'show'; id: DeadLetterId }
  | {
      action: 'replay';
      /** The letters named, once each; or undefined to choose by reason. */
      ids: DeadLetterId[] | undefined;
      topics: DeadLetterTopic[];
      reason: DeadLetterReason | undefined;
      dryRun: boolean;
      again: boolean;
    };

/**
 * Checks a `newsctl dlq` command line: every mistake is a DeadLettersUsageError, thrown before
 * any connection, so a wrong id is reported as such even while the broker is away.
 */
export function dlqPlan(args: DlqArgs): DlqPlan {
  switch (args.action ?? '') {
    case 'list':
      if (args.operands.length > 0)
        throw new DeadLettersUsageError('dlq list takes flags only: --topic, --reason, --json');
      return {
        action: 'list',
        topics: deadLetterTopicsFor(args.topic),
        reason: reasonFor(args.reason),
      };
    case 'show': {
      const [id, ...rest] = args.operands;
      if (id === undefined || rest.length > 0)
        throw new DeadLettersUsageError('dlq show needs one letter id, as dlq list prints it');
      return { action: 'show', id: letterId(id) };
    }
    case 'replay': {
      const byIds = args.operands.length > 0;
      if (byIds === (args.reason !== undefined))
        throw new DeadLettersUsageError(
          'dlq replay takes letter ids, or --reason CODE [--topic T]: one of the two',
        );
      if (byIds && args.topic !== undefined)
        throw new DeadLettersUsageError('--topic goes with --reason; letter ids name their topic');
      const ids = byIds ? uniqueIds(args.operands.map(letterId)) : undefined;
      if (ids && ids.length > MAX_REPLAY_LETTERS)
        throw new DeadLettersUsageError(
          `dlq replay takes at most ${MAX_REPLAY_LETTERS} letter ids at a time (MAX_REPLAY_LETTERS), not ${ids.length}`,
        );
      return {
        action: 'replay',
        ids,
        topics: deadLetterTopicsFor(args.topic),
        reason: reasonFor(args.reason),
        dryRun: args['dry-run'] ?? false,
        again: args.again ?? false,
      };
    }
    case '':
      throw new DeadLettersUsageError('dlq needs an action: list, show or replay');
    default:
      throw new DeadLettersUsageError(`unknown dlq action "${args.action}"`);
  }
}

function letterId(text: string): DeadLetterId {
  try {
    return parseDeadLetterId(text);
  } catch (error) {
    if (error instanceof InvalidDeadLetterIdError) throw new DeadLettersUsageError(error.message);
    throw error;
  }
}

function uniqueIds(ids: DeadLetterId[]): DeadLetterId[] {
  const byText = new Map(ids.map((id) => [formatDeadLetterId(id), id]));
  return [...byText.values()];
}

/** Letters by dead-letter topic and reason: how many, and how many of them were replayed. */
export interface LetterCount {
  dlqTopic: string;
  code: LetterSummary['code'];
  letters: number;
  replayed: number;
}

export interface Listing {
  counts: LetterCount[];
  /**
   * At most `limit` letters, the first read, sorted by topic, partition and offset: the
   * topics are read at once, so they arrive interleaved.
   */
  letters: LetterSummary[];
  /** Letters counted but left out of `letters`. */
  omitted: number;
}

/**
 * Gathers `dlq list`: every letter counted, the first `limit` (MAX_LISTED_LETTERS) kept to
 * print. What is kept is bounded however many letters the topics hold.
 */
export class LetterListing {
  private readonly counts = new Map<string, LetterCount>();
  private readonly letters: LetterSummary[] = [];
  private omitted = 0;

  constructor(private readonly limit = MAX_LISTED_LETTERS) {}

  add(summary: LetterSummary): void {
    const key = `${summary.dlqTopic}\n${summary.code}`;
    const count = this.counts.get(key) ?? {
      dlqTopic: summary.dlqTopic,
      code: summary.code,
      letters: 0,
      replayed: 0,
    };
    count.letters += 1;
    if (summary.replayed) count.replayed += 1;
    this.counts.set(key, count);
    if (this.letters.length < this.limit) this.letters.push(summary);
    else this.omitted += 1;
  }

  result(): Listing {
    const counts = [...this.counts.values()].sort(
      (a, b) => a.dlqTopic.localeCompare(b.dlqTopic) || a.code.localeCompare(b.code),
    );
    const letters = [...this.letters].sort(
      (a, b) =>
        a.dlqTopic.localeCompare(b.dlqTopic) ||
        a.partition - b.partition ||
        (BigInt(a.offset) < BigInt(b.offset) ? -1 : BigInt(a.offset) > BigInt(b.offset) ? 1 : 0),
    );
    return { counts, letters, omitted: this.omitted };
  }
}

/** `dlq list` as text: the counts by topic and reason, then a row per letter. */
export function formatListing(listing: Listing): string {
  if (listing.counts.length === 0) return 'no dead letters\n';
  const counts = columns(
    ['dead-letter topic', 'reason', 'letters', 'replayed'],
    listing.counts.map((c) => [c.dlqTopic, c.code, String(c.letters), String(c.replayed)]),
    [2, 3],
  );
  const letters = columns(
    ['id', 'stage', 'reason', 'failed at', 'original', 'key', 'replayed', 'message'],
    listing.letters.map((l) => [
      l.id,
      l.stage,
      l.code,
      l.failedAt ?? '-',
      l.original
        ? `${l.original.topic}:${l.original.partition}:${l.original.offset}${l.original.truncated ? ' (cut)' : ''}`
        : '-',
      cut(l.original?.key ?? '-', 24),
      l.replayed ? `${l.replayed.at}${l.replayed.times > 1 ? ` (x${l.replayed.times})` : ''}` : '-',
      l.message,
    ]),
  );
  const total = listing.counts.reduce((sum, c) => sum + c.letters, 0);
  const footer =
    listing.omitted > 0
      ? `${total} letters, the first ${listing.letters.length} listed (MAX_LISTED_LETTERS); narrow with --topic or --reason\n`
      : `${total} ${total === 1 ? 'letter' : 'letters'}\n`;
  return `${counts}\n${letters}${footer}`;
}

/** How `dlq show` presents the original bytes of a letter. */
export interface OriginalPreview {
  /** json: parsed and pretty-printed; text: UTF-8 but not JSON; binary: not UTF-8. */
  kind: 'json' | 'text' | 'binary';
  text: string;
  /** What was cut or could not be shown, one line each. */
  notes: string[];
}

/**
 * The original bytes for a person to read: JSON pretty-printed, with every string longer than
 * MAX_FIELD_PREVIEW_CHARS (a page's html) cut to its start and its size in bytes; other UTF-8
 * as text; anything else as the hex of its first bytes. The whole is cut at MAX_PREVIEW_CHARS.
 * A truncated original (only its start kept) is shown as text: it is not whole JSON.
 */
export function previewOriginal(
  bytes: Buffer,
  { truncated = false, originalBytes }: { truncated?: boolean; originalBytes?: number } = {},
): OriginalPreview {
  const notes: string[] = [];
  if (truncated)
    notes.push(
      `original truncated: the letter keeps ${bytes.length} of its ${originalBytes ?? '?'} bytes`,
    );
  const text = utf8(bytes, truncated);
  if (text === undefined) {
    const shown = Math.min(bytes.length, MAX_PREVIEW_CHARS / 2);
    notes.push(`not UTF-8: ${bytes.length} bytes, the first ${shown} shown in hex`);
    return { kind: 'binary', text: bytes.subarray(0, shown).toString('hex'), notes };
  }
  let json: unknown;
  let parsed = false;
  if (!truncated) {
    try {
      json = JSON.parse(text);
      parsed = true;
    } catch {
      parsed = false;
    }
  }
  if (!parsed) return { kind: 'text', text: capped(text, notes), notes };
  const cuts: string[] = [];
  const shortened = shorten(json, '', 0, cuts);
  notes.push(...cuts.slice(0, MAX_PREVIEW_NOTES));
  if (cuts.length > MAX_PREVIEW_NOTES)
    notes.push(`and ${cuts.length - MAX_PREVIEW_NOTES} more fields cut or not shown`);
  return { kind: 'json', text: capped(JSON.stringify(shortened, null, 2), notes), notes };
}

/** The bytes as UTF-8, or undefined when they are not; a cut original may end mid-character. */
function utf8(bytes: Buffer, truncated: boolean): string | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // A UTF-8 character is at most 4 bytes: cutting up to 3 off the end finds a whole one.
  for (let drop = 0; drop <= (truncated ? 3 : 0); drop += 1) {
    try {
      return decoder.decode(bytes.subarray(0, bytes.length - drop));
    } catch {
      continue;
    }
  }
  return undefined;
}

/** Long strings cut, deep values elided; a note for each. */
function shorten(value: unknown, path: string, depth: number, notes: string[]): unknown {
  if (typeof value === 'string') {
    if (value.length <= MAX_FIELD_PREVIEW_CHARS) return value;
    const bytes = Buffer.byteLength(value);
    notes.push(
      `${path || '(root)'}: ${bytes} bytes, the first ${MAX_FIELD_PREVIEW_CHARS} characters shown`,
    );
    return `${value.slice(0, MAX_FIELD_PREVIEW_CHARS)}… [${bytes} bytes in all]`;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_PREVIEW_DEPTH) {
    notes.push(`${path}: nested deeper than ${MAX_PREVIEW_DEPTH}, not shown`);
    return '[…]';
  }
  if (Array.isArray(value))
    return value.map((item, i) => shorten(item, `${path}[${i}]`, depth + 1, notes));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      shorten(item, path ? `${path}.${key}` : key, depth + 1, notes),
    ]),
  );
}

function capped(text: string, notes: string[]): string {
  if (text.length <= MAX_PREVIEW_CHARS) return text;
  notes.push(`preview cut at ${MAX_PREVIEW_CHARS} of ${text.length} characters`);
  return `${text.slice(0, MAX_PREVIEW_CHARS)}…`;
}

/** `dlq show`: the letter's facts, its replay, then its original. */
export function formatLetter(
  summary: LetterSummary,
  letter: DeadLetterV1 | undefined,
  preview: OriginalPreview | undefined,
): string {
  const fields: [string, string][] = [['id', summary.id]];
  if (letter) {
    const headers = Object.entries(letter.originalHeaders).map(
      ([name, value]) => `${name}=${Buffer.from(value, 'base64').toString('utf8')}`,
    );
    fields.push(
      ['stage', letter.stage],
      ['reason', letter.error.code],
      ['message', letter.error.message],
      ['failed at', letter.failedAt],
      ['attempts', String(letter.attempts)],
      ['original', `${letter.topic}:${letter.partition}:${letter.offset}`],
      ['key', letter.originalKey ?? '(none)'],
      ['headers', headers.length > 0 ? headers.join(', ') : '(none)'],
      [
        'bytes',
        `${letter.originalBytes ?? '?'}` +
          (letter.originalTruncated ? ', TRUNCATED: cannot be replayed' : ', whole') +
          (letter.originalSha256 ? `, sha256 ${letter.originalSha256}` : ''),
      ],
    );
  } else {
    fields.push(['unreadable', summary.message]);
  }
  fields.push([
    'replayed',
    summary.replayed ? `${summary.replayed.at} (${summary.replayed.times} in all)` : 'no',
  ]);
  const width = Math.max(...fields.map(([name]) => name.length));
  const lines = fields.map(([name, value]) => `${name.padEnd(width)}  ${value}`);
  if (preview) {
    lines.push('', `original (${preview.kind}):`);
    for (const note of preview.notes) lines.push(`  note: ${note}`);
    lines.push(preview.text);
  }
  return `${lines.join('\n')}\n`;
}

/** What `dlq replay` does with one letter. */
export type ReplayDecision =
  | { action: 'replay' }
  | { action: 'skip'; reason: string }
  | { action: 'refuse'; reason: string }
  | { action: 'defer' };

/**
 * Whether to send a letter back: never a truncated one (its whole original is gone) or an
 * unreadable one; a letter replayed before only with `again`; at most MAX_REPLAY_LETTERS per
 * run (`sent` so far), the rest left for the next run.
 */
export function replayDecision(
  summary: LetterSummary,
  { again, sent, limit = MAX_REPLAY_LETTERS }: { again: boolean; sent: number; limit?: number },
): ReplayDecision {
  if (!summary.original) return { action: 'refuse', reason: `unreadable: ${summary.message}` };
  if (summary.original.truncated)
    return {
      action: 'refuse',
      reason: `original truncated: the letter keeps only part of its ${summary.original.bytes ?? '?'} bytes`,
    };
  if (summary.replayed && !again)
    return {
      action: 'skip',
      reason: `replayed at ${summary.replayed.at}; --again replays it again`,
    };
  if (sent >= limit) return { action: 'defer' };
  return { action: 'replay' };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cut to `width` code points, ending in an ellipsis. */
function cut(text: string, width: number): string {
  const chars = Array.from(text);
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}
