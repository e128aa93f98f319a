import { randomBytes } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { seesFacility } from '@ct/auth';
import { ProblemException } from '@ct/observability';
import { WebhookSubscriptionEntity } from '@ct/persistence';
import { toWebhookSubscriptionView } from '../webhook-subscription.view';
import { CreateWebhookCommand } from './create-webhook.command';

/** A subscription for one of the caller's facilities; its secret is answered once and never again. */
@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<CreateWebhookCommand> {
  constructor(
    @InjectRepository(WebhookSubscriptionEntity)
    private readonly rows: Repository<WebhookSubscriptionEntity>,
  ) {}

  async execute({ request, actor }: CreateWebhookCommand) {
    if (!seesFacility(actor, request.facility)) {
      throw new ProblemException({
        type: 'https://care-transitions.dev/problems/facility-out-of-scope',
        title: 'Facility outside your scope',
        status: 400,
        detail:
          request.facility === '*'
            ? 'Only a caller granted every facility may subscribe to all; name one of your facilities.'
            : `Name one of the facilities your token grants; ${request.facility} is not one of them.`,
      });
    }
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const row = await this.rows.save(
      this.rows.create({
        facility: request.facility,
        team: request.team ?? null,
        role: request.role ?? null,
        eventKinds: request.eventKinds,
        url: request.url,
        description: request.description ?? null,
        secret,
        enabled: true,
        createdBy: actor.subject,
      }),
    );
    return { ...toWebhookSubscriptionView(row), secret };
  }
}
