import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The escalation.* entries of each transition's steps, for the ops API's "escalated" (summary,
 * breach-risk): one probe of a small index per open step, read from the index alone (the episode
 * is in dedupe_key), instead of a scan of the step's whole timeline. About 1.5 % of the timeline.
 */
export class TimelineEscalations1765100000000 implements MigrationInterface {
  name = 'TimelineEscalations1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX "ix_timeline_escalations" ON "transition_timeline" ("transition_id", "step_key", "dedupe_key") WHERE "kind" LIKE 'escalation.%'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "ix_timeline_escalations"`);
  }
}
