import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the ops API (GET /api/v1/ops/*): the active tasks of a facility by due time (summary,
 * breach-risk board), transitions newest first with or without a status or facility (the list's
 * keyset pages, stuck and failed transitions), each sender's messages by time (feed health) and the
 * open dead letters of a transition.
 */
export class OpsIndexes1765000000000 implements MigrationInterface {
  name = 'OpsIndexes1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX "ix_tasks_active_facility_due" ON "tasks" ("facility", "due_at") WHERE "status" IN ('open', 'claimed')`,
    );
    await db.query(`CREATE INDEX "ix_transitions_updated" ON "transitions" ("updated_at", "id")`);
    await db.query(
      `CREATE INDEX "ix_transitions_status_updated" ON "transitions" ("status", "updated_at", "id")`,
    );
    await db.query(
      `CREATE INDEX "ix_transitions_facility_updated" ON "transitions" ("facility", "updated_at", "id")`,
    );
    await db.query(
      `CREATE INDEX "ix_inbound_sender_received" ON "inbound_messages" ("sender", "received_at")`,
    );
    await db.query(
      `CREATE INDEX "ix_dead_letters_open_key" ON "dead_letters" ("key") WHERE "status" = 'open'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "ix_dead_letters_open_key"`);
    await db.query(`DROP INDEX "ix_inbound_sender_received"`);
    await db.query(`DROP INDEX "ix_transitions_facility_updated"`);
    await db.query(`DROP INDEX "ix_transitions_status_updated"`);
    await db.query(`DROP INDEX "ix_transitions_updated"`);
    await db.query(`DROP INDEX "ix_tasks_active_facility_due"`);
  }
}
