import type { CareEventV1, WebhookBodyV1, WebhookEventKind } from '@ct/contracts';

/** The task a care event is about, as the worker's read model has it. */
export interface EventTask {
  id: string;
  role: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The pathway role an event concerns: an escalation's target, else the step's role. */
export function eventRole(event: CareEventV1, task: EventTask | undefined): string | null {
  const escalatesTo = event.type === 'escalation.notify' || event.type === 'escalation.reassign';
  return (escalatesTo ? text(event.detail.target) : null) ?? text(event.detail.role) ?? task?.role ?? null;
}

/**
 * What a receiver gets: the event's ids, codes and times, picked field by field from the care
 * event (never its whole detail), and links into the console. No patient data.
 */
export function webhookBody(
  event: CareEventV1 & { type: WebhookEventKind },
  task: EventTask | undefined,
  team: string | null,
  consoleUrl: string,
): WebhookBodyV1 {
  const transition = `${consoleUrl}/transitions/${encodeURIComponent(event.transitionId)}`;
  const rung = event.detail.rung;
  return {
    type: event.type,
    timestamp: event.occurredAt,
    data: {
      eventId: event.eventId,
      transitionId: event.transitionId,
      facility: event.facility,
      pathway: event.pathway,
      stepKey: event.stepKey,
      taskId: task?.id ?? null,
      role: eventRole(event, task),
      team,
      dueAt: text(event.detail.dueAt),
      overdue: event.detail.overdue === true,
      rung: typeof rung === 'number' && Number.isInteger(rung) ? rung : null,
      links: { transition, task: task ? `${transition}#task-${task.id}` : null },
    },
  };
}
