import { randomBytes } from 'node:crypto';
import { zstdCodec } from './compression';
import { DEFAULT_MESSAGE_LIMITS, compressedBound, messageLimits } from './message-limits';

describe(messageLimits.name, () => {
  it('derives whole-MiB topic and broker sizes from the 8 MiB default', () => {
    expect(DEFAULT_MESSAGE_LIMITS).toEqual({
      valueBytes: 8 * 1024 * 1024,
      deadLetterValueBytes: 11 * 1024 * 1024,
      batchBytes: 1024 * 1024,
      bufferBytes: 16 * 1024 * 1024,
      topicBytes: 10 * 1024 * 1024,
      deadLetterTopicBytes: 14 * 1024 * 1024,
    });
  });

  it('fits a dead letter of the largest message: its base64 copy and a 64 KiB envelope', () => {
    for (const value of [1, 3, 8, 20, 64].map((mib) => mib * 1024 * 1024)) {
      const limits = messageLimits(value);
      expect(limits.deadLetterValueBytes).toBeGreaterThanOrEqual(
        4 * Math.ceil(value / 3) + 64 * 1024,
      );
      expect(limits.topicBytes).toBeGreaterThan(value);
      expect(limits.deadLetterTopicBytes).toBeGreaterThan(limits.deadLetterValueBytes);
    }
  });

  it('leaves room in the topic for the largest value when it does not compress at all', async () => {
    const value = randomBytes(DEFAULT_MESSAGE_LIMITS.valueBytes);
    const compressed = await zstdCodec.compress({ buffer: value });
    // Random bytes grow a little under zstd; the batch adds its header, key and headers.
    expect(compressed.length).toBeGreaterThan(value.length);
    expect(compressed.length + 64 * 1024).toBeLessThanOrEqual(DEFAULT_MESSAGE_LIMITS.topicBytes);
    expect(compressedBound(value.length)).toBe(DEFAULT_MESSAGE_LIMITS.topicBytes);
  });
});
