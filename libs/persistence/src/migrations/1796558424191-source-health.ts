import type { MigrationInterface, QueryRunner } from 'typeorm';

// The statements TypeORM's schema diff gives for SourceEntity: when a poll last succeeded and
// last published, and the usual time between publishing polls, so the fetcher can tell a source
// that went quiet (a collection gap) from one that is merely slow. Null until it happens; a
// source needs two publishing polls before it has a usual interval.

export class SourceHealth1796558424191 implements MigrationInterface {
  name = 'SourceHealth1796558424191';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sources" ADD "last_success_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "sources" ADD "last_published_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`ALTER TABLE "sources" ADD "publish_interval_ms" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "publish_interval_ms"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "last_published_at"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "last_success_at"`);
  }
}
