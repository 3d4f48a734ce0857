import { formKey, scoreEntities } from './entity-score';
import type { LabelledArticle } from './entity-score';

const article: LabelledArticle = {
  id: 'a1',
  url: 'https://example.org/a1',
  labelledIn: 'development',
  text: '',
  people: [{ name: 'Vladimir Putin', aliases: ['Putin'] }, { name: 'Dmitry Peskov' }],
  organisations: [{ name: 'The Carlyle Group', aliases: ['Carlyle'] }],
  doubtful: ['Wall Street'],
};

describe(scoreEntities.name, () => {
  it('matches an entity on any of its forms, and counts labels and finds apart', () => {
    const score = scoreEntities(
      [article],
      () => [
        { kind: 'person', name: 'Putin', surfaceForms: ['Putin'] },
        { kind: 'person', name: 'President Putin', surfaceForms: [] },
        { kind: 'organisation', name: 'Carlyle Group', surfaceForms: [] },
      ],
      'person',
    );
    expect(score).toMatchObject({ labelled: 2, found: 2, labelsMatched: 1, foundMatched: 1 });
    expect(score.precision).toBe(0.5);
    expect(score.recall).toBe(0.5);
    expect(score.missed).toEqual(['a1: Dmitry Peskov']);
    expect(score.wrong).toEqual(['a1: President Putin']);
  });

  it('drops a leading "the" and ignores names marked doubtful', () => {
    const score = scoreEntities(
      [article],
      () => [
        { kind: 'organisation', name: 'Carlyle Group', surfaceForms: ['the Carlyle Group'] },
        { kind: 'organisation', name: 'Wall Street', surfaceForms: [] },
      ],
      'organisation',
    );
    expect(score).toMatchObject({ labelled: 1, found: 1, labelsMatched: 1, foundMatched: 1 });
  });

  it('compares folded, without possessives or full stops', () => {
    expect(formKey('Zürich’s')).toBe('zurich');
    expect(formKey('James P. Kennedy Jr.')).toBe('james p kennedy jr');
  });
});
