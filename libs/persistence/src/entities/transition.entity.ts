import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type TransitionStatus = 'active' | 'completed' | 'cancelled' | 'superseded';

/** Read model of one care transition; the Temporal workflow is the source of truth. */
@Entity({ name: 'transitions' })
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
