import type { IncomingMessage } from 'node:http';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { FetchError } from './fetch-error';

/**
 * The body of a response, as sent or decompressed, failing as soon as it passes `maxBytes`
 * (or, when `truncate`, keeping its first `maxBytes`).
 */
export async function readBody(
  url: string,
  response: IncomingMessage,
  { maxBytes, truncate }: { maxBytes: number; truncate: boolean },
  signal: AbortSignal,
): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (declared > maxBytes && !truncate)
    throw new FetchError('too-large', url, `Content-Length ${declared} exceeds ${maxBytes} bytes`);

  const chunks: Buffer[] = [];
  let kept = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const room = maxBytes - kept;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      kept += Math.min(chunk.length, room);
      // Only a truncating read gets here with a chunk past maxBytes: it has what it wants.
      callback(chunk.length > room ? new Truncated() : null);
    },
  });
  try {
    await pipeline(
      [
        response,
        limit(url, maxBytes, 'as sent', truncate),
        ...decompressors(url, response.headers['content-encoding']),
        limit(url, maxBytes, 'decompressed', truncate),
        sink,
      ],
      { signal },
    );
  } catch (error) {
    // Failing the pipeline destroyed the response and every decompressor: nothing more is read.
    if (!(error instanceof Truncated)) throw error;
  }
  return Buffer.concat(chunks);
}

/** Ends a truncating read once it holds maxBytes; readBody keeps what it read. */
class Truncated extends Error {}

/**
 * Fails the stream the moment more than `maxBytes` have passed, before buffering them. A
 * truncating read passes the chunk that crosses the limit (the sink keeps the part that fits)
 * and ends at the next.
 */
function limit(url: string, maxBytes: number, stage: string, truncate: boolean): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (truncate) {
        const full = seen >= maxBytes;
        seen += chunk.length;
        callback(full ? new Truncated() : null, full ? undefined : chunk);
        return;
      }
      seen += chunk.length;
      if (seen > maxBytes)
        callback(new FetchError('too-large', url, `body ${stage} exceeds ${maxBytes} bytes`));
      else callback(null, chunk);
    },
  });
}

/** Codings are listed in the order applied, so they are undone in reverse. */
function decompressors(url: string, header: string | undefined): Transform[] {
  const codings = (header ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  return codings.reverse().map((coding) => decompressor(url, coding));
}

function decompressor(url: string, coding: string): Transform {
  // Flushing what arrived instead of failing on a truncated stream is what browsers do.
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return decoding(url, coding, () =>
        zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
      );
    case 'deflate':
      // HTTP's deflate is zlib-wrapped, but some servers send the raw stream: look at the header.
      return decoding(url, coding, (head) =>
        isZlibHeader(head)
          ? zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH })
          : zlib.createInflateRaw({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
      );
    case 'br':
      return decoding(url, coding, () =>
        zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }),
      );
    default:
      throw new FetchError('content-encoding', url, `unsupported Content-Encoding ${coding}`);
  }
}

/** RFC 1950: compression method 8 in the low nibble, and the two bytes a multiple of 31. */
function isZlibHeader(head: Buffer): boolean {
  const [cmf = 0, flg = 0] = head;
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

/**
 * A decompressor chosen from the body's first chunk, whose failures are `content-encoding`
 * FetchErrors: a corrupt body is the page's fault, not the network's. Destroying it (the
 * pipeline does, when a limit fails) destroys the decompressor inside: left alone, that one went
 * on inflating what it had been given, 18 s of CPU for a 6.5 KB brotli bomb refused at 0.2 s.
 */
function decoding(url: string, coding: string, choose: (head: Buffer) => Transform): Transform {
  let inner: Transform | undefined;
  const fail = (error: unknown) =>
    new FetchError('content-encoding', url, `${coding} body does not decompress`, {
      cause: error,
    });
  const outer = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (inner === undefined) {
        inner = choose(chunk);
        inner.on('data', (data: Buffer) => outer.push(data));
        inner.on('error', (error) => outer.destroy(fail(error)));
      }
      inner.write(chunk, () => callback());
    },
    flush(callback) {
      if (inner === undefined) {
        callback();
        return;
      }
      inner.once('end', () => callback());
      inner.end();
    },
    destroy(error, callback) {
      inner?.destroy();
      callback(error);
    },
  });
  return outer;
}
