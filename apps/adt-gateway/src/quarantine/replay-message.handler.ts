import { HttpStatus } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ProblemException } from '@ct/observability';
import { InboundMessageEntity } from '@ct/persistence';
import { ProcessMessageCommand } from '../fhir/process-message.command';
import { IngestMessageCommand } from '../ingest/ingest-message.command';
import { ReplayMessageCommand } from './replay-message.command';

/**
 * Replays the stored raw message as if the sender had resent it: same sender, MSH-10 and
 * authenticated peer, so a
 * replay of something already published is acknowledged without publishing it twice.
 */
@CommandHandler(ReplayMessageCommand)
export class ReplayMessageHandler implements ICommandHandler<ReplayMessageCommand> {
  constructor(
    @InjectRepository(InboundMessageEntity) private readonly messages: Repository<InboundMessageEntity>,
    private readonly commands: CommandBus,
  ) {}

  async execute({ inboundMessageId }: ReplayMessageCommand) {
    const message = await this.messages.findOneBy({ id: inboundMessageId });
    if (!message) {
      throw new ProblemException({
        type: 'https://care-transitions.dev/problems/not-found',
        title: 'Message not found',
        status: HttpStatus.NOT_FOUND,
        detail: `No archived message with id ${inboundMessageId}.`,
      });
    }
    if (message.transport === 'fhir') {
      const result = await this.commands.execute(
        new ProcessMessageCommand(message.raw, message.authenticatedAs),
      );
      return { outcome: result.outcome, inboundMessageId: result.inboundMessageId, answer: result.body };
    }
    const result = await this.commands.execute(
      new IngestMessageCommand(message.raw, 'replay', message.authenticatedAs),
    );
    return { outcome: result.outcome, inboundMessageId: result.inboundMessageId, answer: result.ack };
  }
}
