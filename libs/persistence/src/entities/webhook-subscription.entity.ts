import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * Who is told of which care events: a facility (or `*`), optionally one team or pathway role,
 * the event kinds, an https URL and the secret its deliveries are signed with (never listed).
 */
@Entity({ name: 'webhook_subscriptions' })
@Index('ix_webhook_subscriptions_facility', ['facility'], { where: '"enabled"' })
// as migration 1765600000001 made it
@Check('ck_webhook_subscriptions_kinds', `cardinality("event_kinds") > 0`)
export class WebhookSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  facility!: string;

  @Column({ type: 'text', nullable: true })
  team!: string | null;

  @Column({ type: 'text', nullable: true })
  role!: string | null;

  @Column({ name: 'event_kinds', type: 'text', array: true })
  eventKinds!: string[];

  @Column({ type: 'text' })
  url!: string;

  /** `whsec_` + base64 key (Standard Webhooks); shown once, at creation. */
  @Column({ type: 'text' })
  secret!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
