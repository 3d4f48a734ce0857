import { exampleArticleParsed } from '@newsflow/contracts';
import { seededRandom } from '@newsflow/testing';
import { MAX_STORY_CANDIDATES, SAME_STORY_THRESHOLD, chooseStory } from './choose-story';
import { BANDS, ROWS, bandKeys } from './lsh-bands';
import { storySignature } from './story-signature';
import { MIN_STORY_WORDS } from './story-words';
import type { StorySignature } from './story-signature';

/** `n` words of made-up news prose: distinct seeds, distinct texts on the same vocabulary. */
function prose(n: number, seed: number): string {
  const vocabulary =
    'the talks minister said on a government officials in of to and for with reported country agreement trade war election court police market week'.split(
      ' ',
    );
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(
    ' ',
  );
}

const signed = (text: string): StorySignature => {
  const signature = storySignature(text);
  if (signature === null) throw new Error('no signature');
  return signature;
};

const seed = exampleArticleParsed.bodyText;
const paragraphs = seed.split('\n\n');

describe(storySignature.name, () => {
  it(`gives no story to a body under MIN_STORY_WORDS (${MIN_STORY_WORDS}) words, and one from there`, () => {
    expect(storySignature(prose(MIN_STORY_WORDS - 1, 1))).toBeNull();
    expect(storySignature(prose(MIN_STORY_WORDS, 1))?.words).toBe(MIN_STORY_WORDS);
    expect(storySignature('')).toBeNull();
  });

  it(`cuts the signature into ${BANDS} bands of ${ROWS}, as signed 64-bit keys with a 32-bit lock`, () => {
    const { bands } = signed(seed);

    expect(bands).toHaveLength(BANDS);
    for (const band of bands) {
      expect(BigInt(band.key)).toBeGreaterThanOrEqual(-(2n ** 63n));
      expect(BigInt(band.key)).toBeLessThan(2n ** 63n);
      expect(band.lock).toBe(Number(BigInt.asIntN(32, BigInt(band.key))));
    }
  });

  it('keys a band by its number as well as its minima', () => {
    const same = new Uint32Array(BANDS * ROWS).fill(7);
    const keys = bandKeys(same).map((band) => band.key);

    expect(new Set(keys).size).toBe(BANDS);
  });

  it('finds syndicated copies of the seed article as one story, and another text as none', () => {
    const original = signed(seed);
    const copies = [
      // another byline and boilerplate around the same text
      `By Staff Writer\n\n${seed}\n\nSign up for our newsletter. © 2026 All rights reserved.`,
      // the end trimmed
      paragraphs.slice(0, -1).join('\n\n'),
      // a dateline and house style
      `MOSCOW (Reuters) - ${seed.replace(/Peskov said/g, 'Peskov says')}`,
    ];
    const candidates = [{ storyId: 'seed', signature: original.signature }];

    for (const copy of copies) {
      const signature = signed(copy);
      const shared = signature.bands.filter((band, i) => band.key === original.bands[i]?.key);

      expect(shared.length).toBeGreaterThan(0);
      expect(chooseStory(signature.signature, candidates)?.storyId).toBe('seed');
    }
    expect(chooseStory(signed(prose(300, 2)).signature, candidates)).toBeNull();
  });
});

describe(chooseStory.name, () => {
  const article = signed(prose(400, 3));
  const other = (seedNumber: number) => ({
    storyId: `other-${seedNumber}`,
    signature: signed(prose(400, seedNumber)).signature,
  });

  it(`joins the most similar story at or above ${SAME_STORY_THRESHOLD}, else none`, () => {
    const near = signed(prose(400, 3).split(' ').slice(0, 300).join(' '));
    const story = { storyId: 'near', signature: near.signature };
    const exact = { storyId: 'exact', signature: article.signature };

    expect(chooseStory(article.signature, [other(4), story, exact])).toEqual({
      storyId: 'exact',
      similarity: 1,
    });
    const similarity = chooseStory(article.signature, [story])?.similarity ?? 0;
    expect(similarity).toBeGreaterThan(0.6);
    expect(chooseStory(article.signature, [story], similarity)?.storyId).toBe('near');
    expect(chooseStory(article.signature, [story], similarity + 1 / 128)).toBeNull();
    expect(chooseStory(article.signature, [other(5), other(6)])).toBeNull();
  });

  it(`compares at most MAX_STORY_CANDIDATES (${MAX_STORY_CANDIDATES}) candidates`, () => {
    const unrelated = Array.from({ length: MAX_STORY_CANDIDATES - 1 }, (_, i) => ({
      storyId: `u${i}`,
      signature: new Uint32Array(article.signature.length),
    }));
    const match = { storyId: 'match', signature: article.signature };

    expect(chooseStory(article.signature, [...unrelated, match])?.storyId).toBe('match');
    expect(
      chooseStory(article.signature, [...unrelated, unrelated[0]!, match])?.storyId,
    ).toBeUndefined();
  });
});
