import { MAX_SPANS_PER_COUNTRY, tagCountries } from './country-tagger';
import { placeGazetteer } from './gazetteer/build-gazetteer';
import { findPlaces } from './matcher/place-matcher';
import { toZones } from '../text/text-zones';

const countriesOf = (text: string): ReturnType<typeof tagCountries> => {
  const zones = toZones({ text });
  return tagCountries(zones, findPlaces(zones, [], placeGazetteer()));
};

describe(tagCountries.name, () => {
  it('lists a span for each of up to MAX_SPANS_PER_COUNTRY mentions', () => {
    const [qatar] = countriesOf('Qatar. '.repeat(MAX_SPANS_PER_COUNTRY));

    expect(qatar).toMatchObject({ code: 'QA', mentions: MAX_SPANS_PER_COUNTRY });
    expect(qatar?.spans).toHaveLength(MAX_SPANS_PER_COUNTRY);
  });

  it('lists the first MAX_SPANS_PER_COUNTRY spans of more, and counts every mention', () => {
    const [qatar] = countriesOf('Qatar. '.repeat(MAX_SPANS_PER_COUNTRY + 1));

    expect(qatar).toMatchObject({ code: 'QA', mentions: MAX_SPANS_PER_COUNTRY + 1 });
    expect(qatar?.spans).toHaveLength(MAX_SPANS_PER_COUNTRY);
    expect(qatar?.spans?.[MAX_SPANS_PER_COUNTRY - 1]).toMatchObject({
      start: 7 * (MAX_SPANS_PER_COUNTRY - 1),
    });
  });
});
