import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { notFoundProblem, seesFacility, type Principal } from '@ct/auth';
import { ProblemException } from '@ct/observability';
import { TaskEntity, TransitionEntity, type NoteSubject } from '@ct/persistence';
import { findScopedTask } from '../tasks/scoped-task';

/** What a note is about, once the caller is known to see it. */
export interface NoteTarget {
  subject: NoteSubject;
  subjectId: string;
  transitionId: string;
  facility: string;
}

/** Finds a note's task or transition within the caller's facilities; else the 404 of a missing one. */
@Injectable()
export class NoteSubjects {
  constructor(
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(TransitionEntity) private readonly transitions: Repository<TransitionEntity>,
  ) {}

  async find(actor: Principal, subject: NoteSubject, id: string): Promise<NoteTarget> {
    if (subject === 'task') {
      const task = await findScopedTask(this.tasks, actor, id);
      return { subject, subjectId: task.id, transitionId: task.transitionId, facility: task.facility };
    }
    const transition = await this.transitions.findOneBy({ id });
    if (!transition || !seesFacility(actor, transition.facility))
      throw new ProblemException(notFoundProblem('Transition', id));
    return { subject, subjectId: transition.id, transitionId: transition.id, facility: transition.facility };
  }
}
