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
@Index('ix_tasks_active_due', ['dueAt', 'id'], { where: `"status" IN ('open', 'claimed')` })
@Index('ix_tasks_active_breached_due', ['dueAt', 'id'], {
  where: `"status" IN ('open', 'claimed') AND "breached_at" IS NOT NULL`,
})
// the checks as migration 1763870000000 made them (TaskStatus, TaskPriority)
@Check('ck_tasks_status', `"status" IN ('open','claimed','completed','cancelled')`)
@Check('ck_tasks_priority', `"priority" IN ('routine','high','urgent')`)
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
