import { z } from 'zod';

export const CARE_EVENTS_TOPIC = 'care.events.v1';

export const careEventTypes = [
  'transition.active',
  'transition.completed',
  'transition.expired',
  'transition.cancelled',
  'transition.superseded',
  'transition.paused',
  'transition.no-outreach',
  'transition.failed',
  'event.received',
  'event.ignored',
  'pathway.selected',
  'pathway.changed',
  'step.opened',
  'step.claimed',
  'step.unclaimed',
  'step.reassigned',
  'step.retried',
  'step.completed',
  'step.cancelled',
  'step.expired',
  'step.rescheduled',
  'attempt.recorded',
  'reminder.sent',
  'breach.recorded',
  'escalation.reassign',
  'escalation.raise-priority',
  'escalation.notify',
  'readmission.detected',
  'patient.merged',
] as const;
export type CareEventType = (typeof careEventTypes)[number];

/** The statuses a transition records, each as its `transition.<status>` event. */
export type RecordedTransitionStatus = CareEventType extends infer T
  ? T extends `transition.${infer S}`
    ? S
    : never
  : never;

/**
 * What a care transition decided, one record per timeline entry. Ids and codes only: the
 * transition id names the facility and visit, never the patient.
 */
export const careEventV1Schema = z.object({
  schema: z.literal('care.event.v1'),
  eventId: z.uuid(),
  type: z.enum(careEventTypes),
  transitionId: z.string().min(1),
  facility: z.string().min(1),
  pathway: z.string().nullable(),
  stepKey: z.string().nullable(),
  occurredAt: z.iso.datetime({ offset: true }),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export type CareEventV1 = z.infer<typeof careEventV1Schema>;
