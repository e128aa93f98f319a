import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { recordDeadLetter } from '@ct/persistence';
import type {
  ChangeTaskInput,
  CloseTaskInput,
  OpenTaskInput,
  RecordAttemptInput,
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

/**
 * A change of a task. $8: the change moves the holder ($6, or null: back to the pool, open again);
 * $9: the step's revision after it. Changes of one step may commit out of order (an update's
 * write beside the clock's), so a holder older than the row's revision is not written back.
 */
const CHANGE_TASK_SQL = `UPDATE tasks SET role = COALESCE($3, role), priority = COALESCE($4, priority),
    due_at = COALESCE($5, due_at),
    assignee = CASE WHEN $8 AND ($9::int IS NULL OR revision < $9) THEN $6::text ELSE assignee END,
    status = CASE WHEN NOT $8 OR ($9::int IS NOT NULL AND revision >= $9) OR status NOT IN ('open', 'claimed')
      THEN status WHEN $6::text IS NULL THEN 'open' ELSE 'claimed' END,
    breached_at = CASE WHEN $7 THEN COALESCE(breached_at, now()) ELSE breached_at END,
    revision = GREATEST(revision, COALESCE($9::int, revision)), updated_at = now()
  WHERE transition_id = $1 AND step_key = $2`;

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
        `INSERT INTO tasks (transition_id, step_key, role, title, facility, patient_key, due_at, episode, revision, pathway)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9::int, 0), $10)
         ON CONFLICT (transition_id, step_key) DO UPDATE SET status = 'open', role = EXCLUDED.role,
           priority = 'routine', due_at = EXCLUDED.due_at, assignee = NULL, outcome = NULL,
           breached_at = NULL, attempts = 0, done_at = NULL, met_by = NULL, episode = EXCLUDED.episode,
           revision = EXCLUDED.revision, pathway = EXCLUDED.pathway, escalated_at = NULL, escalation_rungs = 0,
           updated_at = now()
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
          input.revision ?? null,
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
      // a completion's done time is when the work happened (v5), else the time it is written
      const [, affected]: [unknown, number] = await db.query(
        `UPDATE tasks SET status = $3, outcome = $4, assignee = COALESCE(assignee, $5),
           done_at = CASE WHEN $3 = 'completed' THEN COALESCE($6::timestamptz, now()) END, met_by = $7,
           revision = GREATEST(revision, COALESCE($8::int, revision)), updated_at = now()
         WHERE transition_id = $1 AND step_key = $2 AND status IN ('open', 'claimed')`,
        [
          input.transitionId,
          input.stepKey,
          input.status,
          input.outcome,
          input.closedBy,
          input.doneAt ?? null,
          input.metBy ?? null,
          input.revision ?? null,
        ],
      );
      await append(input, [input.entry]);
      return { changed: affected > 0 };
    });
  }

  changeTask(input: ChangeTaskInput): Promise<{ changed: boolean }> {
    return this.write(async (db, append) => {
      const fresh = await append(input, [input.entry]);
      if (fresh.size === 0) return { changed: false };
      await db.query(CHANGE_TASK_SQL, [
        input.transitionId,
        input.stepKey,
        input.role ?? null,
        input.priority ?? null,
        input.dueAt ?? null,
        input.assignee ?? null,
        input.breached ?? false,
        input.assignee !== undefined,
        input.revision ?? null,
      ]);
      return { changed: true };
    });
  }

  /** The attempt's row (its note comes from the api, never through here) and the task's count. */
  recordAttempt(input: RecordAttemptInput): Promise<{ recorded: boolean }> {
    return this.write(async (db, append) => {
      const rows: { id: string }[] = await db.query(
        `INSERT INTO outreach_attempts (id, task_id, transition_id, step_key, episode, facility, channel,
           outcome, contacted_at, in_window, recorded_by)
         SELECT $1, t.id, t.transition_id, t.step_key, $4, t.facility, $5, $6, $7, $8, $9
           FROM tasks t WHERE t.transition_id = $2 AND t.step_key = $3
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          input.attemptId,
          input.transitionId,
          input.stepKey,
          input.episode,
          input.channel,
          input.outcome,
          input.contactedAt,
          input.inWindow,
          input.recordedBy,
        ],
      );
      if (rows.length) {
        await db.query(
          `UPDATE tasks SET attempts = attempts + 1, updated_at = now() WHERE transition_id = $1 AND step_key = $2`,
          [input.transitionId, input.stepKey],
        );
      }
      await append(input, [input.entry]);
      return { recorded: rows.length > 0 };
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
