import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '@ct/auth';
import { freeText } from '@ct/contracts';
import { NOTE_MAX_LENGTH, type NoteSubject } from '@ct/persistence';
import type { NoteView } from './note.view';

/** The author is the caller and the time the server's: a body names neither. */
export const addNoteRequestSchema = z
  .object({
    text: freeText(NOTE_MAX_LENGTH).min(1).describe(`1 to ${NOTE_MAX_LENGTH} characters`),
    corrects: z.uuid().optional().describe('The note of the same task or transition this one corrects'),
  })
  .strict()
  .meta({ id: 'AddNoteRequest' });
export type AddNoteRequest = z.infer<typeof addNoteRequestSchema>;

export class AddNoteCommand extends Command<NoteView> {
  constructor(
    readonly subject: NoteSubject,
    readonly subjectId: string,
    readonly actor: Principal,
    readonly request: AddNoteRequest,
  ) {
    super();
  }
}
