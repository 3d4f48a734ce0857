import type { FromSchema } from 'json-schema-to-ts';
import type { deadLetterReasons, deadLetterV1Schema } from '../schemas/dead-letter.v1.schema';

// Derived from the JSON Schema (json-schema-to-ts), where each field is documented.

/**
 * Why a stage gave up on a message: `invalid-json` (the bytes are not JSON), `schema-violation`
 * (the JSON does not match the topic's schema), `unprocessable` (valid, but the stage cannot
 * process it, e.g. no article text in the page), `retries-exhausted` (a failure that kept
 * happening after every retry).
 */
export type DeadLetterReason = (typeof deadLetterReasons)[number];

/** What a consumer could not handle: `<topic>.dlq`, keyed by the original key. */
export type DeadLetterV1 = FromSchema<typeof deadLetterV1Schema>;
