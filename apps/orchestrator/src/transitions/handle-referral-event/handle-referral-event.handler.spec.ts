import type { ReferralEventV1 } from '@ct/contracts';
import { referralTransitionKey } from '@ct/domain';
import type { TransitionStarter } from '../transition-starter';
import { HandleReferralEventCommand } from './handle-referral-event.command';
import { HandleReferralEventHandler } from './handle-referral-event.handler';

function referral(code: string | undefined, visit: string | null = 'V1'): ReferralEventV1 {
  return {
    schema: 'referral.event.v1',
    eventId: `evt-ref-${code}`,
    type: 'referral.created',
    trigger: 'I12',
    occurredAt: '2026-11-20T16:30:00-05:00',
    facility: 'RIV',
    patient: { key: 'RIV|MRN1', identifiers: [{ id: 'MRN1' }] },
    visitNumber: visit ?? undefined,
    referral: { id: 'R9', ...(code ? { type: { code } } : {}), expiresAt: '2026-12-01T00:00:00-05:00' },
    providers: [],
    source: {
      sendingApplication: 'EPIC',
      sendingFacility: 'RIV',
      controlId: 'C1',
      messageType: 'REF^I12',
      transport: 'mllp',
    },
  };
}

describe('referral routing', () => {
  it('sends a home care referral of a visit to that visit transition', () => {
    expect(referralTransitionKey(referral('HOM'))).toBe('V1');
    expect(referralTransitionKey(referral('hh'))).toBe('V1');
  });

  it('gives every other referral, and one without a visit, a transition of its own', () => {
    expect(referralTransitionKey(referral('MED'))).toBe('referral-R9');
    expect(referralTransitionKey(referral(undefined))).toBe('referral-R9');
    expect(referralTransitionKey(referral('HOM', null))).toBe('referral-R9');
  });

  it('signals the visit and the referral type, so the workflow can tell a joining referral', async () => {
    const starter = {
      signalWithStart: jest
        .fn()
        .mockResolvedValue({ workflowId: 'transition:RIV:V1', outcome: 'started-or-signalled' }),
    };
    const handler = new HandleReferralEventHandler(starter as unknown as TransitionStarter);
    await handler.execute(new HandleReferralEventCommand(referral('HOM')));
    const [facility, key, , signal] = starter.signalWithStart.mock.calls[0];
    expect([facility, key]).toEqual(['RIV', 'V1']);
    expect(signal).toEqual({
      eventId: 'evt-ref-HOM',
      type: 'referral.created',
      occurredAt: '2026-11-20T16:30:00-05:00',
      patientKey: 'RIV|MRN1',
      referralId: 'R9',
      visitNumber: 'V1',
      referralType: 'HOM',
      expiresAt: '2026-12-01T00:00:00-05:00',
    });
  });
});
