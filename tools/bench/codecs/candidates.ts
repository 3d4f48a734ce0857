import {
  init as initZstd,
  compress as zstdCompress,
  decompress as zstdDecompress,
} from '@bokuweb/zstd-wasm';
import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import { compressFrame, decompressFrame } from 'lz4-napi';
import { compress as snappyCompress, uncompress as snappyUncompress } from 'snappy';

/**
 * The codecs kafkajs can use on Node 20, for the codec bench: gzip is built into kafkajs; the
 * others need a codec registered, here each over a library made for it that installs on this
 * machine without build scripts (napi-rs prebuilt binaries for snappy and LZ4, WebAssembly for
 * zstd: the native zstd bindings need prebuilds from GitHub or a compiler run at install).
 */
export const CANDIDATES = [
  { name: 'none', type: CompressionTypes.None },
  { name: 'gzip', type: CompressionTypes.GZIP },
  { name: 'snappy', type: CompressionTypes.Snappy },
  { name: 'lz4', type: CompressionTypes.LZ4 },
  // Level 3 is zstd's default and the Java producer's; level 1 is its fastest.
  { name: 'zstd-1', type: CompressionTypes.ZSTD, level: 1 },
  { name: 'zstd-3', type: CompressionTypes.ZSTD, level: 3 },
] as const;

let zstdLevel = 3;

/** The level the zstd codec compresses at from now on. */
export function useZstdLevel(level: number): void {
  zstdLevel = level;
}

interface Encoder {
  buffer: Buffer;
}

/** The Java client writes snappy in xerial's framing: a magic header, then length-prefixed blocks. */
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);

async function snappyDecompress(buffer: Buffer): Promise<Buffer> {
  if (!buffer.subarray(0, 8).equals(XERIAL_MAGIC)) {
    return (await snappyUncompress(buffer)) as Buffer;
  }
  const blocks: Buffer[] = [];
  for (let at = 16; at < buffer.length; ) {
    const size = buffer.readUInt32BE(at);
    blocks.push((await snappyUncompress(buffer.subarray(at + 4, at + 4 + size))) as Buffer);
    at += 4 + size;
  }
  return Buffer.concat(blocks);
}

export async function registerCandidateCodecs(): Promise<void> {
  await initZstd();
  CompressionCodecs[CompressionTypes.Snappy] = () => ({
    compress: (encoder: Encoder) => snappyCompress(encoder.buffer),
    decompress: snappyDecompress,
  });
  CompressionCodecs[CompressionTypes.LZ4] = () => ({
    compress: (encoder: Encoder) => compressFrame(encoder.buffer),
    decompress: (buffer: Buffer) => decompressFrame(buffer),
  });
  CompressionCodecs[CompressionTypes.ZSTD] = () => ({
    compress: (encoder: Encoder) =>
      Promise.resolve(Buffer.from(zstdCompress(encoder.buffer, zstdLevel))),
    decompress: (buffer: Buffer) => Promise.resolve(Buffer.from(zstdDecompress(buffer))),
  });
}
