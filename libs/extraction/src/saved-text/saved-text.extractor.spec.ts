import { seedDocument, seedExpectations } from '../../test/seed';
import type { DraftContext } from '../article-draft';
import { extractSavedText, MAX_BODY_COPIES, MAX_KNOWN_CREDITS } from './saved-text.extractor';

const context: DraftContext = { baseUrl: null, now: new Date('2025-05-01T00:00:00.000Z') };

function savedPage(...bodyLines: string[]): string {
  return [
    'Dam Breaks in Northern Valley - Local News',
    'Dam Breaks in Northern Valley',
    'A dam burst on Monday, flooding three villages.',
    '2025-03-03T08:15:00+01:00',
    '',
    ...bodyLines,
  ].join('\n');
}

describe(extractSavedText.name, () => {
  it('reads title, description and dates from the five header lines', () => {
    const draft = extractSavedText(savedPage('The water rose fast.'), context);

    expect(draft).toMatchObject({
      title: 'Dam Breaks in Northern Valley - Local News',
      lead: 'A dam burst on Monday, flooding three villages.',
      publishedAt: '2025-03-03T07:15:00.000Z',
      updatedAt: null,
      paragraphs: ['The water rose fast.'],
    });
  });

  it('merges the scraped text and the visible text into one reading order, each paragraph once', () => {
    const draft = extractSavedText(
      savedPage(
        'Second paragraph.',
        'Dam Breaks in Northern Valley - Local News',
        'First paragraph.',
        'Second paragraph.',
        'Third paragraph.',
      ),
      context,
    );

    expect(draft.paragraphs).toEqual(['First paragraph.', 'Second paragraph.', 'Third paragraph.']);
  });

  it('drops the dateline, the repeated title and image alt text, and reads the site name from the alt text', () => {
    const draft = extractSavedText(
      savedPage(
        'Dam Breaks in Northern Valley',
        '08:15 GMT 03.03.2025 (Updated: 09:00 GMT 03.03.2025)',
        'Rescuers search the flooded streets - Valley Herald, 1920, 03.03.2025',
        'The water rose fast.',
      ),
      context,
    );

    expect(draft.paragraphs).toEqual(['The water rose fast.']);
    expect(draft.siteName).toBe('Valley Herald');
    expect(draft.images).toEqual([
      { url: null, caption: 'Rescuers search the flooded streets', credit: null },
    ]);
  });

  it('turns a credit glued to its caption into one image, however often the page repeats it', () => {
    const draft = extractSavedText(
      savedPage(
        '© Herald / Anna SmithRescuers search the flooded streets of the village',
        'Rescuers search the flooded streets of the village - Valley Herald, 1920, 03.03.2025',
        '© Herald / Anna Smith',
        'The water rose fast.',
      ),
      context,
    );

    expect(draft.images).toEqual([
      {
        url: null,
        caption: 'Rescuers search the flooded streets of the village',
        credit: 'Herald / Anna Smith',
      },
    ]);
    expect(draft.paragraphs).toEqual(['The water rose fast.']);
  });

  it('splits sentences a scraper glued together', () => {
    const draft = extractSavedText(
      savedPage('The water rose fast.Villagers fled uphill.'),
      context,
    );

    expect(draft.paragraphs).toEqual(['The water rose fast.', 'Villagers fled uphill.']);
  });

  it('reads other plain text as a title line followed by the body', () => {
    const draft = extractSavedText(
      'Dam Breaks\n\nThe water rose fast.\n\nVillagers fled.',
      context,
    );

    expect(draft).toMatchObject({
      title: 'Dam Breaks',
      lead: null,
      publishedAt: null,
      paragraphs: ['The water rose fast.', 'Villagers fled.'],
    });
  });

  it('gives a credit seen alone to the latest image without one, skipping those credited since', () => {
    const draft = extractSavedText(
      savedPage(
        'Rescuers search the flooded streets - Valley Herald, 1920, 03.03.2025',
        'The mayor visits the broken dam - Valley Herald, 1920, 03.03.2025',
        '© Herald / Bob JonesThe mayor visits the broken dam',
        '© Herald / Anna Smith',
        'The water rose fast.',
      ),
      context,
    );

    expect(draft.images).toEqual([
      { url: null, caption: 'Rescuers search the flooded streets', credit: 'Herald / Anna Smith' },
      { url: null, caption: 'The mayor visits the broken dam', credit: 'Herald / Bob Jones' },
    ]);
  });

  it('starts a copy of the body at each repeat of the title, up to MAX_BODY_COPIES', () => {
    // Copies of "The water rose fast.", then one that puts "Villagers fled." before it: as a copy
    // of its own it merges in that order; joined to the copy before, after it.
    const text = (copies: number): string =>
      [
        'Dam Breaks',
        ...Array.from({ length: copies }, (_, i) => [
          ...(i === 0 ? [] : ['Dam Breaks']),
          'The water rose fast.',
        ]).flat(),
        'Dam Breaks',
        'Villagers fled.',
        'The water rose fast.',
      ].join('\n');

    expect(extractSavedText(text(MAX_BODY_COPIES - 1), context).paragraphs).toEqual([
      'Villagers fled.',
      'The water rose fast.',
    ]);
    expect(extractSavedText(text(MAX_BODY_COPIES), context).paragraphs).toEqual([
      'The water rose fast.',
      'Villagers fled.',
      'The water rose fast.',
    ]);
  });

  it('compares a glued credit with the first MAX_KNOWN_CREDITS distinct credits seen alone', () => {
    // "AFP 2024" ends in a digit: only a credit seen alone tells where it ends.
    const page = (before: number): string =>
      savedPage(
        'The water rose fast.',
        ...Array.from({ length: before }, (_, i) => `© Agency ${i} Images`),
        '© AFP 2024',
        '© AFP 2024Rescuers work at the site of the collapse',
      );

    expect(extractSavedText(page(MAX_KNOWN_CREDITS - 1), context).images).toEqual([
      { url: null, caption: 'Rescuers work at the site of the collapse', credit: 'AFP 2024' },
    ]);
    expect(extractSavedText(page(MAX_KNOWN_CREDITS), context).images).toEqual([]);
  });

  describe('on the seed page', () => {
    const expected = seedExpectations();
    const draft = extractSavedText(seedDocument().body, context);

    it('finds every paragraph of the article, in order, each once, and nothing else', () => {
      expect(draft.paragraphs).toEqual(expected.paragraphs_in_order_each_once);
    });

    it('splits the photo credit from its caption', () => {
      expect(draft.images.map(({ caption, credit }) => ({ caption, credit }))).toEqual(
        expected.images,
      );
    });
  });
});
