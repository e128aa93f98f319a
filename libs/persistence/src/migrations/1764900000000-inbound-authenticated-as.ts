import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who the gateway authenticated for each archived message (token subject, TLS client certificate). */
export class InboundAuthenticatedAs1764900000000 implements MigrationInterface {
  name = 'InboundAuthenticatedAs1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "inbound_messages" ADD "authenticated_as" text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "inbound_messages" DROP COLUMN "authenticated_as"`);
  }
}
