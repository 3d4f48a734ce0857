import type { MigrationInterface, QueryRunner } from 'typeorm';

// The statements TypeORM's schema diff gives for ArticleCountryEntity (as `migration:generate`
// would write them, `"public".` dropped from DROP INDEX): CountryTagV1.confidence (0..1) kept
// per country, so the read side can filter on a threshold.
// Null for rows stored from messages of enrichers before confidence existed; such a row never
// passes a threshold. The index serves the country filter with a threshold and holds only the
// rows that have a confidence.

export class CountryConfidence1796550898684 implements MigrationInterface {
  name = 'CountryConfidence1796550898684';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "article_countries" ADD "confidence" double precision`);
    await queryRunner.query(
      `ALTER TABLE "article_countries" ADD CONSTRAINT "CHK_article_countries_confidence" CHECK ("confidence" >= 0 AND "confidence" <= 1)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_article_countries_code_confidence" ON "article_countries" ("code", "confidence") WHERE "confidence" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_article_countries_code_confidence"`);
    await queryRunner.query(
      `ALTER TABLE "article_countries" DROP CONSTRAINT "CHK_article_countries_confidence"`,
    );
    await queryRunner.query(`ALTER TABLE "article_countries" DROP COLUMN "confidence"`);
  }
}
