/// <reference path="./tinyld.d.ts" />
import { detect } from 'tinyld';

/** Enough text for the detector; more only costs time. */
const SAMPLE_CHARS = 2000;
/** Below this the detector guesses. */
const MIN_CHARS = 40;

/**
 * The language of a bare text, ISO 639-1 ("en"), when the caller does not know it (an article
 * from the parser already carries the language the parser found). Null for too little text.
 */
export function detectTextLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS).trim();
  if (sample.length < MIN_CHARS) return null;
  const code = detect(sample);
  return /^[a-z]{2}$/.test(code) ? code : null;
}
