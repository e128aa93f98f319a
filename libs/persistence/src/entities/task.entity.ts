import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type TaskStatus = 'open' | 'claimed' | 'completed' | 'cancelled';
export type TaskPriority = 'routine' | 'high' | 'urgent';

/** Work for a role in one step of a care transition. (transition_id, step_key) makes creation idempotent. */
@Entity({ name: 'tasks' })
@Index('uq_tasks_transition_step', ['transitionId', 'stepKey'], { unique: true })
@Index('ix_tasks_status_due', ['status', 'dueAt'])
@Index('ix_tasks_active_facility_due', ['facility', 'dueAt'], { where: `"status" IN ('open', 'claimed')` })
// the worklist's (migration 1765700000000); the two on expressions are kept by the migration alone
@Index('ix_tasks_pool', ['facility', 'role', 'dueAt'], { where: `"status" = 'open' AND "assignee" IS NULL` })
@Index('ix_tasks_assignee_active', ['assignee', 'dueAt'], { where: `"status" IN ('open', 'claimed')` })
@Index('ix_tasks_active_facility_created', ['facility', 'createdAt'], {
  where: `"status" IN ('open', 'claimed')`,
})
@Index('ix_tasks_active_facility_risk', { synchronize: false })
@Index('ix_tasks_active_facility_priority', { synchronize: false })
@Index('ix_tasks_active_due', ['dueAt', 'id'], { where: `"status" IN ('open', 'claimed')` })
@Index('ix_tasks_active_breached_due', ['dueAt', 'id'], {
  where: `"status" IN ('open', 'claimed') AND "breached_at" IS NOT NULL`,
})
// the checks as migration 1763870000000 made them (TaskStatus, TaskPriority)
@Check('ck_tasks_status', `"status" IN ('open','claimed','completed','cancelled')`)
@Check('ck_tasks_priority', `"priority" IN ('routine','high','urgent')`)
@Check('ck_tasks_met_by', `"met_by" IN ('contact','attempts')`)
@Check('ck_tasks_revision', `"revision" >= 0`)
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'transition_id', type: 'text' })
  transitionId!: string;

  @Column({ name: 'step_key', type: 'text' })
  stepKey!: string;

  @Column({ type: 'text' })
  role!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: 'open' })
  status!: TaskStatus;

  @Column({ type: 'text', default: 'routine' })
  priority!: TaskPriority;

  @Column({ type: 'text' })
  facility!: string;

  @Column({ name: 'patient_key', type: 'text' })
  patientKey!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'assignee', type: 'text', nullable: true })
  assignee!: string | null;

  @Column({ name: 'outcome', type: 'text', nullable: true })
  outcome!: string | null;

  /** The workflow chain that opened it: a re-discharge after a cancel reopens the step. */
  @Column({ type: 'text', nullable: true })
  episode!: string | null;

  @Column({ name: 'breached_at', type: 'timestamptz', nullable: true })
  breachedAt!: Date | null;

  /** Outreach attempts recorded on it in this episode. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** When its work was actually done (the visit, the contact), as the completion said. */
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  /** How an outreach step was met: a contact, or documented unsuccessful attempts. */
  @Column({ name: 'met_by', type: 'text', nullable: true })
  metBy!: 'contact' | 'attempts' | null;

  /** The step's revision, as its workflow counts every change (the task's ETag; migration 1765300000000). */
  @Column({ type: 'integer', default: 0 })
  revision!: number;

  /** The transition's pathway, copied by the worker so counts by pathway need no join. */
  @Column({ type: 'text', default: 'none' })
  pathway!: string;

  /** The first escalation.* rung of the current episode; a new episode clears it. */
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt!: Date | null;

  /** Escalation rungs run in the current episode. */
  @Column({ name: 'escalation_rungs', type: 'integer', default: 0 })
  escalationRungs!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
