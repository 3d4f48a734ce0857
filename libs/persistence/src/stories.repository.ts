import type { DataSource, EntityManager } from 'typeorm';
import { DatabaseBoundary } from './database-errors';

/**
 * The advisory-lock space of story bands (the two-integer form of pg_advisory_xact_lock, whose
 * keys never meet the one-bigint form's: the ingest and migration locks).
 */
const STORY_LOCK_SPACE = 7_462_019;

/** An article's text as the story index sees it (computed by @newsflow/enrichment). */
export interface StoryKeys {
  /** MinHash signature: unsigned 32-bit minima. */
  signature: Uint32Array;
  /** Its LSH bands: `key` a signed 64-bit integer in decimal, `lock` a signed 32-bit one. */
  bands: readonly { key: string; lock: number }[];
}

export interface StoryCandidateRow {
  storyId: string;
  /** The signature of the article that named the story. */
  signature: Uint32Array;
}

export interface StoryAssignment {
  storyId: string;
  similarity: number;
  /** The article named a new story (it was the first seen of its text). */
  named: boolean;
}

/** Picks the story among the candidates, or null for none: the pure decision, from enrichment. */
export type ChooseStory = (
  candidates: readonly StoryCandidateRow[],
) => { storyId: string; similarity: number } | null;

/**
 * The enricher's story index in Postgres: stories, their LSH bands, and which story each article
 * got. `assign` gives an article its story in one transaction:
 *
 * 1. It takes a transaction-scoped advisory lock on each of the article's bands, in ascending
 *    order (so two assignments never deadlock). Two articles that could find each other share a
 *    band, so their assignments run one after the other and the second sees the first's story:
 *    "the first seen names the story" holds across enricher replicas. Articles that share no
 *    band never wait for each other.
 * 2. An article assigned before (a redelivery, a later revision) gets its story again.
 * 3. Otherwise the stories sharing the most bands with it (at most `maxCandidates`), with their
 *    signatures, go to `choose`; it joins the one chosen, or names a new story with its bands.
 */
@DatabaseBoundary()
export class StoriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async assign(
    articleId: string,
    keys: StoryKeys,
    choose: ChooseStory,
    maxCandidates: number,
  ): Promise<StoryAssignment> {
    try {
      return await this.assignOnce(articleId, keys, choose, maxCandidates);
    } catch (error) {
      if (!(error instanceof AssignedMeanwhile)) throw error;
      // Another transaction gave this article id its story first (a redelivery of another
      // revision, whose bands differ, so no lock kept the two apart): everything this one wrote
      // is rolled back, and the article keeps the story it was given.
      const held = await memberOf(this.dataSource.manager, articleId);
      if (held === null) throw error;
      return { ...held, named: false };
    }
  }

  private assignOnce(
    articleId: string,
    keys: StoryKeys,
    choose: ChooseStory,
    maxCandidates: number,
  ): Promise<StoryAssignment> {
    return this.dataSource.transaction(async (manager) => {
      const locks = [...new Set(keys.bands.map((band) => band.lock))].sort((a, b) => a - b);
      // unnest yields the array in order, and each row's lock is taken as the row is read.
      await manager.query(
        'SELECT count(pg_advisory_xact_lock($1, lock)) FROM unnest($2::int[]) AS lock',
        [STORY_LOCK_SPACE, locks],
      );
      const held = await memberOf(manager, articleId);
      if (held !== null) return { ...held, named: false };

      const bandKeys = keys.bands.map((band) => band.key);
      const candidates = await this.candidates(bandKeys, maxCandidates, manager);
      const chosen = choose(candidates);
      if (chosen !== null) {
        await addMember(manager, articleId, chosen.storyId, chosen.similarity);
        return { ...chosen, named: false };
      }
      await manager.query(
        'INSERT INTO stories (id, signature) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING',
        [articleId, toBytes(keys.signature)],
      );
      await manager.query(
        `INSERT INTO story_bands (band_key, story_id)
         SELECT DISTINCT key, $2 FROM unnest($1::bigint[]) AS key
         ON CONFLICT DO NOTHING`,
        [bandKeys, articleId],
      );
      await addMember(manager, articleId, articleId, 1);
      return { storyId: articleId, similarity: 1, named: true };
    });
  }

  /**
   * The stories sharing at least one band key with these, those sharing the most first (then by
   * id, so the order is stable), at most `limit`, with their signatures. Reads the primary key
   * of story_bands by its leading column: one index probe per key, whatever the table's size.
   */
  async candidates(
    bandKeys: readonly string[],
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StoryCandidateRow[]> {
    const rows: { story_id: string; signature: Buffer }[] = await manager.query(
      `SELECT s.id AS story_id, s.signature
       FROM (SELECT story_id, count(*) AS shared FROM story_bands
             WHERE band_key = ANY($1::bigint[])
             GROUP BY story_id ORDER BY count(*) DESC, story_id LIMIT $2) b
       JOIN stories s ON s.id = b.story_id
       ORDER BY b.shared DESC, s.id`,
      [bandKeys, limit],
    );
    return rows.map((row) => ({ storyId: row.story_id, signature: fromBytes(row.signature) }));
  }

  /** The story an article was given, or null. */
  async storyOf(articleId: string): Promise<{ storyId: string; similarity: number } | null> {
    return memberOf(this.dataSource.manager, articleId);
  }
}

async function memberOf(
  manager: EntityManager,
  articleId: string,
): Promise<{ storyId: string; similarity: number } | null> {
  const [row]: { story_id: string; similarity: number }[] = await manager.query(
    'SELECT story_id, similarity FROM story_members WHERE article_id = $1',
    [articleId],
  );
  return row === undefined ? null : { storyId: row.story_id, similarity: row.similarity };
}

/** Thrown inside the transaction to roll it back: see StoriesRepository.assign. */
class AssignedMeanwhile extends Error {}

async function addMember(
  manager: EntityManager,
  articleId: string,
  storyId: string,
  similarity: number,
): Promise<void> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO story_members (article_id, story_id, similarity) VALUES ($1, $2, $3)
     ON CONFLICT (article_id) DO NOTHING RETURNING article_id`,
    [articleId, storyId, similarity],
  );
  if (inserted.length === 0) throw new AssignedMeanwhile(`article ${articleId} has a story`);
}

/** Little-endian, so a signature reads the same on any machine. */
function toBytes(signature: Uint32Array): Buffer {
  const bytes = Buffer.alloc(signature.length * 4);
  signature.forEach((value, i) => bytes.writeUInt32LE(value, i * 4));
  return bytes;
}

function fromBytes(bytes: Buffer): Uint32Array {
  const signature = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < signature.length; i += 1) signature[i] = bytes.readUInt32LE(i * 4);
  return signature;
}
