import {
  Topic,
  deadLetterTopicOf,
  exampleArticleFetched,
  exampleDeadLetter,
} from '@newsflow/contracts';
import type { DeadLetterV1 } from '@newsflow/contracts';
import type { DeadLetterId, DeadLetterReplay } from '@newsflow/messaging';
import {
  DeadLettersUsageError,
  LetterListing,
  MAX_FIELD_PREVIEW_CHARS,
  MAX_LISTED_LETTERS,
  MAX_LISTED_MESSAGE_CHARS,
  MAX_PREVIEW_CHARS,
  MAX_PREVIEW_DEPTH,
  MAX_PREVIEW_NOTES,
  MAX_REPLAY_LETTERS,
  PROGRESS_FROM_LETTERS,
  deadLetterTopicsFor,
  decodeLetter,
  dlqPlan,
  formatLetter,
  formatListing,
  previewOriginal,
  reasonFor,
  replayDecision,
  showsProgress,
  summarise,
} from './dead-letter-view';
import type { LetterSummary } from './dead-letter-view';

const FETCHED_DLQ = deadLetterTopicOf(Topic.ArticleFetched);
const PARSED_DLQ = deadLetterTopicOf(Topic.ArticleParsed);
const ID: DeadLetterId = { topic: PARSED_DLQ, partition: 0, offset: '5' };

function letter(changes: Partial<DeadLetterV1> = {}): DeadLetterV1 {
  return { ...structuredClone(exampleDeadLetter), ...changes };
}

function summary(offset: number, changes: Partial<LetterSummary> = {}): LetterSummary {
  return {
    ...summarise({ ...ID, offset: String(offset) }, { ok: true, letter: letter() }, undefined),
    ...changes,
  };
}

const replay: DeadLetterReplay = {
  letterId: `${PARSED_DLQ}:0:5`,
  replayedAt: '2026-01-02T03:04:05.000Z',
  topic: Topic.ArticleParsed,
  partition: 2,
  offset: '1200',
  times: 1,
};

describe('dlq letters: reading one', () => {
  it('takes a DeadLetterV1, and says what is wrong with anything else', () => {
    const good = decodeLetter(PARSED_DLQ, Buffer.from(JSON.stringify(exampleDeadLetter)));
    expect(good).toEqual({ ok: true, letter: exampleDeadLetter });

    expect(decodeLetter(PARSED_DLQ, null)).toEqual({
      ok: false,
      problem: 'no value (a tombstone)',
    });
    expect(decodeLetter(PARSED_DLQ, Buffer.from('{oops'))).toEqual({
      ok: false,
      problem: 'not JSON (5 bytes)',
    });
    const wrong = decodeLetter(PARSED_DLQ, Buffer.from(JSON.stringify({ schemaVersion: 1 })));
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.problem).toMatch(/^not a DeadLetterV1: .*originalValue/);
  });

  it('summarises a letter without its original, with its last replay', () => {
    expect(summarise(ID, { ok: true, letter: letter() }, replay)).toEqual({
      id: `${PARSED_DLQ}:0:5`,
      dlqTopic: PARSED_DLQ,
      partition: 0,
      offset: '5',
      stage: 'enricher',
      code: 'schema-violation',
      message: 'news.article.parsed.v1: title is required',
      original: {
        topic: Topic.ArticleParsed,
        partition: 2,
        offset: '1187',
        key: '7e9030f28acf342c',
        bytes: null,
        truncated: false,
      },
      failedAt: '2025-04-17T15:02:14.512Z',
      attempts: 1,
      replayed: { at: '2026-01-02T03:04:05.000Z', times: 1 },
    });
  });

  it('cuts the reason to MAX_LISTED_MESSAGE_CHARS on one line, and keeps one just under', () => {
    const at = (chars: number) =>
      summarise(
        ID,
        {
          ok: true,
          letter: letter({ error: { code: 'unprocessable', message: 'x'.repeat(chars) } }),
        },
        undefined,
      ).message;

    expect(at(MAX_LISTED_MESSAGE_CHARS)).toBe('x'.repeat(MAX_LISTED_MESSAGE_CHARS));
    expect(at(MAX_LISTED_MESSAGE_CHARS + 1)).toBe(`${'x'.repeat(MAX_LISTED_MESSAGE_CHARS - 1)}…`);
    const multiLine = letter({ error: { code: 'unprocessable', message: 'too-large:\n  a\tb' } });
    expect(summarise(ID, { ok: true, letter: multiLine }, undefined).message).toBe(
      'too-large: a b',
    );
  });

  it('lists a message that is not a letter as unreadable', () => {
    expect(summarise(ID, { ok: false, problem: 'not JSON (5 bytes)' }, undefined)).toMatchObject({
      code: 'unreadable',
      stage: '-',
      message: 'not JSON (5 bytes)',
      original: null,
    });
  });
});

