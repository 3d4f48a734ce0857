import { MAX_STORY_WORDS, storyWords } from './story-words';

const words = (n: number, prefix = 'w'): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe(storyWords.name, () => {
  it('folds case, width and punctuation away, keeping letters and digits', () => {
    expect(storyWords('“Ｐｕｔｉｎ,” Peskov said — on 17 April; Qatar’s emir.')).toEqual([
      'putin',
      'peskov',
      'said',
      'on',
      '17',
      'april',
      'qatar',
      's',
      'emir',
    ]);
  });

  it('counts each Han, Hiragana or Katakana character as a word, as those scripts use no spaces', () => {
    expect(storyWords('普京会见卡塔尔埃米尔')).toHaveLength(10);
    expect(storyWords('ニュース')).toEqual(['ニ', 'ュ', 'ー', 'ス']);
  });

  it(`reads at most MAX_STORY_WORDS (${MAX_STORY_WORDS}) words: what follows changes nothing`, () => {
    const head = words(MAX_STORY_WORDS).join(' ');

    expect(storyWords(head)).toHaveLength(MAX_STORY_WORDS);
    expect(storyWords(`${head} one more`)).toEqual(storyWords(head));
    expect(storyWords(words(MAX_STORY_WORDS - 1).join(' '))).toHaveLength(MAX_STORY_WORDS - 1);
  });

  it('reads a 5 MB body in bounded time', () => {
    const started = performance.now();

    expect(storyWords('lorem '.repeat(1_000_000))).toHaveLength(MAX_STORY_WORDS);
    expect(storyWords('x'.repeat(5_000_000))).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
