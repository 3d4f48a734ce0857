import { splitRunOnSentences } from './run-on-sentences';

describe(splitRunOnSentences.name, () => {
  it('splits a sentence end glued to the next sentence', () => {
    expect(
      splitRunOnSentences('"It will continue," Peskov told reporters.Other statements:'),
    ).toEqual(['"It will continue," Peskov told reporters.', 'Other statements:']);
  });

  it('splits after a closing quote and after ! or ?', () => {
    expect(splitRunOnSentences('He said "no."Then he left!Why?Nobody knows.')).toEqual([
      'He said "no."',
      'Then he left!',
      'Why?',
      'Nobody knows.',
    ]);
  });

  it.each([
    ['The U.S.Army and the U.K. signed it.'],
    ["A view of St. Basil's Cathedral."],
    ['Read more on sputnikglobe.com or example.org.'],
    ['It happened, e.g.Today.'],
    ['A normal sentence. Another one.'],
  ])('leaves %s whole', (line) => {
    expect(splitRunOnSentences(line)).toEqual([line]);
  });
});