describe('dlq letters: the flags', () => {
  it('takes an article topic or its dead-letter topic for --topic, every one without', () => {
    expect(deadLetterTopicsFor(undefined)).toEqual([
      'news.article.fetched.v1.dlq',
      'news.article.parsed.v1.dlq',
      'news.article.enriched.v1.dlq',
    ]);
    expect(deadLetterTopicsFor(Topic.ArticleFetched)).toEqual([FETCHED_DLQ]);
    expect(deadLetterTopicsFor(FETCHED_DLQ)).toEqual([FETCHED_DLQ]);
    expect(() => deadLetterTopicsFor('news.article.fetched')).toThrow(DeadLettersUsageError);
  });

  it('takes only the reasons letters carry for --reason', () => {
    expect(reasonFor(undefined)).toBeUndefined();
    expect(reasonFor('invalid-json')).toBe('invalid-json');
    expect(() => reasonFor('too-large')).toThrow(
      '--reason too-large is not a dead-letter reason: invalid-json, schema-violation, unprocessable, retries-exhausted',
    );
  });
});

describe(dlqPlan.name, () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `${FETCHED_DLQ}:0:${i}`);

  it('reads list, show and replay command lines', () => {
    expect(dlqPlan({ action: 'list', operands: [], reason: 'unprocessable' })).toEqual({
      action: 'list',
      topics: [FETCHED_DLQ, PARSED_DLQ, 'news.article.enriched.v1.dlq'],
      reason: 'unprocessable',
    });
    expect(dlqPlan({ action: 'show', operands: [`${PARSED_DLQ}:0:5`] })).toEqual({
      action: 'show',
      id: ID,
    });
    expect(
      dlqPlan({
        action: 'replay',
        operands: [`${PARSED_DLQ}:0:5`, `${PARSED_DLQ}:0:05`, `${FETCHED_DLQ}:0:1`],
        'dry-run': true,
      }),
    ).toMatchObject({
      action: 'replay',
      ids: [ID, { topic: FETCHED_DLQ, partition: 0, offset: '1' }],
      dryRun: true,
      again: false,
    });
    expect(
      dlqPlan({
        action: 'replay',
        operands: [],
        reason: 'invalid-json',
        topic: Topic.ArticleFetched,
      }),
    ).toMatchObject({ ids: undefined, topics: [FETCHED_DLQ], reason: 'invalid-json' });
  });

  it.each([
    [{ action: undefined, operands: [] }, 'dlq needs an action: list, show or replay'],
    [{ action: 'purge', operands: [] }, 'unknown dlq action "purge"'],
    [{ action: 'list', operands: ['x'] }, 'dlq list takes flags only: --topic, --reason, --json'],
    [{ action: 'show', operands: [] }, 'dlq show needs one letter id, as dlq list prints it'],
    [{ action: 'show', operands: ['a:1'] }, /"a:1" is not a dead letter id/],
    [{ action: 'replay', operands: [] }, /^dlq replay takes letter ids, or --reason CODE/],
    [
      { action: 'replay', operands: [`${FETCHED_DLQ}:0:1`], reason: 'invalid-json' },
      /^dlq replay takes letter ids, or --reason CODE/,
    ],
    [
      { action: 'replay', operands: [`${FETCHED_DLQ}:0:1`], topic: Topic.ArticleFetched },
      '--topic goes with --reason; letter ids name their topic',
    ],
  ])('refuses %j', (args, why) => {
    expect(() => dlqPlan(args)).toThrow(DeadLettersUsageError);
    expect(() => dlqPlan(args)).toThrow(why);
  });

  it('takes MAX_REPLAY_LETTERS ids to replay, and refuses one more', () => {
    const under = dlqPlan({ action: 'replay', operands: ids(MAX_REPLAY_LETTERS) });
    expect(under.action === 'replay' && under.ids).toHaveLength(MAX_REPLAY_LETTERS);
    expect(() => dlqPlan({ action: 'replay', operands: ids(MAX_REPLAY_LETTERS + 1) })).toThrow(
      `dlq replay takes at most ${MAX_REPLAY_LETTERS} letter ids at a time (MAX_REPLAY_LETTERS), not ${MAX_REPLAY_LETTERS + 1}`,
    );
  });
});

