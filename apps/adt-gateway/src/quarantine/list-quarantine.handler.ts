import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { InboundMessageEntity } from '@ct/persistence';
import { ListQuarantineQuery } from './list-quarantine.query';

/** Newest first: what an interface analyst looks at after a sender reports NAKs. */
@QueryHandler(ListQuarantineQuery)
export class ListQuarantineHandler implements IQueryHandler<ListQuarantineQuery> {
  constructor(
    @InjectRepository(InboundMessageEntity) private readonly messages: Repository<InboundMessageEntity>,
  ) {}

  async execute({ filter }: ListQuarantineQuery) {
    const [rows, total] = await this.messages.findAndCount({
      where: { status: filter.status ?? In(['rejected', 'failed']) },
      order: { receivedAt: 'DESC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return {
      total,
      items: rows.map((row) => ({
        id: row.id,
        sender: row.sender,
        controlId: row.controlId,
        transport: row.transport,
        authenticatedAs: row.authenticatedAs,
        messageType: row.messageType,
        status: row.status,
        reason: row.reason,
        receivedAt: row.receivedAt.toISOString(),
      })),
    };
  }
}
