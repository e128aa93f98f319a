import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outreach attempts as records (channel, outcome, the actual time of the contact, a note), and on
 * each task how many there are, when its work was actually done and how an outreach step was met.
 */
export class OutreachAttempts1765400000000 implements MigrationInterface {
  name = 'OutreachAttempts1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "tasks" ADD "attempts" integer NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE "tasks" ADD "done_at" timestamptz`);
    await db.query(`ALTER TABLE "tasks" ADD "met_by" text`);
    await db.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "ck_tasks_met_by" CHECK ("met_by" IN ('contact','attempts'))`,
    );
    await db.query(`CREATE TABLE "outreach_attempts" (
      "id" uuid NOT NULL,
      "task_id" uuid NOT NULL,
      "transition_id" text NOT NULL,
      "step_key" text NOT NULL,
      "episode" text NOT NULL,
      "facility" text NOT NULL,
      "channel" text NOT NULL,
      "outcome" text NOT NULL,
      "contacted_at" timestamptz NOT NULL,
      "in_window" boolean NOT NULL,
      "recorded_by" text NOT NULL,
      "note" text,
      "recorded_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_outreach_attempts" PRIMARY KEY ("id"),
      CONSTRAINT "ck_outreach_attempts_channel" CHECK ("channel" IN ('phone','video','in-person','portal','letter')),
      CONSTRAINT "ck_outreach_attempts_outcome" CHECK ("outcome" IN ('reached','no-answer','left-message','wrong-number','declined')),
      CONSTRAINT "ck_outreach_attempts_note" CHECK (char_length("note") <= 2000)
    )`);
    await db.query(
      `CREATE INDEX "ix_outreach_attempts_task" ON "outreach_attempts" ("task_id", "contacted_at")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "outreach_attempts"`);
    await db.query(`ALTER TABLE "tasks" DROP CONSTRAINT "ck_tasks_met_by"`);
    await db.query(`ALTER TABLE "tasks" DROP COLUMN "met_by"`);
    await db.query(`ALTER TABLE "tasks" DROP COLUMN "done_at"`);
    await db.query(`ALTER TABLE "tasks" DROP COLUMN "attempts"`);
  }
}