describe(LetterListing.name, () => {
  it('counts letters by topic and reason, with how many were replayed', () => {
    const listing = new LetterListing();
    listing.add(summary(1));
    listing.add(summary(2, { replayed: { at: replay.replayedAt, times: 2 } }));
    listing.add(summary(3, { dlqTopic: FETCHED_DLQ, code: 'invalid-json' }));

    expect(listing.result().counts).toEqual([
      { dlqTopic: FETCHED_DLQ, code: 'invalid-json', letters: 1, replayed: 0 },
      { dlqTopic: PARSED_DLQ, code: 'schema-violation', letters: 2, replayed: 1 },
    ]);
  });

  it('keeps MAX_LISTED_LETTERS letters, and counts but leaves out the one past it', () => {
    const under = new LetterListing();
    for (let i = 0; i < MAX_LISTED_LETTERS; i += 1) under.add(summary(i));
    expect(under.result()).toMatchObject({ omitted: 0 });
    expect(under.result().letters).toHaveLength(MAX_LISTED_LETTERS);

    under.add(summary(MAX_LISTED_LETTERS));
    const over = under.result();
    expect(over.letters).toHaveLength(MAX_LISTED_LETTERS);
    expect(over.omitted).toBe(1);
    expect(over.counts[0]?.letters).toBe(MAX_LISTED_LETTERS + 1);
    expect(formatListing({ ...over, letters: over.letters.slice(0, 1) })).toMatch(
      /\n10001 letters, the first 1 listed \(MAX_LISTED_LETTERS\); narrow with --topic or --reason\n$/,
    );
  });

  it('sorts the letters by topic, partition and offset, as the topics arrive interleaved', () => {
    const listing = new LetterListing();
    listing.add(summary(10));
    listing.add(summary(3, { dlqTopic: FETCHED_DLQ }));
    listing.add(summary(9));

    expect(listing.result().letters.map((l) => `${l.dlqTopic}:${l.offset}`)).toEqual([
      `${FETCHED_DLQ}:3`,
      `${PARSED_DLQ}:9`,
      `${PARSED_DLQ}:10`,
    ]);
  });

  it('prints the counts, then a row per letter', () => {
    const listing = new LetterListing();
    listing.add(summary(5, { replayed: { at: replay.replayedAt, times: 1 } }));
    listing.add(summary(6));

    expect(formatListing(listing.result()).split('\n')).toEqual([
      'dead-letter topic           reason            letters  replayed',
      'news.article.parsed.v1.dlq  schema-violation        2         1',
      '',
      'id                              stage     reason            failed at                 original                       key               replayed                  message',
      'news.article.parsed.v1.dlq:0:5  enricher  schema-violation  2025-04-17T15:02:14.512Z  news.article.parsed.v1:2:1187  7e9030f28acf342c  2026-01-02T03:04:05.000Z  news.article.parsed.v1: title is required',
      'news.article.parsed.v1.dlq:0:6  enricher  schema-violation  2025-04-17T15:02:14.512Z  news.article.parsed.v1:2:1187  7e9030f28acf342c  -                         news.article.parsed.v1: title is required',
      '2 letters',
      '',
    ]);
    expect(formatListing(new LetterListing().result())).toBe('no dead letters\n');
  });
});

