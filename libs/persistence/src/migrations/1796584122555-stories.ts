import type { MigrationInterface, QueryRunner } from 'typeorm';

// The statements TypeORM's schema diff gives for the story entities and the two article columns
// (as `migration:generate` wrote them, `` dropped from DROP INDEX). Stories: the
// enricher's near-duplicate index (StoriesRepository): `stories` holds each story's naming
// signature, `story_bands` the LSH band keys (looked up through the primary key's leading
// column), `story_members` which story each article id was given. `articles.story_id` and
// `story_similarity` are what the store copies from the enriched message; null for articles
// stored before, which count as a story each in /stats.

export class Stories1796584122555 implements MigrationInterface {
  name = 'Stories1796584122555';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "stories" ("id" text NOT NULL, "signature" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_stories" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "story_bands" ("band_key" bigint NOT NULL, "story_id" text NOT NULL, CONSTRAINT "PK_story_bands" PRIMARY KEY ("band_key", "story_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "story_members" ("article_id" text NOT NULL, "story_id" text NOT NULL, "similarity" double precision NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_story_members" PRIMARY KEY ("article_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_story_members_story_id" ON "story_members" ("story_id") `,
    );
    await queryRunner.query(`ALTER TABLE "articles" ADD "story_id" text`);
    await queryRunner.query(`ALTER TABLE "articles" ADD "story_similarity" double precision`);
    await queryRunner.query(`CREATE INDEX "IDX_articles_story_id" ON "articles" ("story_id") `);
    await queryRunner.query(
      `ALTER TABLE "articles" ADD CONSTRAINT "CHK_articles_story_similarity" CHECK ("story_similarity" >= 0 AND "story_similarity" <= 1)`,
    );
    await queryRunner.query(
      `ALTER TABLE "story_bands" ADD CONSTRAINT "FK_story_bands_story" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "story_members" ADD CONSTRAINT "FK_story_members_story" FOREIGN KEY ("story_id") REFERENCES "stories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "story_members" DROP CONSTRAINT "FK_story_members_story"`);
    await queryRunner.query(`ALTER TABLE "story_bands" DROP CONSTRAINT "FK_story_bands_story"`);
    await queryRunner.query(
      `ALTER TABLE "articles" DROP CONSTRAINT "CHK_articles_story_similarity"`,
    );
    await queryRunner.query(`DROP INDEX "IDX_articles_story_id"`);
    await queryRunner.query(`ALTER TABLE "articles" DROP COLUMN "story_similarity"`);
    await queryRunner.query(`ALTER TABLE "articles" DROP COLUMN "story_id"`);
    await queryRunner.query(`DROP INDEX "IDX_story_members_story_id"`);
    await queryRunner.query(`DROP TABLE "story_members"`);
    await queryRunner.query(`DROP TABLE "story_bands"`);
    await queryRunner.query(`DROP TABLE "stories"`);
  }
}
