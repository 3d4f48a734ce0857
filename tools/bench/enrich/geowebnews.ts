/**
 * `npm run eval:geowebnews [-- --errors] [-- --countries-only]`: the country tagger against
 * GeoWebNews (200 annotated news articles), micro precision, recall and F1 of each article's
 * set of countries, in seconds rather than the bench's minutes. The dataset is GPL-3.0 and for
 * development only: it is read from shared/ beside the repository and nothing of it is copied.
 *
 * --errors lists the codes most often missed and most often wrongly added;
 * --countries-only scores tagCountriesOnly instead of the whole of tagText;
 * --calibration prints the precision of the predicted countries by confidence bucket (an honest
 * confidence has higher precision in higher buckets).
 */
import { existsSync } from 'node:fs';
import { calibrate, scoreCountries } from './country-score';
import { GEOWEBNEWS_FILE, loadGeoWebNews } from './enrich-dataset';

async function main(): Promise<void> {
  if (!existsSync(GEOWEBNEWS_FILE)) {
    console.log(`GeoWebNews not found at ${GEOWEBNEWS_FILE}: nothing to evaluate.`);
    return;
  }
  // Loaded as bench:enrich loads it (the bench times the import), which the module-boundary
  // rule then asks of every file of this project.
  const { tagCountriesOnly, tagText } = await import('@newsflow/enrichment');
  const countriesOf = process.argv.includes('--countries-only')
    ? (text: string) => tagCountriesOnly({ text })
    : (text: string) => tagText({ text }).countries;
  const started = Date.now();
  // The title is not annotated in GeoWebNews: tag the body only.
  const tagged = loadGeoWebNews().map((article) => ({
    id: article.id,
    expected: article.countries ?? [],
    countries: countriesOf(article.text),
  }));
  const pairs = tagged.map(({ id, expected, countries }) => ({
    id,
    expected,
    predicted: countries.map((country) => country.code),
  }));
  const result = scoreCountries(pairs);
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  console.log(
    `GeoWebNews dev, ${result.articles} articles, ${Date.now() - started} ms: ` +
      `P ${pct(result.precision)}  R ${pct(result.recall)}  F1 ${pct(result.f1)} ` +
      `(TP ${result.truePositives}, FP ${result.falsePositives}, FN ${result.falseNegatives})`,
  );
  if (process.argv.includes('--errors')) printErrors(pairs);
  if (process.argv.includes('--calibration')) {
    console.log('confidence    predicted  correct  precision');
    for (const bucket of calibrate(
      tagged.map(({ expected, countries }) => ({ expected, predicted: countries })),
    )) {
      const range = `${bucket.low.toFixed(2)}-${bucket.high.toFixed(2)}`;
      console.log(
        `${range.padEnd(12)}  ${String(bucket.predictions).padStart(9)}  ` +
          `${String(bucket.correct).padStart(7)}  ${pct(bucket.precision).padStart(9)}`,
      );
    }
  }
}

function printErrors(pairs: readonly { id: string; expected: string[]; predicted: string[] }[]) {
  const missed = new Map<string, string[]>();
  const added = new Map<string, string[]>();
  for (const { id, expected, predicted } of pairs) {
    for (const code of expected)
      if (!predicted.includes(code)) missed.set(code, [...(missed.get(code) ?? []), id]);
    for (const code of predicted)
      if (!expected.includes(code)) added.set(code, [...(added.get(code) ?? []), id]);
  }
  const top = (map: Map<string, string[]>): string =>
    [...map]
      .sort((a, b) => b[1].length - a[1].length)
      .slice(0, 25)
      .map(([code, ids]) => `${code} ${ids.length} (${ids.slice(0, 4).join(' ')})`)
      .join('\n  ');
  console.log(`missed:\n  ${top(missed)}\nwrongly added:\n  ${top(added)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
