import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { recordDeadLetter } from '@ct/persistence';
import type {
  ChangeTaskInput,
  CloseTaskInput,
  OpenTaskInput,
  RecordFailureInput,
  RecordTimelineInput,
  RecordTransitionInput,
  TimelineEntry,
  TransitionActivities,
} from '@ct/workflows/care-transition.activities';
import { appendTimeline, type TimelineRef } from './timeline.writer';
import { bindActivities } from './bind-activities';
import { TasksMetrics } from './tasks.metrics';

/**
 * A finished transition's row never moves back. Cancelled is not final: a discharge after the
 * cancel opens a new episode of the same transition.
 */
const FINISHED_SQL = `('completed', 'expired', 'superseded', 'no-outreach')`;

/** A new row's last progress: entries written before it (its id is $1); later ones move it (timeline.writer). */
const LAST_ENTRY_SQL = `(SELECT max(occurred_at) FROM transition_timeline WHERE transition_id = $1)`;

/** appendTimeline within the transaction at hand; returns the dedupe keys that were new. */
type Append = (ref: TimelineRef, entries: readonly TimelineEntry[]) => Promise<Set<string>>;

/**
 * Activities run at least once: each one is a single transaction whose timeline entries are keyed
 * by transition, step and rung, so a retry after a crash changes nothing the first attempt did.
 */
