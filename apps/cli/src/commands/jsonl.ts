import { createInterface } from 'node:readline';

/**
 * Streams one JSON object per input line through `transform`, one result line per input line,
 * so a whole dataset passes through one process. A bad line gives an error line and the
 * stream goes on. Returns the number of failed lines.
 */
export async function transformJsonLines(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  transform: (record: unknown) => unknown,
): Promise<number> {
  let failed = 0;
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let id: unknown = null;
    try {
      const record: unknown = JSON.parse(line);
      id = (record as { id?: unknown } | null)?.id ?? null;
      output.write(`${JSON.stringify(transform(record))}\n`);
    } catch (error) {
      failed += 1;
      const message = error instanceof Error ? error.message : String(error);
      const code = (error as { code?: unknown }).code;
      output.write(
        `${JSON.stringify({ id, line: lineNumber, error: { code: typeof code === 'string' ? code : 'error', message } })}\n`,
      );
    }
  }
  return failed;
}
