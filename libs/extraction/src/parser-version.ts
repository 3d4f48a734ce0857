/** Stamped on every parsed article, so a stored row tells which extractor made it. */
export const PARSER_VERSION = 'extraction/0.3.0';
