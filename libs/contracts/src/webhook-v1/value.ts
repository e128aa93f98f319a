import { z } from 'zod';
import type { CareEventType } from '../care-events-v1';

/** The care events a hospital can be told of by webhook: reminders, breaches, escalations. */
export const webhookEventKinds = [
  'reminder.sent',
  'breach.recorded',
  'escalation.reassign',
  'escalation.raise-priority',
  'escalation.notify',
] as const satisfies readonly CareEventType[];
export type WebhookEventKind = (typeof webhookEventKinds)[number];

export const isWebhookEventKind = (type: string): type is WebhookEventKind =>
  (webhookEventKinds as readonly string[]).includes(type);

/**
 * The body of a webhook delivery (Standard Webhooks shape: type, timestamp, data). Ids, codes,
 * times and console links only: a receiver that needs the patient opens the link and signs in.
 */
export const webhookBodyV1Schema = z
  .object({
    type: z.enum(webhookEventKinds),
    timestamp: z.iso.datetime({ offset: true }),
    data: z.object({
      eventId: z.uuid(),
      transitionId: z.string(),
      facility: z.string(),
      pathway: z.string().nullable(),
      stepKey: z.string().nullable(),
      taskId: z.uuid().nullable(),
      /** The pathway role the step is with, or the one an escalation is for. */
      role: z.string().nullable(),
      /** The subscription's team, for the receiver's routing (tasks carry no team yet). */
      team: z.string().nullable(),
      dueAt: z.iso.datetime({ offset: true }).nullable(),
      overdue: z.boolean(),
      rung: z.number().int().nullable(),
      links: z.object({ transition: z.url(), task: z.url().nullable() }),
    }),
  })
  .meta({ id: 'WebhookBodyV1' });
export type WebhookBodyV1 = z.infer<typeof webhookBodyV1Schema>;
