import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, RequireRoles, Role, type Principal } from '@ct/auth';
import { ApiZodResponse, ZodValidationPipe } from '@ct/observability';
import { ChangeWebhookCommand } from './change-webhook/change-webhook.command';
import {
  CreateWebhookCommand,
  createdWebhookSchema,
  createWebhookRequestSchema,
  type CreateWebhookRequest,
} from './create-webhook/create-webhook.command';
import {
  ListWebhooksQuery,
  listWebhooksFilterSchema,
  webhookSubscriptionListSchema,
  type ListWebhooksFilter,
} from './list-webhooks/list-webhooks.query';
import { webhookSubscriptionSchema } from './webhook-subscription.view';

/** Ops: who the worker tells of reminders, breaches and escalations (docs/notifications.md). */
@ApiTags('ops')
@ApiBearerAuth()
@RequireRoles(Role.Ops)
@Controller('api/v1/ops/webhooks')
export class WebhooksHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOperation({ summary: "Webhook subscriptions of the caller's facilities, newest first (no secrets)" })
  @ApiZodResponse(200, webhookSubscriptionListSchema, 'Subscriptions with their delivery counts')
  list(
    @Query(new ZodValidationPipe(listWebhooksFilterSchema)) filter: ListWebhooksFilter,
    @Actor() actor: Principal,
  ) {
    return this.queries.execute(new ListWebhooksQuery(filter, actor));
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Subscribe a URL to event kinds of a facility; the answer holds the signing secret, once',
  })
  @ApiZodResponse(201, createdWebhookSchema, 'The subscription and its secret (shown this once)')
  create(
    @Body(new ZodValidationPipe(createWebhookRequestSchema)) body: CreateWebhookRequest,
    @Actor() actor: Principal,
  ) {
    return this.commands.execute(new CreateWebhookCommand(body, actor));
  }

  @Post(':id/disable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Stop sending; new events are not planned and pending deliveries wait' })
  @ApiZodResponse(200, webhookSubscriptionSchema, 'The subscription, now disabled')
  disable(@Param('id', new ParseUUIDPipe()) id: string, @Actor() actor: Principal) {
    return this.commands.execute(new ChangeWebhookCommand(id, 'disable', actor));
  }

  @Post(':id/enable')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Send again, starting with the deliveries that waited' })
  @ApiZodResponse(200, webhookSubscriptionSchema, 'The subscription, now enabled')
  enable(@Param('id', new ParseUUIDPipe()) id: string, @Actor() actor: Principal) {
    return this.commands.execute(new ChangeWebhookCommand(id, 'enable', actor));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a subscription and its deliveries (its dead letters stay)' })
  async remove(@Param('id', new ParseUUIDPipe()) id: string, @Actor() actor: Principal): Promise<void> {
    await this.commands.execute(new ChangeWebhookCommand(id, 'delete', actor));
  }
}
