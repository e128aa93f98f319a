import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Dead letters of the stages after the ACK, and who did what with each. */
export class DeadLetters1764800000000 implements MigrationInterface {
  name = 'DeadLetters1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "dead_letters" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "stage" text NOT NULL,
      "code" text NOT NULL,
      "reason" text NOT NULL,
      "topic" text NOT NULL,
      "partition" integer,
      "source_ref" text NOT NULL,
      "key" text,
      "value" text,
      "headers" jsonb NOT NULL DEFAULT '{}',
      "event_id" text,
      "attempts" integer NOT NULL DEFAULT 1,
      "status" text NOT NULL DEFAULT 'open',
      "resolved_by" text,
      "resolution" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_dead_letters" PRIMARY KEY ("id")
    )`);
    // a redelivered record that fails again is the same dead letter, not a second one
    await db.query(`CREATE UNIQUE INDEX "uq_dead_letters_source" ON "dead_letters" ("stage", "source_ref")`);
    await db.query(`CREATE INDEX "ix_dead_letters_status" ON "dead_letters" ("status", "created_at")`);
    await db.query(`CREATE TABLE "dead_letter_actions" (
      "id" bigserial NOT NULL,
      "dead_letter_id" uuid NOT NULL REFERENCES "dead_letters" ("id"),
      "action" text NOT NULL,
      "actor" text NOT NULL,
      "note" text,
      "at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_dead_letter_actions" PRIMARY KEY ("id")
    )`);
    await db.query(`CREATE INDEX "ix_dead_letter_actions" ON "dead_letter_actions" ("dead_letter_id", "at")`);
    // an outbox record Kafka refuses is set aside, so the records behind it still go out
    await db.query(`ALTER TABLE "outbox" ADD "dead_lettered_at" timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "outbox" DROP COLUMN "dead_lettered_at"`);
    await db.query(`DROP TABLE "dead_letter_actions"`);
    await db.query(`DROP TABLE "dead_letters"`);
  }
}
