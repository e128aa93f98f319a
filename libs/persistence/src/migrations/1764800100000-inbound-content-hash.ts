import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A hash of each archived message's content: a resend is told apart from a reused control id. */
export class InboundContentHash1764800100000 implements MigrationInterface {
  name = 'InboundContentHash1764800100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "inbound_messages" ADD "content_hash" text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "inbound_messages" DROP COLUMN "content_hash"`);
  }
}
