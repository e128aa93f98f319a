import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type NoteSubject = 'task' | 'transition';

/** The longest note, in characters (the table's check says the same). */
export const NOTE_MAX_LENGTH = 2000;

/**
 * A note on a task or a transition: who wrote it (the token's subject) and when (the server's
 * clock). Append-only: a trigger refuses UPDATE and DELETE; a correction is a new note with
 * `corrects`. Free text that may hold patient details: never logged or published.
 */
@Entity({ name: 'notes' })
@Index('ix_notes_subject', ['subjectType', 'subjectId', 'createdAt'])
// the checks as migration 1765400000001 made them
@Check('ck_notes_subject_type', `"subject_type" IN ('task','transition')`)
@Check('ck_notes_text', `char_length("text") BETWEEN 1 AND 2000`)
export class NoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: NoteSubject;

  /** The task's id or the transition's id. */
  @Column({ name: 'subject_id', type: 'text' })
  subjectId!: string;

  @Column({ name: 'transition_id', type: 'text' })
  transitionId!: string;

  /** The facility of the transition, for scope. */
  @Column({ type: 'text' })
  facility!: string;

  @Column({ type: 'text' })
  author!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'uuid', nullable: true })
  corrects!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
