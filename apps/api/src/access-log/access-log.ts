import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AccessOutcome } from '@ct/persistence';
import { ProblemException } from '@ct/observability';

/** One read of patient context, as the access_log table keeps it. */
export interface AccessEntry {
  subject: string;
  patientKey: string;
  facility: string;
  taskId: string | null;
  transitionId: string | null;
  route: string;
  requestId: string;
}

/** The request a read came through: its route template and correlation id. */
export interface AccessRequest {
  route: string;
  requestId: string;
}

/** Writes the access log; a disclosure is recorded before the response, or not made at all. */
@Injectable()
export class AccessLog {
  private readonly logger = new Logger(AccessLog.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records a read about to be answered; a 503 if it cannot be, so no read goes unrecorded. */
  async disclosed(entry: AccessEntry): Promise<void> {
    try {
      await this.insert(entry, 'disclosed');
    } catch (error) {
      this.logger.error({ requestId: entry.requestId, err: String(error) }, 'access log write failed');
      throw new ProblemException({
        type: 'https://care-transitions.dev/problems/access-log-unavailable',
        title: 'Access log unavailable',
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail:
          'Patient context is shown only once its read is recorded, and the access log could not be written. Retry shortly.',
      });
    }
  }

  /**
   * Records a read refused for scope (answered 404). Best effort: a failure is logged, never
   * answered otherwise, since a 503 here would tell the caller the row exists.
   */
  async refused(entry: AccessEntry): Promise<void> {
    await this.insert(entry, 'refused').catch((error: unknown) =>
      this.logger.warn({ requestId: entry.requestId, err: String(error) }, 'refused read not recorded'),
    );
  }

  private async insert(entry: AccessEntry, outcome: AccessOutcome): Promise<void> {
    await this.db.query(
      `INSERT INTO access_log (subject, patient_key, facility, task_id, transition_id, route, request_id, outcome)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.subject,
        entry.patientKey,
        entry.facility,
        entry.taskId,
        entry.transitionId,
        entry.route,
        entry.requestId,
        outcome,
      ],
    );
  }
}
