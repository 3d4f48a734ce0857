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

/** A message that is not JSON, or not the shape its topic promises. Retrying cannot help. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';

  constructor(
    readonly topic: string,
    readonly code: InvalidEventCode,
    readonly problems: SchemaProblem[],
    options?: ErrorOptions,
  ) {
    super(`${topic}: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, options);
  }
}

// No coerceTypes, useDefaults or removeAdditional: validation must never change the message it
// checks. Formats come from ajv-formats; strict mode rejects any keyword ajv does not know.
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);

const fetchedDlq = deadLetterTopicOf(Topic.ArticleFetched);
const parsedDlq = deadLetterTopicOf(Topic.ArticleParsed);
const enrichedDlq = deadLetterTopicOf(Topic.ArticleEnriched);

// Each schema compiled once, at load, so a broken schema fails at start rather than on the
// first message. The dead-letter topics share one compiled DeadLetterV1 validator.
const compiled = new Map<object, ValidateFunction>();
function compile<T>(schema: object): ValidateFunction<T> {
  let validator = compiled.get(schema);
  if (!validator) {
    validator = ajv.compile(schema);
    compiled.set(schema, validator);
  }
  return validator as ValidateFunction<T>;
}

const validators: { readonly [T in AnyTopic]: ValidateFunction<TopicPayloads[T]> } = {
  [Topic.ArticleFetched]: compile(topicSchemas[Topic.ArticleFetched]),
  [Topic.ArticleParsed]: compile(topicSchemas[Topic.ArticleParsed]),
  [Topic.ArticleEnriched]: compile(topicSchemas[Topic.ArticleEnriched]),
  [fetchedDlq]: compile(topicSchemas[fetchedDlq]),
  [parsedDlq]: compile(topicSchemas[parsedDlq]),
  [enrichedDlq]: compile(topicSchemas[enrichedDlq]),
};

/** Checks a value against its topic's schema and returns every problem at once. */
export function validate<T extends AnyTopic>(
  topic: T,
  value: unknown,
): ValidationResult<TopicPayloads[T]> {
  // The topic is typed, but callers in plain JS or behind a cast can still pass anything.
  if (!Object.hasOwn(validators, topic)) throw new Error(`unknown topic: ${String(topic)}`);
  const check: ValidateFunction<TopicPayloads[T]> = validators[topic];
  if (check(value)) return { ok: true, value };
  return { ok: false, problems: (check.errors ?? []).map(toProblem) };
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
