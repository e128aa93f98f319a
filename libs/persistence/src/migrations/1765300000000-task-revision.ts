import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The revision of each task's step as its workflow counts it: the ETag of the task, checked by
 * the workflow against If-Match. Rows from before count from 0, as do the steps' workflows.
 */
export class TaskRevision1765300000000 implements MigrationInterface {
  name = 'TaskRevision1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "tasks" ADD "revision" integer NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE "tasks" ADD CONSTRAINT "ck_tasks_revision" CHECK ("revision" >= 0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "tasks" DROP CONSTRAINT "ck_tasks_revision"`);
    await db.query(`ALTER TABLE "tasks" DROP COLUMN "revision"`);
  }
}
