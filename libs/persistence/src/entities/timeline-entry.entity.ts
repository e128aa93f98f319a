import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One thing a care transition received or decided; dedupe_key makes a retried write a no-op. */
@Entity({ name: 'transition_timeline' })
@Index('uq_timeline_dedupe', ['dedupeKey'], { unique: true })
@Index('ix_timeline_transition', ['transitionId', 'occurredAt', 'recordedAt'])
@Index('ix_timeline_escalations', ['transitionId', 'stepKey', 'dedupeKey'], {
  where: `"kind" LIKE 'escalation.%'`,
})
export class TimelineEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'transition_id', type: 'text' })
  transitionId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'step_key', type: 'text', nullable: true })
  stepKey!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** Ids and codes only. */
  @Column({ type: 'jsonb', default: {} })
  detail!: Record<string, string | number | boolean | null>;

  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
