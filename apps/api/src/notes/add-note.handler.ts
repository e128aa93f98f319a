import { HttpStatus } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ProblemException } from '@ct/observability';
import { NoteEntity } from '@ct/persistence';
import { AddNoteCommand } from './add-note.command';
import { NoteSubjects } from './note-subject';
import { toNoteView } from './note.view';

/** Appends a note; a correction must name a note of the same task or transition. */
@CommandHandler(AddNoteCommand)
export class AddNoteHandler implements ICommandHandler<AddNoteCommand> {
  constructor(
    private readonly subjects: NoteSubjects,
    @InjectRepository(NoteEntity) private readonly notes: Repository<NoteEntity>,
  ) {}

  async execute({ subject, subjectId, actor, request }: AddNoteCommand) {
    const target = await this.subjects.find(actor, subject, subjectId);
    if (request.corrects) {
      const corrected = await this.notes.findOneBy({
        id: request.corrects,
        subjectType: target.subject,
        subjectId: target.subjectId,
      });
      if (!corrected) {
        throw new ProblemException({
          type: 'https://care-transitions.dev/problems/unknown-note',
          title: 'The note to correct is not a note of this ' + subject,
          status: HttpStatus.UNPROCESSABLE_ENTITY,
          detail: `No note ${request.corrects} on this ${subject}; list its notes and name one of them in corrects.`,
        });
      }
    }
    const note = await this.notes.save(
      this.notes.create({
        subjectType: target.subject,
        subjectId: target.subjectId,
        transitionId: target.transitionId,
        facility: target.facility,
        author: actor.subject,
        text: request.text,
        corrects: request.corrects ?? null,
      }),
    );
    return toNoteView(note);
  }
}
