import {
  JSON_SCHEMA_DIALECT,
  nonEmptyString,
  nonNegativeInteger,
  positiveInteger,
  schemaVersion1,
  timestamp,
} from './fields.schema';

// A closed object, and the one definition of DeadLetterV1 (../messages derives the type).

/**
 * Why a stage gave up on a message: the bytes are not JSON; the JSON does not match the topic's
 * schema; the message is valid but the stage cannot process it (e.g. no article text in the
 * page); a failure kept happening after every retry.
 */
export const deadLetterReasons = [
  'invalid-json',
  'schema-violation',
  'unprocessable',
  'retries-exhausted',
] as const;

/**
 * Standard base64 (RFC 4648 section 4): its alphabet, then at most two `=`. Empty is allowed: an
 * empty original value. One character class, matched in linear time: the exact grammar (groups
 * of four, `(?:[A-Za-z0-9+/]{4})*`) backtracks once per group and overflowed the regex stack
 * from about 3.2 MiB of original value, so such a dead letter could not be sent at all.
 */
const base64 = { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$' } as const;

/** DeadLetterV1: every `<topic>.dlq`. */
export const deadLetterV1Schema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: 'urn:newsflow:contracts:DeadLetterV1',
  title: 'DeadLetterV1',
  description: 'What a consumer could not handle: <topic>.dlq, keyed by the original key.',
  type: 'object',
  additionalProperties: false,
  required: [
    'schemaVersion',
    'originalValue',
    'originalKey',
    'originalHeaders',
    'topic',
    'partition',
    'offset',
    'stage',
    'error',
    'attempts',
    'failedAt',
  ],
  properties: {
    schemaVersion: schemaVersion1,
    originalValue: {
      ...base64,
      description:
        'The original message value, base64-encoded so any bytes survive exactly; only its first bytes when originalTruncated is true.',
    },
    originalBytes: {
      ...nonNegativeInteger,
      description:
        'Bytes in the whole original value (absent from dead letters written before it was added).',
    },
    originalSha256: {
      type: 'string',
      pattern: '^[0-9a-f]{64}$',
      description: 'SHA-256 of the whole original value, lower-case hex: names it when it was cut.',
    },
    originalTruncated: {
      type: 'boolean',
      description:
        "True when the original did not fit in the dead letter whole (the dead-letter topic's value limit): originalValue holds only a prefix, or headers or the key were cut.",
    },
    originalKey: { type: ['string', 'null'] },
    originalHeaders: {
      type: 'object',
      additionalProperties: base64,
      description: 'Original headers, values base64-encoded.',
    },
    topic: nonEmptyString,
    partition: nonNegativeInteger,
    offset: {
      type: 'string',
      pattern: '^\\d+$',
      description: 'Kafka offsets are 64-bit, so they travel as decimal strings.',
    },
    stage: { ...nonEmptyString, description: 'The consuming stage, e.g. "parser".' },
    error: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: deadLetterReasons },
        message: { type: 'string' },
      },
    },
    attempts: positiveInteger,
    failedAt: { ...timestamp, description: 'ISO 8601 UTC.' },
  },
} as const;
