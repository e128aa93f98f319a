import { Query } from '@nestjs/cqrs';
import type { z } from 'zod';
import type { Principal } from '@ct/auth';
import type { NoteSubject } from '@ct/persistence';
import type { noteListSchema } from './note.view';

export class ListNotesQuery extends Query<z.infer<typeof noteListSchema>> {
  constructor(
    readonly subject: NoteSubject,
    readonly subjectId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
