/**
 * Why a document yields no article. Each is permanent for that document (retrying cannot help),
 * so the parser dead-letters the message as `unprocessable`.
 */
export type ExtractionErrorCode =
  | 'empty-document'
  | 'no-article-text'
  | 'unsupported-format'
  | 'too-large'
  | 'too-deep'
  | 'time-budget';

export class ExtractionError extends Error {
  override readonly name = 'ExtractionError';

  constructor(
    readonly code: ExtractionErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
