import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { DeadLetterReason } from './messages/dead-letter.v1';
import { topicSchemas } from './schemas/topic-schemas';
import { deadLetterTopicOf, Topic } from './topics';
import type { AnyTopic, TopicPayloads } from './topics';

/** One thing wrong with a message: which field (`source.kind`, `paragraphs.2`, `(root)`) and why. */
export interface SchemaProblem {
  path: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; problems: SchemaProblem[] };

/** The dead-letter reasons a bad message (rather than a failing stage) can have. */
export type InvalidEventCode = Extract<DeadLetterReason, 'invalid-json' | 'schema-violation'>;

/**
 * The most problems an InvalidEventError's message names, the first found first, then "and N
 * more": its `problems` keep them all. The message is logged and becomes a dead letter's reason.
 */
export const MAX_LISTED_PROBLEMS = 20;

/**
 * The longest path or message of one problem, in characters; longer is cut, ending in "…". A
 * property name comes from the message itself and may be a megabyte long.
 */
export const MAX_PROBLEM_CHARS = 200;

/**
 * Every problem is looked for only in a message of at most this many JSON values (objects, arrays,
 * strings, numbers...); in a larger one, the first problem only. Ajv's `allErrors` builds an error
 * object for each problem and has no limit on their number: 4 million wrongly typed paragraphs
 * (an 8 MB message, under the topic's limit) took 19 s and 3.4 GB. A real article is far below:
 * a parsed one of 250 paragraphs is about 300 values, an enriched one a few thousand.
 */
export const MAX_VALUES_FOR_EVERY_PROBLEM = 10_000;

/** A message that is not JSON, or not the shape its topic promises. Retrying cannot help. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';

  constructor(
    readonly topic: string,
    readonly code: InvalidEventCode,
    readonly problems: SchemaProblem[],
    options?: ErrorOptions,
  ) {
    super(`${topic}: ${listProblems(problems)}`, options);
  }
}

/** The first MAX_LISTED_PROBLEMS problems, "; "-separated, then how many more there are. */
function listProblems(problems: readonly SchemaProblem[]): string {
  const listed = problems
    .slice(0, MAX_LISTED_PROBLEMS)
    .map((problem) => `${problem.path} ${problem.message}`)
    .join('; ');
  const more = problems.length - MAX_LISTED_PROBLEMS;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}

// No coerceTypes, useDefaults or removeAdditional: validation must never change the message it
// checks. Formats come from ajv-formats; strict mode rejects any keyword ajv does not know.
// Two instances: one that stops at the first problem, to decide, and one that looks for every
// problem, to report on a message small enough (see MAX_VALUES_FOR_EVERY_PROBLEM).
const ajvFirst = new Ajv({ allErrors: false, strict: true });
const ajvEvery = new Ajv({ allErrors: true, strict: true });
addFormats(ajvFirst);
addFormats(ajvEvery);

const fetchedDlq = deadLetterTopicOf(Topic.ArticleFetched);
const parsedDlq = deadLetterTopicOf(Topic.ArticleParsed);
const enrichedDlq = deadLetterTopicOf(Topic.ArticleEnriched);

interface Validators<T> {
  /** Stops at the first problem. */
  first: ValidateFunction<T>;
  /** Finds every problem. */
  every: ValidateFunction<T>;
}

// Each schema compiled once, at load, so a broken schema fails at start rather than on the
// first message. The dead-letter topics share one compiled DeadLetterV1 validator.
const compiled = new Map<object, Validators<unknown>>();
function compile<T>(schema: object): Validators<T> {
  let pair = compiled.get(schema);
  if (!pair) {
    pair = { first: ajvFirst.compile(schema), every: ajvEvery.compile(schema) };
    compiled.set(schema, pair);
  }
  return pair as Validators<T>;
}

const validators: { readonly [T in AnyTopic]: Validators<TopicPayloads[T]> } = {
  [Topic.ArticleFetched]: compile(topicSchemas[Topic.ArticleFetched]),
  [Topic.ArticleParsed]: compile(topicSchemas[Topic.ArticleParsed]),
  [Topic.ArticleEnriched]: compile(topicSchemas[Topic.ArticleEnriched]),
  [fetchedDlq]: compile(topicSchemas[fetchedDlq]),
  [parsedDlq]: compile(topicSchemas[parsedDlq]),
  [enrichedDlq]: compile(topicSchemas[enrichedDlq]),
};

/**
 * Checks a value against its topic's schema. Returns every problem at once, or only the first for
 * a value of more than MAX_VALUES_FOR_EVERY_PROBLEM JSON values.
 */
