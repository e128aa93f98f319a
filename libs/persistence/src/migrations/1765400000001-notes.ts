import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notes on a task or a transition: append-only (a trigger refuses UPDATE and DELETE; a correction
 * is a new note naming the one it corrects).
 */
export class Notes1765400000001 implements MigrationInterface {
  name = 'Notes1765400000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "notes" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "subject_type" text NOT NULL,
      "subject_id" text NOT NULL,
      "transition_id" text NOT NULL,
      "facility" text NOT NULL,
      "author" text NOT NULL,
      "text" text NOT NULL,
      "corrects" uuid,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_notes" PRIMARY KEY ("id"),
      CONSTRAINT "ck_notes_subject_type" CHECK ("subject_type" IN ('task','transition')),
      CONSTRAINT "ck_notes_text" CHECK (char_length("text") BETWEEN 1 AND 2000)
    )`);
    await db.query(`CREATE INDEX "ix_notes_subject" ON "notes" ("subject_type", "subject_id", "created_at")`);
    await db.query(`CREATE FUNCTION notes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'notes are append-only: add a note that corrects this one'; END $$`);
    await db.query(`CREATE TRIGGER "tr_notes_append_only" BEFORE UPDATE OR DELETE ON "notes"
      FOR EACH ROW EXECUTE FUNCTION notes_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "notes"`);
    await db.query(`DROP FUNCTION notes_append_only()`);
  }
}
