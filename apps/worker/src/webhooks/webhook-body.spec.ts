import type { CareEventV1, WebhookEventKind } from '@ct/contracts';
import { webhookBodyV1Schema } from '@ct/contracts';
import { eventRole, webhookBody } from './webhook-body';

const event = (
  type: WebhookEventKind,
  detail: CareEventV1['detail'],
): CareEventV1 & { type: WebhookEventKind } => ({
  schema: 'care.event.v1',
  eventId: '00000000-0000-4000-8000-000000000001',
  type,
  transitionId: 'transition:RIVERSIDE:V 1',
  facility: 'RIVERSIDE',
  pathway: 'tcm-discharge-home',
  stepKey: 'tcm-contact',
  occurredAt: '2026-12-04T21:00:00.000Z',
  detail,
});
const task = { id: '00000000-0000-4000-8000-0000000000aa', role: 'transitional-care-nurse' };

describe('webhook body', () => {
  it("names the escalation's target as the role, else the step's", () => {
    expect(eventRole(event('escalation.notify', { rung: 2, target: 'care-team-lead' }), task)).toBe(
      'care-team-lead',
    );
    expect(eventRole(event('escalation.raise-priority', { rung: 1, target: 'urgent' }), task)).toBe(
      'transitional-care-nurse',
    );
    expect(eventRole(event('reminder.sent', { role: 'scheduler' }), undefined)).toBe('scheduler');
    expect(eventRole(event('breach.recorded', {}), undefined)).toBeNull();
  });

  it('picks ids, codes and times, never the free text of the detail, and links into the console', () => {
    const body = webhookBody(
      event('breach.recorded', { dueAt: '2026-12-07T05:00:00.000Z', reason: 'free text', extra: 'x' }),
      task,
      'east-team',
      'https://ct.example.org/console',
    );
    expect(webhookBodyV1Schema.parse(body)).toEqual(body);
    expect(JSON.stringify(body)).not.toContain('free text');
    expect(body.data).toMatchObject({
      taskId: task.id,
      team: 'east-team',
      dueAt: '2026-12-07T05:00:00.000Z',
      overdue: false,
      rung: null,
      links: {
        transition: 'https://ct.example.org/console/transitions/transition%3ARIVERSIDE%3AV%201',
        task: `https://ct.example.org/console/transitions/transition%3ARIVERSIDE%3AV%201#task-${task.id}`,
      },
    });
  });
});
