import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** disclosed: patient context was sent; refused: the row was outside the caller's facilities (a 404). */
export type AccessOutcome = 'disclosed' | 'refused';

/** One read of patient context: who, which patient, through which task and route, when. Append-only. */
@Entity({ name: 'access_log' })
@Index('ix_access_log_at', ['at', 'id'])
@Index('ix_access_log_patient_at', ['patientKey', 'at', 'id'])
@Index('ix_access_log_subject_at', ['subject', 'at', 'id'])
@Check('ck_access_log_outcome', `"outcome" IN ('disclosed','refused')`)
export class AccessLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  /** The token's subject. */
  @Column({ type: 'text' })
  subject!: string;

  @Column({ name: 'patient_key', type: 'text' })
  patientKey!: string;

  /** The facility of the row read: compliance staff see the log of their own facilities. */
  @Column({ type: 'text' })
  facility!: string;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  @Column({ name: 'transition_id', type: 'text', nullable: true })
  transitionId!: string | null;

  /** The route template, e.g. GET /api/v1/tasks/:id. */
  @Column({ type: 'text' })
  route!: string;

  /** The request's correlation id (x-correlation-id), as in the app's log lines. */
  @Column({ name: 'request_id', type: 'text' })
  requestId!: string;

  @Column({ type: 'text' })
  outcome!: AccessOutcome;
}
