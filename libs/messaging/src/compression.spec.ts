import { MAX_DECOMPRESSED_BYTES, zstdCodec, zstdContentSize } from './compression';

const page = Buffer.from('<p>Talks between the two leaders</p>\n'.repeat(20_000));

/**
 * The same frame without its content size, as the Java producer's streaming compressor writes
 * it: the descriptor's size flag cleared, not single-segment, a window descriptor of 2^17 bytes.
 */
function withoutContentSize(frame: Buffer): Buffer {
  const descriptor = frame[4] ?? 0;
  const singleSegment = (descriptor >> 5) & 1;
  const fcsBytes = [singleSegment ? 1 : 0, 2, 4, 8][descriptor >> 6] ?? 0;
  const dictionaryIdBytes = [0, 1, 2, 4][descriptor & 3] ?? 0;
  const headerEnd = 5 + (singleSegment ? 0 : 1) + dictionaryIdBytes + fcsBytes;
  const newDescriptor = descriptor & 0b00011111 & ~(1 << 5);
  const windowBytes = Math.max(page.length, 1 << 10);
  const windowLog = Math.ceil(Math.log2(windowBytes));
  const windowDescriptor = (windowLog - 10) << 3;
  return Buffer.concat([
    frame.subarray(0, 4),
    Buffer.from([newDescriptor, windowDescriptor]),
    frame.subarray(5 + (singleSegment ? 0 : 1), 5 + (singleSegment ? 0 : 1) + dictionaryIdBytes),
    frame.subarray(headerEnd),
  ]);
}

describe('zstd codec', () => {
  it('round-trips a page and declares its size in the frame', async () => {
    const frame = await zstdCodec.compress({ buffer: page });
    expect(frame.length).toBeLessThan(page.length / 20);
    expect(zstdContentSize(frame)).toBe(page.length);
    expect((await zstdCodec.decompress(frame)).equals(page)).toBe(true);
  });

  it('reads a frame that does not declare its size, as the Java producer writes them', async () => {
    const frame = withoutContentSize(await zstdCodec.compress({ buffer: page }));
    expect(zstdContentSize(frame)).toBeUndefined();
    expect((await zstdCodec.decompress(frame)).equals(page)).toBe(true);
  });

  it('refuses a frame that declares more than the limit, before allocating it', async () => {
    const frame = await zstdCodec.compress({ buffer: page });
    // A single-segment header with an 8-byte content size of 2^32: a bomb costs nothing to send.
    const bomb = Buffer.concat([
      frame.subarray(0, 4),
      Buffer.from([0b11100000, 0, 0, 0, 0, 1, 0, 0, 0]),
    ]);
    expect(zstdContentSize(bomb)).toBe(2 ** 32);
    expect(MAX_DECOMPRESSED_BYTES).toBeLessThan(2 ** 32);
    await expect(zstdCodec.decompress(bomb)).rejects.toThrow(/over the 67108864-byte limit/);
  });

  it('tells what is not a zstd frame', () => {
    expect(() => zstdContentSize(Buffer.from('not zstd at all'))).toThrow('not a zstd frame');
  });
});
