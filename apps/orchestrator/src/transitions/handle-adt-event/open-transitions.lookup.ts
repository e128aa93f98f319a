import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { TransitionEntity, type TransitionStatus } from '@ct/persistence';

/**
 * The patient's transitions that can still change, from the read model the worker keeps
 * (indexed by patient_key): how an admission or a merge on another visit finds them.
 */
@Injectable()
export class OpenTransitionsLookup {
  constructor(
    @InjectRepository(TransitionEntity) private readonly transitions: Repository<TransitionEntity>,
  ) {}

  async idsFor(patientKey: string, statuses: TransitionStatus[] = ['active', 'paused']): Promise<string[]> {
    const rows = await this.transitions.find({
      select: { id: true },
      where: { patientKey, status: In(statuses) },
    });
    return rows.map((row) => row.id);
  }

  /** The row of one transition: how it ended, if it did. */
  async statusOf(id: string): Promise<{ status: TransitionStatus; reason: string | null } | undefined> {
    const row = await this.transitions.findOne({ select: { status: true, reason: true }, where: { id } });
    return row ? { status: row.status, reason: row.reason } : undefined;
  }
}
