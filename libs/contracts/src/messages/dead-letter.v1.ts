/** Why a stage gave up on a message. */
export type DeadLetterReason =
  /** The bytes are not JSON. */
  | 'invalid-json'
  /** The JSON does not match the topic's schema. */
  | 'schema-violation'
  /** The message is valid but the stage cannot process it (e.g. no article text in the page). */
  | 'unprocessable'
  /** A failure that kept happening after every retry. */
  | 'retries-exhausted';

/** What a consumer could not handle: `<topic>.dlq`, keyed by the original key. */
export interface DeadLetterV1 {
  schemaVersion: 1;
  /**
   * The original message value, base64-encoded so any bytes survive exactly; only its first
   * bytes when `originalTruncated` is true.
   */
  originalValue: string;
  /** Bytes in the whole original value (absent from dead letters written before it was added). */
  originalBytes?: number;
  /** SHA-256 of the whole original value, lower-case hex: names it when it was cut. */
  originalSha256?: string;
  /**
   * True when the original did not fit in the dead letter whole (the dead-letter topic's value
   * limit): `originalValue` holds only a prefix, or headers or the key were cut.
   */
  originalTruncated?: boolean;
  originalKey: string | null;
  /** Original headers, values base64-encoded. */
  originalHeaders: Record<string, string>;
  topic: string;
  partition: number;
  offset: string;
  /** The consuming stage, e.g. "parser". */
  stage: string;
  error: {
    code: DeadLetterReason;
    message: string;
  };
  attempts: number;
  /** ISO 8601 UTC. */
  failedAt: string;
}
