import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One outreach attempt on a task, written by the worker for the transition (the id is the api's,
 * so a retried write is a no-op). `note` is free text that may hold patient details: it lives
 * here only, set by the api, never on the timeline, in events or in logs.
 */
@Entity({ name: 'outreach_attempts' })
@Index('ix_outreach_attempts_task', ['taskId', 'contactedAt'])
// the checks as migration 1765400000000 made them (OUTREACH_CHANNELS, OUTREACH_OUTCOMES in @ct/domain)
@Check('ck_outreach_attempts_channel', `"channel" IN ('phone','video','in-person','portal','letter')`)
@Check(
  'ck_outreach_attempts_outcome',
  `"outcome" IN ('reached','no-answer','left-message','wrong-number','declined')`,
)
@Check('ck_outreach_attempts_note', `char_length("note") <= 2000`)
export class OutreachAttemptEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @Column({ name: 'transition_id', type: 'text' })
  transitionId!: string;

  @Column({ name: 'step_key', type: 'text' })
  stepKey!: string;

  /** The workflow chain it was made in: a task reopened by a new episode starts its count again. */
  @Column({ type: 'text' })
  episode!: string;

  @Column({ type: 'text' })
  facility!: string;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ name: 'contacted_at', type: 'timestamptz' })
  contactedAt!: Date;

  /** Within the step's window (discharge to deadline), so it counted toward the step's rule. */
  @Column({ name: 'in_window', type: 'boolean' })
  inWindow!: boolean;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