@Injectable()
export class TasksActivities implements TransitionActivities {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly metrics: TasksMetrics,
  ) {}

  /** One transaction; the timeline entries it wrote anew are counted once it has committed. */
  private async write<T>(work: (db: EntityManager, append: Append) => Promise<T>): Promise<T> {
    const written: Array<[TimelineRef, TimelineEntry[]]> = [];
    const result = await this.db.transaction((db) =>
      work(db, async (ref, entries) => {
        const fresh = await appendTimeline(db, ref, entries);
        written.push([ref, entries.filter((entry) => fresh.has(entry.dedupeKey))]);
        return fresh;
      }),
    );
    for (const [ref, entries] of written) this.metrics.written(ref, entries);
    return result;
  }

  openTask(input: OpenTaskInput): Promise<{ taskId: string }> {
    return this.write(async (db, append) => {
      // a new episode (re-discharge after a cancel) reopens the step's row; the same one keeps it
      const rows: { id: string }[] = await db.query(
        `INSERT INTO tasks (transition_id, step_key, role, title, facility, patient_key, due_at, episode, pathway)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (transition_id, step_key) DO UPDATE SET status = 'open', role = EXCLUDED.role,
           priority = 'routine', due_at = EXCLUDED.due_at, assignee = NULL, outcome = NULL,
           breached_at = NULL, episode = EXCLUDED.episode, pathway = EXCLUDED.pathway,
           escalated_at = NULL, escalation_rungs = 0, updated_at = now()
         WHERE tasks.episode IS DISTINCT FROM EXCLUDED.episode
         RETURNING id`,
        [
          input.transitionId,
          input.stepKey,
          input.role,
          input.title,
          input.facility,
          input.patientKey,
          input.dueAt,
          input.episode,
          input.pathway ?? 'none',
        ],
      );
      await append(input, [input.entry]);
      if (rows.length) return { taskId: rows[0].id };
      const [existing]: { id: string }[] = await db.query(
        `SELECT id FROM tasks WHERE transition_id = $1 AND step_key = $2`,
        [input.transitionId, input.stepKey],
      );
      return { taskId: existing.id };
    });
  }

  closeTask(input: CloseTaskInput): Promise<{ changed: boolean }> {
    return this.write(async (db, append) => {
      const [, affected]: [unknown, number] = await db.query(
        `UPDATE tasks SET status = $3, outcome = $4, assignee = COALESCE(assignee, $5), updated_at = now()
         WHERE transition_id = $1 AND step_key = $2 AND status IN ('open', 'claimed')`,
        [input.transitionId, input.stepKey, input.status, input.outcome, input.closedBy],
      );
      await append(input, [input.entry]);
      return { changed: affected > 0 };
    });
  }

  changeTask(input: ChangeTaskInput): Promise<{ changed: boolean }> {
    return this.write(async (db, append) => {
      const fresh = await append(input, [input.entry]);
      if (fresh.size === 0) return { changed: false };
      await db.query(
        `UPDATE tasks SET role = COALESCE($3, role), priority = COALESCE($4, priority),
           due_at = COALESCE($5, due_at), assignee = COALESCE($6, assignee),
           status = CASE WHEN $6::text IS NOT NULL AND status = 'open' THEN 'claimed' ELSE status END,
           breached_at = CASE WHEN $7 THEN COALESCE(breached_at, now()) ELSE breached_at END,
           updated_at = now()
         WHERE transition_id = $1 AND step_key = $2`,
        [
          input.transitionId,
          input.stepKey,
          input.role ?? null,
          input.priority ?? null,
          input.dueAt ?? null,
          input.assignee ?? null,
          input.breached ?? false,
        ],
      );
      return { changed: true };
    });
  }

  /** The reminder is the care.events.v1 record; notification services act on it. */
  async sendReminder(input: RecordTimelineInput): Promise<void> {
    await this.recordTimeline(input);
  }

  async recordTimeline(input: RecordTimelineInput): Promise<void> {
    await this.write((_db, append) => append(input, input.entries));
  }

  recordTransition(input: RecordTransitionInput): Promise<void> {
    return this.write(async (db, append) => {
      await db.query(
        `INSERT INTO transitions (id, facility, patient_key, pathway, status, discharged_at, reason, last_progress_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, ${LAST_ENTRY_SQL})
         ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, pathway = EXCLUDED.pathway,
           patient_key = EXCLUDED.patient_key, reason = EXCLUDED.reason,
           discharged_at = COALESCE(EXCLUDED.discharged_at, transitions.discharged_at), updated_at = now()
         WHERE transitions.status NOT IN ${FINISHED_SQL}`,
        [
          input.transitionId,
          input.facility,
          input.patientKey,
          input.pathway ?? 'none',
          input.status,
          input.dischargedAt ?? null,
          input.reason ?? null,
        ],
      );
      // a merge moves the transition's tasks to the surviving patient; they keep its pathway too
      await db.query(
        `UPDATE tasks t SET patient_key = $2, pathway = tr.pathway FROM transitions tr
         WHERE tr.id = $1 AND t.transition_id = $1 AND (t.patient_key <> $2 OR t.pathway <> tr.pathway)`,
        [input.transitionId, input.patientKey],
      );
      await append(input, input.entries);
    });
  }

  /**
   * Bad data ended the transition: its row says failed (written from ids alone, never the input
   * that was refused), its timeline says why, and ops find it among the dead letters.
   */
  recordFailure(input: RecordFailureInput): Promise<void> {
    return this.write(async (db, append) => {
      await db.query(
        `INSERT INTO transitions (id, facility, patient_key, pathway, status, reason, last_progress_at)
         VALUES ($1, $2, 'unknown', $3, 'failed', $4, ${LAST_ENTRY_SQL})
         ON CONFLICT (id) DO UPDATE SET status = 'failed', reason = EXCLUDED.reason, updated_at = now()
         WHERE transitions.status NOT IN ${FINISHED_SQL}`,
        [input.transitionId, input.facility, input.pathway ?? 'none', input.reason],
      );
      await append(input, [input.entry]);
      await recordDeadLetter(db, {
        stage: 'worker',
        code: 'BAD_DATA',
        reason: `${input.activity}: ${input.reason}`,
        topic: 'temporal',
        sourceRef: `temporal/${input.entry.dedupeKey}`,
        key: input.transitionId,
        value: null,
        headers: { activity: input.activity },
        attempts: 1,
      });
    });
  }

  asActivities(): TransitionActivities {
    return bindActivities(this, this.metrics);
  }
}
