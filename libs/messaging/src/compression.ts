import { compress, decompress, init } from '@bokuweb/zstd-wasm';
import { CompressionCodecs, CompressionTypes } from 'kafkajs';

/**
 * The codec of every topic and every produce request: zstd at level 1, chosen with
 * `npm run bench:codecs` (real pages on a real broker; the README has the tables). A page of
 * 178 KB is stored in 35 KB, as gzip does, for a third of gzip's CPU; lz4 is cheaper by
 * 0.6 ms a page but stores 52 KB; level 3 saves 9% more bytes for half again the compressing.
 */
export const TOPIC_COMPRESSION = CompressionTypes.ZSTD;
/** The topic-level `compression.type` for TOPIC_COMPRESSION. */
export const TOPIC_COMPRESSION_NAME = 'zstd';
export const ZSTD_LEVEL = 1;

/**
 * The most a compressed record batch may expand to. Our batches hold at most one 11 MiB dead
 * letter or 1 MiB of pages; a batch claiming more (or, without a size in its header, producing
 * more) is refused rather than given the memory: a decompression bomb costs nothing to send.
 */
export const MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

const ZSTD_MAGIC = 0xfd2fb528;

/**
 * The content size a zstd frame header declares (RFC 8878, 3.1.1.1), or undefined when the
 * frame does not say: the Java producer's streaming frames leave it out.
 */
export function zstdContentSize(frame: Uint8Array): number | undefined {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  if (frame.byteLength < 5 || view.getUint32(0, true) !== ZSTD_MAGIC) {
    throw new Error('not a zstd frame');
  }
  const descriptor = frame[4] ?? 0;
  const fcsFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const dictionaryIdBytes = [0, 1, 2, 4][descriptor & 3] ?? 0;
  const fcsBytes = [singleSegment ? 1 : 0, 2, 4, 8][fcsFlag] ?? 0;
  const at = 5 + (singleSegment ? 0 : 1) + dictionaryIdBytes;
  if (frame.byteLength < at + fcsBytes) throw new Error('truncated zstd frame header');
  switch (fcsBytes) {
    case 0:
      return undefined;
    case 1:
      return view.getUint8(at);
    case 2:
      return view.getUint16(at, true) + 256;
    case 4:
      return view.getUint32(at, true);
    default:
      return Number(view.getBigUint64(at, true));
  }
}

const ready = init();
// Awaited by every use; this only keeps a failed load from being an unhandled rejection first.
ready.catch(() => undefined);

/**
 * zstd for kafkajs, which has none of its own, over the reference library compiled to
 * WebAssembly (`@bokuweb/zstd-wasm`): the native bindings need a compiler or binaries from
 * GitHub at install time, which the project's machines have neither of.
 */
export const zstdCodec = {
  async compress(encoder: { buffer: Buffer }): Promise<Buffer> {
    await ready;
    const out = compress(encoder.buffer, ZSTD_LEVEL);
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  },
  async decompress(buffer: Buffer): Promise<Buffer> {
    await ready;
    const declared = zstdContentSize(buffer);
    if (declared !== undefined && declared > MAX_DECOMPRESSED_BYTES) {
      throw new Error(
        `zstd batch declares ${declared} bytes, over the ${MAX_DECOMPRESSED_BYTES}-byte limit`,
      );
    }
    // Without a declared size the library decompresses into this much room, and fails past it.
    const out = decompress(buffer, { defaultHeapSize: MAX_DECOMPRESSED_BYTES });
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  },
};

/** Lets this process's kafkajs clients write and read zstd batches (kafkajs keeps codecs globally). */
export function registerCompressionCodecs(): void {
  CompressionCodecs[CompressionTypes.ZSTD] = () => zstdCodec;
}
