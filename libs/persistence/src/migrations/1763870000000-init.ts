import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1763870000000 implements MigrationInterface {
  name = 'Init1763870000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "tasks" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "transition_id" text NOT NULL,
      "step_key" text NOT NULL,
      "role" text NOT NULL,
      "title" text NOT NULL,
      "status" text NOT NULL DEFAULT 'open',
      "priority" text NOT NULL DEFAULT 'routine',
      "facility" text NOT NULL,
      "patient_key" text NOT NULL,
      "due_at" timestamptz NOT NULL,
      "assignee" text,
      "outcome" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_tasks" PRIMARY KEY ("id"),
      CONSTRAINT "ck_tasks_status" CHECK ("status" IN ('open','claimed','completed','cancelled')),
      CONSTRAINT "ck_tasks_priority" CHECK ("priority" IN ('routine','high','urgent'))
    )`);
    await db.query(`CREATE UNIQUE INDEX "uq_tasks_transition_step" ON "tasks" ("transition_id", "step_key")`);
    await db.query(`CREATE INDEX "ix_tasks_status_due" ON "tasks" ("status", "due_at")`);

    await db.query(`CREATE TABLE "inbound_messages" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "sender" text NOT NULL,
      "control_id" text NOT NULL,
      "transport" text NOT NULL,
      "message_type" text,
      "raw" text NOT NULL,
      "status" text NOT NULL DEFAULT 'received',
      "reason" text,
      "event_id" text,
      "received_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_inbound_messages" PRIMARY KEY ("id"),
      CONSTRAINT "ck_inbound_status" CHECK ("status" IN ('received','published','rejected','failed'))
    )`);
    await db.query(
      `CREATE UNIQUE INDEX "uq_inbound_sender_control" ON "inbound_messages" ("sender", "control_id")`,
    );
    await db.query(`CREATE INDEX "ix_inbound_status" ON "inbound_messages" ("status", "received_at")`);

    await db.query(`CREATE TABLE "transitions" (
      "id" text NOT NULL,
      "facility" text NOT NULL,
      "patient_key" text NOT NULL,
      "pathway" text NOT NULL,
      "status" text NOT NULL DEFAULT 'active',
      "discharged_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_transitions" PRIMARY KEY ("id")
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "transitions"`);
    await db.query(`DROP TABLE "inbound_messages"`);
    await db.query(`DROP TABLE "tasks"`);
  }
}
