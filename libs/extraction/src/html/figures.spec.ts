import { ExtractionError } from '../extraction.error';
import { Deadline } from '../limits';
import { parseHtml } from './dom';
import { readFigures } from './figures';

function figures(markup: string): ReturnType<typeof readFigures> {
  return readFigures(
    parseHtml(`<html><body>${markup}</body></html>`),
    'https://news.example.com/a/1',
  );
}

describe(readFigures.name, () => {
  it.each([
    ['<small>© Reuters / Jane Doe</small>', 'Reuters / Jane Doe'],
    ['<cite>Photo: AFP</cite>', 'AFP'],
    ['<span class="credit">Jane Doe</span>', 'Jane Doe'],
    ['<span itemprop="copyrightHolder">EPA</span>', 'EPA'],
  ])('takes the credit from the markup %s, apart from the caption', (credit, expected) => {
    expect(
      figures(
        `<figure><img src="/a.jpg"><figcaption>Waves hit the coast. ${credit}</figcaption></figure>`,
      ),
    ).toEqual([
      { url: 'https://news.example.com/a.jpg', caption: 'Waves hit the coast.', credit: expected },
    ]);
  });

  it.each([
    ['Waves hit the coast. Credit: Jane Doe', 'Jane Doe'],
    ['Waves hit the coast (AFP/Getty Images)', 'AFP/Getty Images'],
    ['Waves hit the coast. © AP', 'AP'],
  ])('splits the credit from the caption text %s', (caption, credit) => {
    expect(
      figures(`<figure><img src="/a.jpg"><figcaption>${caption}</figcaption></figure>`),
    ).toEqual([
      {
        url: 'https://news.example.com/a.jpg',
        caption: expect.stringMatching(/^Waves hit the coast\.?$/) as string,
        credit,
      },
    ]);
  });

  it('reads lazy-loaded and srcset addresses, and skips a figure with neither picture nor caption', () => {
    expect(
      figures(
        `<figure><img src="data:image/gif;base64,R0lGOD" data-src="/lazy.jpg"></figure>
         <figure><picture><source srcset="/small.webp 400w, /large.webp 800w"><img></picture></figure>
         <figure><div class="embed"></div></figure>
         <figure><figcaption>A chart of the river level</figcaption></figure>`,
      ),
    ).toEqual([
      { url: 'https://news.example.com/lazy.jpg', caption: null, credit: null },
      { url: 'https://news.example.com/small.webp', caption: null, credit: null },
      { url: null, caption: 'A chart of the river level', credit: null },
    ]);
  });

  it('checks the deadline at each figure: figures nested in figures read the same text again', () => {
    // A budget below zero is spent at the first look.
    const spent = new Deadline(-1);
    const page = parseHtml(
      `<html><body>${'<figure>'.repeat(3)}<img src="/a.jpg"><figcaption>A caption</figcaption></body></html>`,
    );
    expect(() => readFigures(page, null, spent)).toThrow(ExtractionError);
    expect(readFigures(page, null)).toHaveLength(3);
  });
});
