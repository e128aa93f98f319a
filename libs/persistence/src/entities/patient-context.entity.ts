import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A person as the feed names one (XCN): id and name parts. */
export interface ContextPerson {
  id: string;
  family?: string;
  given?: string;
}

/**
 * PID as the gateway last took it; a key absent means "not sent yet", null "cleared". Held only
 * here and in the raw archive: never on Kafka, in Temporal, logs or metrics.
 */
export interface PatientDetails {
  name?: { family?: string; given?: string; middle?: string; suffix?: string; prefix?: string };
  birthDate?: string;
  sex?: string;
  phones?: { number: string; use?: string; equipment?: string }[];
  address?: {
    street?: string;
    otherDesignation?: string;
    city?: string;
    state?: string;
    postalCode?: string;
    country?: string;
  };
  language?: { code: string; text?: string; codingSystem?: string };
  primaryCareProvider?: ContextPerson;
}

/** PV1 and DG1 of the visit (ISO times). */
export interface VisitDetails {
  facility?: string;
  pointOfCare?: string;
  room?: string;
  bed?: string;
  attending?: ContextPerson;
  admitAt?: string;
  dischargeAt?: string | null;
  disposition?: string;
  diagnoses?: { code: string; text?: string; codingSystem?: string; type?: string }[];
}

/**
 * Patient context of one visit, keyed like its transition (transition:<facility>:<visit>), written
 * by the gateway in the transaction that archives the message. A message not older (event time)
 * than the one held merges in what it carries; an older one changes nothing.
 */
@Entity({ name: 'patient_contexts' })
@Index('ix_patient_contexts_patient', ['patientKey'])
@Index('ix_patient_contexts_updated', ['updatedAt'])
export class PatientContextEntity {
  @PrimaryColumn({ name: 'transition_id', type: 'text' })
  transitionId!: string;

  @Column({ type: 'text' })
  facility!: string;

  @Column({ name: 'visit_number', type: 'text' })
  visitNumber!: string;

  @Column({ name: 'patient_key', type: 'text' })
  patientKey!: string;

  /** occurredAt of the latest message merged in. */
  @Column({ name: 'event_at', type: 'timestamptz' })
  eventAt!: Date;

  @Column({ type: 'jsonb', default: {} })
  patient!: PatientDetails;

  @Column({ type: 'jsonb', default: {} })
  visit!: VisitDetails;

  /** visit.dischargeAt, kept as a column for the retention purge. */
  @Column({ name: 'discharged_at', type: 'timestamptz', nullable: true })
  dischargedAt!: Date | null;

  /** The inbound_messages row merged in last. */
  @Column({ name: 'source_message_id', type: 'uuid', nullable: true })
  sourceMessageId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
