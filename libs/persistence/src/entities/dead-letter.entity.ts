import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** `webhook`: a delivery its receiver never accepted (webhook_deliveries, status dead). */
export const deadLetterStages = ['orchestrator', 'outbox', 'worker', 'webhook'] as const;
export type DeadLetterStage = (typeof deadLetterStages)[number];
/** open → replay-requested → replaying → replayed (or open again, with the new reason); open → discarded. */
export type DeadLetterStatus = 'open' | 'replay-requested' | 'replaying' | 'replayed' | 'discarded';

/**
 * A record a stage after the ACK could not handle, with the reason, kept until an operator replays
 * or discards it. `value` is the record as received and may hold identifiers: never list it.
 */
@Entity({ name: 'dead_letters' })
@Index('ix_dead_letters_status', ['status', 'createdAt'])
@Index('ix_dead_letters_open_key', ['key'], { where: `"status" = 'open'` })
@Index('uq_dead_letters_source', ['stage', 'sourceRef'], { unique: true })
export class DeadLetterEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  stage!: DeadLetterStage;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'integer', nullable: true })
  partition!: number | null;

  /** `<topic>/<partition>/<offset>` of a Kafka record, `outbox/<id>` of an outbox row: unique per stage. */
  @Column({ name: 'source_ref', type: 'text' })
  sourceRef!: string;

  @Column({ type: 'text', nullable: true })
  key!: string | null;

  @Column({ type: 'text', nullable: true })
  value!: string | null;

  @Column({ type: 'jsonb', default: {} })
  headers!: Record<string, string>;

  @Column({ name: 'event_id', type: 'text', nullable: true })
  eventId!: string | null;

  @Column({ type: 'integer', default: 1 })
  attempts!: number;

  @Column({ type: 'text', default: 'open' })
  status!: DeadLetterStatus;

  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy!: string | null;

  @Column({ name: 'resolution', type: 'text', nullable: true })
  resolution!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