export function validate<T extends AnyTopic>(
  topic: T,
  value: unknown,
): ValidationResult<TopicPayloads[T]> {
  // The topic is typed, but callers in plain JS or behind a cast can still pass anything.
  if (!Object.hasOwn(validators, topic)) throw new Error(`unknown topic: ${String(topic)}`);
  const { first, every }: Validators<TopicPayloads[T]> = validators[topic];
  if (first(value)) return { ok: true, value };
  let errors = first.errors;
  if (!holdsMoreThan(value, MAX_VALUES_FOR_EVERY_PROBLEM)) {
    every(value);
    errors = every.errors;
  }
  return { ok: false, problems: (errors ?? []).map(toProblem) };
}

/** Whether a JSON value holds more than `limit` values, itself included; stops counting there. */
function holdsMoreThan(value: unknown, limit: number): boolean {
  // A stack, not recursion: the value may be nested a million deep.
  const pending: unknown[] = [value];
  let count = 1;
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object') continue;
    const children: unknown[] = Array.isArray(next) ? next : Object.values(next);
    count += children.length;
    if (count > limit) return true;
    for (const child of children) pending.push(child);
  }
  return false;
}

/**
 * For consumers: decodes a Kafka message value (UTF-8 JSON) and validates it for its topic.
 * Throws InvalidEventError with code `invalid-json` (null, empty, not UTF-8, not JSON) or
 * `schema-violation`.
 */
export function parseEvent<T extends AnyTopic>(
  topic: T,
  raw: Buffer | string | null,
): TopicPayloads[T] {
  const result = validate(topic, decodeJson(topic, raw));
  if (!result.ok) throw new InvalidEventError(topic, 'schema-violation', result.problems);
  return result.value;
}

/** For producers: throws InvalidEventError (`schema-violation`) unless the value fits the topic. */
export function assertValid<T extends AnyTopic>(
  topic: T,
  value: unknown,
): asserts value is TopicPayloads[T] {
  const result = validate(topic, value);
  if (!result.ok) throw new InvalidEventError(topic, 'schema-violation', result.problems);
}

/** The path of a problem with the whole value. */
const ROOT = '(root)';

// fatal: malformed UTF-8 is a bad message, not text to repair with U+FFFD behind our back.
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeJson(topic: string, raw: Buffer | string | null): unknown {
  const invalid = (message: string, cause?: unknown): InvalidEventError =>
    new InvalidEventError(
      topic,
      'invalid-json',
      [{ path: ROOT, message }],
      cause === undefined ? undefined : { cause },
    );

  if (raw === null) throw invalid('is null (no message value)');
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : utf8.decode(raw);
  } catch (error) {
    throw invalid('is not valid UTF-8', error);
  }
  if (text.trim() === '') throw invalid('is empty');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw invalid(
      `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      error,
    );
  }
}

function toProblem(error: ErrorObject): SchemaProblem {
  const { path, message } = describeError(error);
  return { path: clip(path), message: clip(message) };
}

/** The text, or its first MAX_PROBLEM_CHARS - 1 characters and "…" (a surrogate pair kept whole). */
function clip(text: string): string {
  if (text.length <= MAX_PROBLEM_CHARS) return text;
  let end = MAX_PROBLEM_CHARS - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

function describeError(error: ErrorObject): SchemaProblem {
  const params: Record<string, unknown> = error.params;
  const at = pointerToPath(error.instancePath);
  switch (error.keyword) {
    case 'required':
      return { path: join(at, String(params['missingProperty'])), message: 'is required' };
    case 'additionalProperties':
      return {
        path: join(at, String(params['additionalProperty'])),
        message: 'is not a known property',
      };
    case 'enum':
      return { path: at || ROOT, message: `must be one of ${list(params['allowedValues'], ', ')}` };
    case 'const':
      return { path: at || ROOT, message: `must be ${JSON.stringify(params['allowedValue'])}` };
    case 'type':
      return { path: at || ROOT, message: `must be ${list(params['type'], ' or ')}` };
    case 'format':
      return { path: at || ROOT, message: `must be a valid ${String(params['format'])}` };
    case 'minLength':
      if (params['limit'] === 1) return { path: at || ROOT, message: 'must not be empty' };
      break;
  }
  return { path: at || ROOT, message: error.message ?? `fails ${error.keyword}` };
}

/** `/source/kind` -> `source.kind`, `/paragraphs/2` -> `paragraphs.2`, `` -> ``. */
function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function join(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}

function list(value: unknown, separator: string): string {
  return Array.isArray(value) ? value.map(String).join(separator) : String(value);
}
