import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Patient context (PHI from PID, PD1/ROL, PV1, DG1), one row per visit, written by the gateway;
 * and the access log of every read of it, for compliance. Both are purged by the api's retention job.
 */
export class PatientContextAccessLog1765500000000 implements MigrationInterface {
  name = 'PatientContextAccessLog1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "patient_contexts" (
      "transition_id" text NOT NULL,
      "facility" text NOT NULL,
      "visit_number" text NOT NULL,
      "patient_key" text NOT NULL,
      "event_at" timestamptz NOT NULL,
      "patient" jsonb NOT NULL DEFAULT '{}',
      "visit" jsonb NOT NULL DEFAULT '{}',
      "discharged_at" timestamptz,
      "source_message_id" uuid,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_patient_contexts" PRIMARY KEY ("transition_id")
    )`);
    await db.query(`CREATE INDEX "ix_patient_contexts_patient" ON "patient_contexts" ("patient_key")`);
    await db.query(`CREATE INDEX "ix_patient_contexts_updated" ON "patient_contexts" ("updated_at")`);
    await db.query(`CREATE TABLE "access_log" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "at" timestamptz NOT NULL DEFAULT now(),
      "subject" text NOT NULL,
      "patient_key" text NOT NULL,
      "facility" text NOT NULL,
      "task_id" uuid,
      "transition_id" text,
      "route" text NOT NULL,
      "request_id" text NOT NULL,
      "outcome" text NOT NULL,
      CONSTRAINT "pk_access_log" PRIMARY KEY ("id"),
      CONSTRAINT "ck_access_log_outcome" CHECK ("outcome" IN ('disclosed','refused'))
    )`);
    await db.query(`CREATE INDEX "ix_access_log_at" ON "access_log" ("at", "id")`);
    await db.query(`CREATE INDEX "ix_access_log_patient_at" ON "access_log" ("patient_key", "at", "id")`);
    await db.query(`CREATE INDEX "ix_access_log_subject_at" ON "access_log" ("subject", "at", "id")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "access_log"`);
    await db.query(`DROP TABLE "patient_contexts"`);
  }
}
