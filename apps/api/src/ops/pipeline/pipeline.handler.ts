import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { deadLetterStages } from '@ct/persistence';
import { GetPipelineQuery, type Pipeline, type StageDeadLetters } from './pipeline.query';

const STAGES: readonly StageDeadLetters['stage'][] = deadLetterStages;

const ageSeconds = (at: Date | null, now: Date) =>
  at ? Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000)) : null;

/** The outbox's backlog (ix_outbox_unsent) and the dead letters waiting on ops, by stage. */
@QueryHandler(GetPipelineQuery)
export class GetPipelineHandler implements IQueryHandler<GetPipelineQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute(): Promise<Pipeline> {
    const now = new Date();
    const [[outbox], letters] = await Promise.all([
      this.db.query<{ unsent: string; oldest: Date | null; dead_lettered: string }[]>(
        `SELECT count(*) FILTER (WHERE dead_lettered_at IS NULL) AS unsent,
           min(created_at) FILTER (WHERE dead_lettered_at IS NULL) AS oldest,
           count(*) FILTER (WHERE dead_lettered_at IS NOT NULL) AS dead_lettered
         FROM outbox WHERE sent_at IS NULL`,
      ),
      this.db.query<{ stage: string; open: string; oldest: Date | null; pending: string }[]>(
        `SELECT stage, count(*) FILTER (WHERE status = 'open') AS open,
           min(created_at) FILTER (WHERE status = 'open') AS oldest,
           count(*) FILTER (WHERE status IN ('replay-requested', 'replaying')) AS pending
         FROM dead_letters WHERE status IN ('open', 'replay-requested', 'replaying') GROUP BY stage`,
      ),
    ]);
    const byStage = new Map(letters.map((row) => [row.stage, row]));
    return {
      generatedAt: now.toISOString(),
      outbox: {
        unsent: Number(outbox.unsent),
        oldestUnsentAt: outbox.oldest?.toISOString() ?? null,
        oldestUnsentAgeSeconds: ageSeconds(outbox.oldest, now),
        deadLettered: Number(outbox.dead_lettered),
      },
      deadLetters: STAGES.map((stage) => {
        const row = byStage.get(stage);
        return {
          stage,
          open: Number(row?.open ?? 0),
          oldestOpenAt: row?.oldest?.toISOString() ?? null,
          oldestOpenAgeSeconds: ageSeconds(row?.oldest ?? null, now),
          replayPending: Number(row?.pending ?? 0),
        };
      }),
    };
  }
}
