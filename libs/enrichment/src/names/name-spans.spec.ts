import { likelyNameSpans } from './name-spans';
import { toZones } from '../text/text-zones';

function names(text: string): string[] {
  const [zone] = toZones({ text });
  return likelyNameSpans(toZones({ text })).map(
    (span) => zone?.text.slice(span.start, span.end) ?? '',
  );
}

describe(likelyNameSpans.name, () => {
  it('reads a given name and the capitalised words after it as one name', () => {
    expect(names('Michael Jordan and Chad Smith met analysts from Morgan Stanley.')).toEqual([
      'Michael Jordan',
      'Chad Smith',
      'Morgan Stanley',
    ]);
  });

  it('leaves a given name standing alone, or a country, as it is', () => {
    expect(names('Chad said on Monday that Jordan and Georgia would attend.')).toEqual([]);
  });

  it('stops at punctuation: a list of capitalised words is not one name', () => {
    expect(names('Delegates came from Jordan, Egypt and Qatar.')).toEqual([]);
  });
});
