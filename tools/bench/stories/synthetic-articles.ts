import type { Enrichment } from './enrichment-library';
import type { BenchArticle } from './labelled-pairs';
import { variantsOf } from './story-variants';

/** Share of synthetic articles that are a syndicated copy of an earlier one. */
export const COPY_SHARE = 0.1;

export interface SyntheticArticle {
  id: string;
  body: string;
  /** For a copy: the id of the article it copies. */
  copyOf?: string;
}

/**
 * Articles for the index at scale, as many as asked: the benchmark's words drawn at their own
 * frequencies, in bodies as long as the benchmark's (clipped to 60..3,000 words), so each is a
 * distinct story; and COPY_SHARE of them a syndicated variant of an article 100 to 1,100 back.
 * Random words share fewer phrases than real distinct stories do: the candidates per lookup
 * here are a lower bound, the bench's labelled pairs measure real ones.
 */
export function syntheticArticles(
  { storyWords }: Enrichment,
  benchmark: readonly BenchArticle[],
  random: () => number,
): (index: number) => SyntheticArticle {
  const words = benchmark.flatMap((article) => storyWords(article.body));
  const lengths = benchmark.map((article) =>
    Math.min(3_000, Math.max(60, storyWords(article.body).length)),
  );
  const recent = new Map<number, string>();
  const draw = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return (index) => {
    const id = `synthetic-${index}`;
    if (index >= 1_100 && random() < COPY_SHARE) {
      const source = index - 100 - Math.floor(random() * 1_000);
      const body = recent.get(source);
      if (body !== undefined) {
        const variant = draw(variantsOf('', body, random));
        return { id, body: variant.body, copyOf: `synthetic-${source}` };
      }
    }
    const length = draw(lengths);
    const paragraphs: string[] = [];
    for (let at = 0; at < length; at += 40) {
      paragraphs.push(
        Array.from({ length: Math.min(40, length - at) }, () => draw(words)).join(' '),
      );
    }
    const body = paragraphs.join('\n\n');
    recent.set(index, body);
    recent.delete(index - 1_100);
    return { id, body };
  };
}
