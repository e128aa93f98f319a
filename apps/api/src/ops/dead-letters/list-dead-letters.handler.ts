import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DeadLetterEntity } from '@ct/persistence';
import { ListDeadLettersQuery, type DeadLetterView } from './list-dead-letters.query';

export function deadLetterView(row: DeadLetterEntity, now = Date.now()): DeadLetterView {
  return {
    id: row.id,
    stage: row.stage,
    status: row.status,
    code: row.code,
    reason: row.reason,
    topic: row.topic,
    partition: row.partition,
    sourceRef: row.sourceRef,
    eventId: row.eventId,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ageSeconds: Math.max(0, Math.round((now - row.createdAt.getTime()) / 1000)),
    resolvedBy: row.resolvedBy,
    resolution: row.resolution,
  };
}

/** Oldest open first: what has waited longest is what ops look at first. */
@QueryHandler(ListDeadLettersQuery)
export class ListDeadLettersHandler implements IQueryHandler<ListDeadLettersQuery> {
  constructor(@InjectRepository(DeadLetterEntity) private readonly rows: Repository<DeadLetterEntity>) {}

  async execute({ filter }: ListDeadLettersQuery) {
    const [rows, total] = await this.rows.findAndCount({
      where: { status: filter.status ?? 'open', ...(filter.stage ? { stage: filter.stage } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    const now = Date.now();
    return { total, items: rows.map((row) => deadLetterView(row, now)) };
  }
}
