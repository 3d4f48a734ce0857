import {
  JSON_SCHEMA_DIALECT,
  nonEmptyString,
  nonNegativeInteger,
  positiveInteger,
  schemaVersion1,
  timestamp,
} from './fields.schema';

// Closed objects: a field added to DeadLetterV1 (even an optional one) must be added here too.

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
    originalValue: base64,
    originalBytes: nonNegativeInteger,
    originalSha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    originalTruncated: { type: 'boolean' },
    originalKey: { type: ['string', 'null'] },
    originalHeaders: { type: 'object', additionalProperties: base64 },
    topic: nonEmptyString,
    partition: nonNegativeInteger,
    /** Kafka offsets are 64-bit, so they travel as decimal strings. */
    offset: { type: 'string', pattern: '^\\d+$' },
    stage: nonEmptyString,
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
    failedAt: timestamp,
  },
} as const;
