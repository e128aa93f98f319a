import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  CloseTaskInput,
  OpenTaskInput,
  RecordTransitionInput,
  TransitionActivities,
} from '@ct/workflows/care-transition.activities';

/**
 * Activities run at least once: each write is keyed by (transition, step) or transition id so a
 * retry after a crash changes nothing the first attempt already did.
 */
@Injectable()
export class TasksActivities implements TransitionActivities {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async openTask(input: OpenTaskInput): Promise<{ taskId: string }> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO tasks (transition_id, step_key, role, title, facility, patient_key, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (transition_id, step_key) DO UPDATE SET updated_at = tasks.updated_at
       RETURNING id`,
      [
        input.transitionId,
        input.stepKey,
        input.role,
        input.title,
        input.facility,
        input.patientKey,
        input.dueAt,
      ],
    );
    return { taskId: rows[0].id };
  }

  async closeTask(input: CloseTaskInput): Promise<{ changed: boolean }> {
    const [, affected]: [unknown, number] = await this.db.query(
      `UPDATE tasks SET status = $3, outcome = $4, assignee = COALESCE(assignee, $5), updated_at = now()
       WHERE transition_id = $1 AND step_key = $2 AND status IN ('open', 'claimed')`,
      [input.transitionId, input.stepKey, input.status, input.outcome, input.closedBy],
    );
    return { changed: affected > 0 };
  }

  async recordTransition(input: RecordTransitionInput): Promise<void> {
    await this.db.query(
      `INSERT INTO transitions (id, facility, patient_key, pathway, status, discharged_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, pathway = EXCLUDED.pathway,
         discharged_at = COALESCE(EXCLUDED.discharged_at, transitions.discharged_at), updated_at = now()`,
      [
        input.transitionId,
        input.facility,
        input.patientKey,
        input.pathway,
        input.status,
        input.dischargedAt ?? null,
      ],
    );
  }

  /** The plain object Temporal registers: methods bound to this instance. */
  asActivities(): TransitionActivities {
    return {
      openTask: (input) => this.openTask(input),
      closeTask: (input) => this.closeTask(input),
      recordTransition: (input) => this.recordTransition(input),
    };
  }
}
