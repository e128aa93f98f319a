import { z } from 'zod';
import type { NoteEntity } from '@ct/persistence';

/** A note as the care team sees it; `correctedBy` lists the notes that correct it. */
export const noteViewSchema = z
  .object({
    id: z.uuid(),
    subject: z.enum(['task', 'transition']),
    subjectId: z.string(),
    transitionId: z.string(),
    author: z.string(),
    text: z.string(),
    corrects: z.uuid().nullable(),
    correctedBy: z.array(z.uuid()),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Note' });
export type NoteView = z.infer<typeof noteViewSchema>;

export const noteListSchema = z
  .object({ items: z.array(noteViewSchema), total: z.number().int() })
  .meta({ id: 'Notes' });

export function toNoteView(note: NoteEntity, correctedBy: string[] = []): NoteView {
  return {
    id: note.id,
    subject: note.subjectType,
    subjectId: note.subjectId,
    transitionId: note.transitionId,
    author: note.author,
    text: note.text,
    corrects: note.corrects,
    correctedBy,
    createdAt: note.createdAt.toISOString(),
  };
}
