import { int, kafkaConfigFrom, kafkaEnv, readEnv } from '@newsflow/config';
import type { KafkaConfig } from '@newsflow/config';
import type { ExtractionLimits } from '@newsflow/extraction';

/** Every variable the parser reads, with its default: validated once, in main.ts. */
export const parserEnv = {
  ...kafkaEnv,
  HTTP_PORT: int('port of /health and /metrics', 3002, { min: 1, max: 65535 }),
  PARSER_MAX_DOCUMENT_CHARS: int('larger documents are dead-lettered as too-large', 5_000_000, {
    min: 1,
  }),
  PARSER_MAX_DEPTH: int('deeper element nesting is dead-lettered as too-deep', 500, { min: 10 }),
  PARSER_TIME_BUDGET_MS: int('slower extractions are dead-lettered as time-budget', 2_000, {
    min: 1,
  }),
};

export interface ParserConfig {
  kafka: KafkaConfig;
  httpPort: number;
  /** Beyond these a page is dead-lettered rather than parsed. */
  extraction: ExtractionLimits;
}

/** The one configuration the parser's providers read, from PARSER_CONFIG. */
export const PARSER_CONFIG = Symbol('PARSER_CONFIG');

/** Reads and validates the parser's environment, listing every bad variable in one error. */
export function loadParserConfig(env?: Readonly<Record<string, string | undefined>>): ParserConfig {
  const v = readEnv(parserEnv, env);
  return {
    kafka: kafkaConfigFrom(v),
    httpPort: v.HTTP_PORT,
    extraction: {
      maxChars: v.PARSER_MAX_DOCUMENT_CHARS,
      maxDepth: v.PARSER_MAX_DEPTH,
      timeBudgetMs: v.PARSER_TIME_BUDGET_MS,
    },
  };
}