describe(previewOriginal.name, () => {
  const html = `<html><body>${'<p>The council voted to rebuild the bridge.</p>'.repeat(2_000)}</body></html>`;
  const page = { ...exampleArticleFetched, body: html };

  it('pretty-prints JSON, a huge html field cut to a preview with its size in bytes', () => {
    const preview = previewOriginal(Buffer.from(JSON.stringify(page)));

    expect(preview.kind).toBe('json');
    const shown = JSON.parse(preview.text) as typeof page;
    expect(shown.id).toBe(page.id);
    expect(shown.body).toBe(
      `${html.slice(0, MAX_FIELD_PREVIEW_CHARS)}… [${Buffer.byteLength(html)} bytes in all]`,
    );
    expect(preview.text).toContain('\n  "id": ');
    expect(preview.notes).toEqual([
      `body: ${Buffer.byteLength(html)} bytes, the first ${MAX_FIELD_PREVIEW_CHARS} characters shown`,
    ]);
  });

  it('keeps a field of MAX_FIELD_PREVIEW_CHARS whole and cuts one of a character more', () => {
    const at = (chars: number) =>
      previewOriginal(Buffer.from(JSON.stringify({ body: 'é'.repeat(chars) })));

    expect(at(MAX_FIELD_PREVIEW_CHARS).notes).toEqual([]);
    expect(at(MAX_FIELD_PREVIEW_CHARS + 1).notes).toEqual([
      `body: ${2 * (MAX_FIELD_PREVIEW_CHARS + 1)} bytes, the first ${MAX_FIELD_PREVIEW_CHARS} characters shown`,
    ]);
  });

  it('names at most MAX_PREVIEW_NOTES cut fields, then how many more', () => {
    const fields = (n: number) =>
      Object.fromEntries(
        Array.from({ length: n }, (_, i) => [`f${i}`, 'x'.repeat(MAX_FIELD_PREVIEW_CHARS + 1)]),
      );

    expect(
      previewOriginal(Buffer.from(JSON.stringify(fields(MAX_PREVIEW_NOTES)))).notes,
    ).toHaveLength(MAX_PREVIEW_NOTES);
    const over = previewOriginal(Buffer.from(JSON.stringify(fields(MAX_PREVIEW_NOTES + 1)))).notes;
    expect(over).toHaveLength(MAX_PREVIEW_NOTES + 1);
    expect(over.at(-1)).toBe('and 1 more fields cut or not shown');
  });

  it('shows JSON down to MAX_PREVIEW_DEPTH and elides what is deeper', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

    expect(previewOriginal(Buffer.from(nested(MAX_PREVIEW_DEPTH))).notes).toEqual([]);
    const deeper = previewOriginal(Buffer.from(nested(MAX_PREVIEW_DEPTH + 1)));
    expect(deeper.notes).toEqual([
      `${'[0]'.repeat(MAX_PREVIEW_DEPTH)}: nested deeper than ${MAX_PREVIEW_DEPTH}, not shown`,
    ]);
    expect(deeper.text).toContain('"[…]"');
  });

  it('shows text that is not JSON as it is, up to MAX_PREVIEW_CHARS', () => {
    expect(previewOriginal(Buffer.from('{"id": oops'))).toEqual({
      kind: 'text',
      text: '{"id": oops',
      notes: [],
    });
    const exact = previewOriginal(Buffer.from('a'.repeat(MAX_PREVIEW_CHARS)));
    expect(exact).toEqual({ kind: 'text', text: 'a'.repeat(MAX_PREVIEW_CHARS), notes: [] });
    const over = previewOriginal(Buffer.from('a'.repeat(MAX_PREVIEW_CHARS + 1)));
    expect(over.text).toBe(`${'a'.repeat(MAX_PREVIEW_CHARS)}…`);
    expect(over.notes).toEqual([
      `preview cut at ${MAX_PREVIEW_CHARS} of ${MAX_PREVIEW_CHARS + 1} characters`,
    ]);
  });

  it('says an original was truncated, and shows its start as text even if cut mid-character', () => {
    const whole = Buffer.from(JSON.stringify({ title: 'Café ☕ talks' }));
    const start = whole.subarray(0, whole.indexOf(Buffer.from('☕')) + 1);

    const preview = previewOriginal(start, { truncated: true, originalBytes: whole.length });

    expect(preview).toEqual({
      kind: 'text',
      text: '{"title":"Café ',
      notes: [`original truncated: the letter keeps ${start.length} of its ${whole.length} bytes`],
    });
  });

  it('shows bytes that are not UTF-8 in hex', () => {
    expect(previewOriginal(Buffer.from([0xff, 0xfe, 0x00]))).toEqual({
      kind: 'binary',
      text: 'fffe00',
      notes: ['not UTF-8: 3 bytes, the first 3 shown in hex'],
    });
  });

  it('is printed under the letter by dlq show', () => {
    const shown = formatLetter(
      summarise(ID, { ok: true, letter: letter() }, replay),
      letter(),
      previewOriginal(Buffer.from('{"a":1}')),
    );

    expect(shown).toMatch(/^id {9}news\.article\.parsed\.v1\.dlq:0:5\n/);
    expect(shown).toContain('\nheaders    content-type=application/json\n');
    expect(shown).toContain('\nreplayed   2026-01-02T03:04:05.000Z (1 in all)\n');
    expect(shown).toMatch(/\noriginal \(json\):\n\{\n {2}"a": 1\n\}\n$/);
  });
});

