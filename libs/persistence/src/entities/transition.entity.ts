import type { RecordedTransitionStatus } from '@ct/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The statuses the workflow records (`transition.<status>` care events); `failed`: bad data
 * stopped it, a dead letter (stage worker) says why, and the next discharge starts it again.
 */
export type TransitionStatus = RecordedTransitionStatus;

/** Read model of one care transition; the Temporal workflow is the source of truth. */
@Entity({ name: 'transitions' })
@Index('ix_transitions_patient', ['patientKey', 'status'])
@Index('ix_transitions_updated', ['updatedAt', 'id'])
@Index('ix_transitions_status_updated', ['status', 'updatedAt', 'id'])
@Index('ix_transitions_facility_updated', ['facility', 'updatedAt', 'id'])
@Index('ix_transitions_status_progress', ['status', 'lastProgressAt'])
export class TransitionEntity {
  /** The workflow id: transition:<facility>:<visit number>. */
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  facility!: string;

  @Column({ name: 'patient_key', type: 'text' })
  patientKey!: string;

  @Column({ type: 'text' })
  pathway!: string;

  @Column({ type: 'text', default: 'active' })
  status!: TransitionStatus;

  @Column({ name: 'discharged_at', type: 'timestamptz', nullable: true })
  dischargedAt!: Date | null;

  /** Why it ended or changed (a code such as discharge-cancelled, readmitted, patient-expired). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The newest timeline entry's occurred_at, kept by the worker's timeline writer (stuck transitions). */
  @Column({ name: 'last_progress_at', type: 'timestamptz', nullable: true })
  lastProgressAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
