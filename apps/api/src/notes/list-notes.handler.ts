import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { NoteEntity } from '@ct/persistence';
import { ListNotesQuery } from './list-notes.query';
import { NoteSubjects } from './note-subject';
import { toNoteView } from './note.view';

/** Every note of a task or transition, oldest first, each with the notes that correct it. */
@QueryHandler(ListNotesQuery)
export class ListNotesHandler implements IQueryHandler<ListNotesQuery> {
  constructor(
    private readonly subjects: NoteSubjects,
    @InjectRepository(NoteEntity) private readonly notes: Repository<NoteEntity>,
  ) {}

  async execute({ subject, subjectId, actor }: ListNotesQuery) {
    const target = await this.subjects.find(actor, subject, subjectId);
    const rows = await this.notes.find({
      where: { subjectType: target.subject, subjectId: target.subjectId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const corrections = new Map<string, string[]>();
    for (const n of rows)
      if (n.corrects) corrections.set(n.corrects, [...(corrections.get(n.corrects) ?? []), n.id]);
    return { items: rows.map((n) => toNoteView(n, corrections.get(n.id))), total: rows.length };
  }
}
