import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the ops API used to compute per request, kept on the rows by the worker instead
 * (docs/benchmarks.md): the task's pathway (no join to transitions), its escalation mark (no
 * timeline read) and the transition's last progress (no probe of each one's timeline). The
 * backfills apply the rules the worker applies from now on (apps/worker/src/tasks).
 */
export const BACKFILL_TASK_PATHWAY = `UPDATE tasks t SET pathway = tr.pathway FROM transitions tr
  WHERE tr.id = t.transition_id AND t.pathway IS DISTINCT FROM tr.pathway`;

/** The escalation.* rungs of the task's current episode (dedupe keys start `<transition>|<episode>|`). */
export const BACKFILL_TASK_ESCALATIONS = `UPDATE tasks t SET escalated_at = e.first_at, escalation_rungs = e.rungs
  FROM (
    SELECT s.id, min(e.occurred_at) AS first_at, count(*)::int AS rungs
    FROM tasks s JOIN transition_timeline e ON e.transition_id = s.transition_id AND e.step_key = s.step_key
    WHERE e.kind LIKE 'escalation.%'
      AND (s.episode IS NULL OR starts_with(e.dedupe_key, s.transition_id || '|' || s.episode || '|'))
    GROUP BY s.id
  ) e
  WHERE e.id = t.id`;

export const BACKFILL_LAST_PROGRESS = `UPDATE transitions tr SET last_progress_at = p.last_at
  FROM (SELECT transition_id, max(occurred_at) AS last_at FROM transition_timeline GROUP BY 1) p
  WHERE p.transition_id = tr.id`;

export class OpsReadMarks1765200000000 implements MigrationInterface {
  name = 'OpsReadMarks1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "tasks" ADD "pathway" text NOT NULL DEFAULT 'none'`);
    await db.query(`ALTER TABLE "tasks" ADD "escalated_at" TIMESTAMP WITH TIME ZONE`);
    await db.query(`ALTER TABLE "tasks" ADD "escalation_rungs" integer NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE "transitions" ADD "last_progress_at" TIMESTAMP WITH TIME ZONE`);
    await db.query(BACKFILL_TASK_PATHWAY);
    await db.query(BACKFILL_TASK_ESCALATIONS);
    await db.query(BACKFILL_LAST_PROGRESS);
    // the breach-risk board lists each bucket as a range of due_at, soonest first, with a LIMIT
    await db.query(
      `CREATE INDEX "ix_tasks_active_due" ON "tasks" ("due_at", "id") WHERE "status" IN ('open', 'claimed')`,
    );
    // breached by the clock yet due later (a due time moved after the breach): few, listed apart
    await db.query(
      `CREATE INDEX "ix_tasks_active_breached_due" ON "tasks" ("due_at", "id") WHERE "status" IN ('open', 'claimed') AND "breached_at" IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX "ix_transitions_status_progress" ON "transitions" ("status", "last_progress_at")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "ix_transitions_status_progress"`);
    await db.query(`DROP INDEX "ix_tasks_active_breached_due"`);
    await db.query(`DROP INDEX "ix_tasks_active_due"`);
    await db.query(`ALTER TABLE "transitions" DROP COLUMN "last_progress_at"`);
    await db.query(`ALTER TABLE "tasks" DROP COLUMN "escalation_rungs"`);
    await db.query(`ALTER TABLE "tasks" DROP COLUMN "escalated_at"`);
    await db.query(`ALTER TABLE "tasks" DROP COLUMN "pathway"`);
  }
}
