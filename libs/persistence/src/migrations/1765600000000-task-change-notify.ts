import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every new or changed task is announced on the channel `ct_task_changes` (the api's live
 * worklist stream). The payload names its columns one by one, ids and codes only, so a column
 * added later (patient context) never reaches a listener by accident; `revision` is read through
 * to_jsonb so the trigger works with or without that column.
 */
export class TaskChangeNotify1765600000000 implements MigrationInterface {
  name = 'TaskChangeNotify1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE FUNCTION "ct_notify_task_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
        PERFORM pg_notify('ct_task_changes', json_build_object(
          'id', NEW.id, 'transitionId', NEW.transition_id, 'stepKey', NEW.step_key,
          'facility', NEW.facility, 'role', NEW.role, 'status', NEW.status, 'priority', NEW.priority,
          'assignee', NEW.assignee, 'dueAt', NEW.due_at, 'breachedAt', NEW.breached_at,
          'revision', to_jsonb(NEW) -> 'revision', 'updatedAt', NEW.updated_at)::text);
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER "tr_tasks_notify_change" AFTER INSERT OR UPDATE ON "tasks"
      FOR EACH ROW EXECUTE FUNCTION "ct_notify_task_change"()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER "tr_tasks_notify_change" ON "tasks"`);
    await db.query(`DROP FUNCTION "ct_notify_task_change"()`);
  }
}
