import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Transition timelines, the transactional outbox for care.events.v1, and task escalation fields. */
export class TimelineOutbox1763900000000 implements MigrationInterface {
  name = 'TimelineOutbox1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "transition_timeline" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "transition_id" text NOT NULL,
      "kind" text NOT NULL,
      "step_key" text,
      "occurred_at" timestamptz NOT NULL,
      "detail" jsonb NOT NULL DEFAULT '{}',
      "dedupe_key" text NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_transition_timeline" PRIMARY KEY ("id")
    )`);
    await db.query(`CREATE UNIQUE INDEX "uq_timeline_dedupe" ON "transition_timeline" ("dedupe_key")`);
    await db.query(
      `CREATE INDEX "ix_timeline_transition" ON "transition_timeline" ("transition_id", "occurred_at", "recorded_at")`,
    );

    await db.query(`CREATE TABLE "outbox" (
      "id" bigserial NOT NULL,
      "topic" text NOT NULL,
      "key" text NOT NULL,
      "value" jsonb NOT NULL,
      "headers" jsonb NOT NULL DEFAULT '{}',
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "sent_at" timestamptz,
      "attempts" integer NOT NULL DEFAULT 0,
      "last_error" text,
      CONSTRAINT "pk_outbox" PRIMARY KEY ("id")
    )`);
    await db.query(`CREATE INDEX "ix_outbox_unsent" ON "outbox" ("id") WHERE "sent_at" IS NULL`);

    await db.query(`ALTER TABLE "tasks" ADD "episode" text, ADD "breached_at" timestamptz`);
    await db.query(`ALTER TABLE "transitions" ADD "reason" text`);
    await db.query(`CREATE INDEX "ix_transitions_patient" ON "transitions" ("patient_key", "status")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "ix_transitions_patient"`);
    await db.query(`ALTER TABLE "transitions" DROP COLUMN "reason"`);
    await db.query(`ALTER TABLE "tasks" DROP COLUMN "breached_at", DROP COLUMN "episode"`);
    await db.query(`DROP TABLE "outbox"`);
    await db.query(`DROP TABLE "transition_timeline"`);
  }
}
