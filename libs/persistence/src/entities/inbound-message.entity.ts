import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type InboundStatus = 'received' | 'published' | 'rejected' | 'failed';

/**
 * Every message a feed sent us, raw, with its outcome: the audit trail, the duplicate check
 * (same sender + MSH-10) and the quarantine an operator replays from.
 */
@Entity({ name: 'inbound_messages' })
@Index('uq_inbound_sender_control', ['sender', 'controlId'], { unique: true })
@Index('ix_inbound_status', ['status', 'receivedAt'])
@Index('ix_inbound_sender_received', ['sender', 'receivedAt'])
// as migration 1763870000000 made it (InboundStatus)
@Check('ck_inbound_status', `"status" IN ('received','published','rejected','failed')`)
export class InboundMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** MSH-3 + '|' + MSH-4; a placeholder for input too broken to name its sender. */
  @Column({ type: 'text' })
  sender!: string;

  @Column({ name: 'control_id', type: 'text' })
  controlId!: string;

  @Column({ type: 'text' })
  transport!: string;

  @Column({ name: 'message_type', type: 'text', nullable: true })
  messageType!: string | null;

  @Column({ type: 'text' })
  raw!: string;

  @Column({ type: 'text', default: 'received' })
  status!: InboundStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'event_id', type: 'text', nullable: true })
  eventId!: string | null;

  /** sha-256 of the content (MSH-7 left out: a rebuilt resend gets a new one); see content-hash.ts. */
  @Column({ name: 'content_hash', type: 'text', nullable: true })
  contentHash!: string | null;

  /**
   * Who the gateway authenticated: `token:<subject>` over HTTP, `cert:<subject>` over mutual TLS;
   * null over plain MLLP. A resend from someone else is not a resend (see InboundArchive).
   */
  @Column({ name: 'authenticated_as', type: 'text', nullable: true })
  authenticatedAs!: string | null;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
