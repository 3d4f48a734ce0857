import type { MigrationInterface, QueryRunner } from 'typeorm';

// The statement TypeORM's schema diff gives for SourceEntity's cursor: how far a source that
// reads on from where it stopped (a warc source, issue 19) has got, saved by the fetcher while it
// holds the source's lease, so a restarted or another replica resumes there. Null for the others.

export class SourceCursor1796585602422 implements MigrationInterface {
  name = 'SourceCursor1796585602422';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sources" ADD "cursor" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "cursor"`);
  }
}
