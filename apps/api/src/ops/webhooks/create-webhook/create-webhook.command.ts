import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import type { Principal } from '@ct/auth';
import { webhookEventKinds } from '@ct/contracts';
import { webhookSubscriptionSchema } from '../webhook-subscription.view';
import { webhookUrlSchema } from '../webhook-url';

const code = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'a code: letters, digits, "_", ".", ":" or "-"');

export const createWebhookRequestSchema = z
  .object({
    /** A facility id, or `*` for every facility (only for a caller granted every facility). */
    facility: z.union([code, z.literal('*')]),
    /** Routing label sent in the body (tasks carry no team yet, so it does not filter). */
    team: code.optional(),
    /** Only events of steps with this pathway role (or escalations to it). */
    role: code.optional(),
    eventKinds: z
      .array(z.enum(webhookEventKinds))
      .min(1)
      .refine((kinds) => new Set(kinds).size === kinds.length, 'each kind once'),
    url: webhookUrlSchema,
    description: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .meta({ id: 'CreateWebhookSubscription' });
export type CreateWebhookRequest = z.infer<typeof createWebhookRequestSchema>;

export const createdWebhookSchema = webhookSubscriptionSchema
  .extend({
    /** `whsec_…`: verify every delivery with it. Shown this once; a lost secret means a new subscription. */
    secret: z.string(),
  })
  .meta({ id: 'CreatedWebhookSubscription' });

export class CreateWebhookCommand extends Command<z.infer<typeof createdWebhookSchema>> {
  constructor(
    readonly request: CreateWebhookRequest,
    readonly actor: Principal,
  ) {
    super();
  }
}
