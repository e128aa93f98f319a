import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the coordinators' worklist (GET /api/v1/tasks), all over the tasks still to do: the
 * pool of a facility and role by due time, a person's own tasks, and one per sort order after the
 * facility (the list reads each facility of the caller's scope in order, with its LIMIT). The two
 * on expressions are not declared in TaskEntity (TypeORM cannot): `synchronize: false` there.
 */
export class WorklistIndexes1765700000000 implements MigrationInterface {
  name = 'WorklistIndexes1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX "ix_tasks_pool" ON "tasks" ("facility", "role", "due_at") WHERE "status" = 'open' AND "assignee" IS NULL`,
    );
    await db.query(
      `CREATE INDEX "ix_tasks_assignee_active" ON "tasks" ("assignee", "due_at") WHERE "status" IN ('open', 'claimed')`,
    );
    await db.query(
      `CREATE INDEX "ix_tasks_active_facility_created" ON "tasks" ("facility", "created_at") WHERE "status" IN ('open', 'claimed')`,
    );
    await db.query(
      `CREATE INDEX "ix_tasks_active_facility_risk" ON "tasks" ("facility", (LEAST("due_at", COALESCE("breached_at", "due_at"))), "id")
       WHERE "status" IN ('open', 'claimed')`,
    );
    await db.query(
      `CREATE INDEX "ix_tasks_active_facility_priority" ON "tasks"
       ("facility", (CASE "priority" WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END), "due_at", "id")
       WHERE "status" IN ('open', 'claimed')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const name of [
      'ix_tasks_active_facility_priority',
      'ix_tasks_active_facility_risk',
      'ix_tasks_active_facility_created',
      'ix_tasks_assignee_active',
      'ix_tasks_pool',
    ])
      await db.query(`DROP INDEX "${name}"`);
  }
}