describe(replayDecision.name, () => {
  const options = { again: false, sent: 0 };

  it('replays a whole letter never replayed', () => {
    expect(replayDecision(summary(1), options)).toEqual({ action: 'replay' });
  });

  it('refuses a truncated letter and an unreadable one, saying why', () => {
    const cut = summary(1);
    const truncated = {
      ...cut,
      original: cut.original && { ...cut.original, truncated: true, bytes: 9_000_000 },
    };
    expect(replayDecision(truncated, options)).toEqual({
      action: 'refuse',
      reason: 'original truncated: the letter keeps only part of its 9000000 bytes',
    });
    const unreadable = summarise(ID, { ok: false, problem: 'not JSON (3 bytes)' }, undefined);
    expect(replayDecision(unreadable, options)).toEqual({
      action: 'refuse',
      reason: 'unreadable: not JSON (3 bytes)',
    });
  });

  it('skips a letter replayed before, unless again', () => {
    const replayed = summary(1, { replayed: { at: replay.replayedAt, times: 1 } });
    expect(replayDecision(replayed, options)).toEqual({
      action: 'skip',
      reason: 'replayed at 2026-01-02T03:04:05.000Z; --again replays it again',
    });
    expect(replayDecision(replayed, { again: true, sent: 0 })).toEqual({ action: 'replay' });
  });

  it('replays MAX_REPLAY_LETTERS letters a run and leaves the one past them', () => {
    expect(replayDecision(summary(1), { again: false, sent: MAX_REPLAY_LETTERS - 1 })).toEqual({
      action: 'replay',
    });
    expect(replayDecision(summary(1), { again: false, sent: MAX_REPLAY_LETTERS })).toEqual({
      action: 'defer',
    });
  });
});

describe(showsProgress.name, () => {
  it('draws progress from PROGRESS_FROM_LETTERS letters on', () => {
    expect(showsProgress(PROGRESS_FROM_LETTERS - 1)).toBe(false);
    expect(showsProgress(PROGRESS_FROM_LETTERS)).toBe(true);
  });
});
