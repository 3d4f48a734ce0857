/**
 * Field schemas the message schemas share, so a rule (what a timestamp is, what a URL is) is
 * written once. Draft-07, the dialect AsyncAPI documents embed by default; every schema here is
 * self-contained (no `$ref`), so a consumer can copy one into its own tooling as is.
 */

export const JSON_SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

export const nonEmptyString = { type: 'string', minLength: 1 } as const;

export const stringList = { type: 'array', items: { type: 'string' } } as const;

/** ISO 8601 with a zone (RFC 3339 `date-time`); producers write UTC (`toISOString()`). */
export const timestamp = { type: 'string', format: 'date-time' } as const;

export const nullableTimestamp = { type: ['string', 'null'], format: 'date-time' } as const;

export const nullableString = { type: ['string', 'null'] } as const;

/** An absolute URI, or null when the address is unknown (a saved page). */
export const nullableUri = { type: ['string', 'null'], format: 'uri' } as const;

/** Every message carries its version; a breaking change is a new topic, never a new value here. */
export const schemaVersion1 = { type: 'integer', const: 1 } as const;

/** A 0..1 weight (salience, score). */
export const unitInterval = { type: 'number', minimum: 0, maximum: 1 } as const;

export const positiveInteger = { type: 'integer', minimum: 1 } as const;

export const nonNegativeInteger = { type: 'integer', minimum: 0 } as const;
