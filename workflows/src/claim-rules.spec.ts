import { ApplicationFailure } from '@temporalio/workflow';
import { checkClaim, checkCompleter, checkReassign, checkUnclaim } from './claim-rules';
import type { OpenStep } from './transition-state';

const step = (extra: Partial<OpenStep> = {}): OpenStep => ({
  key: 'tcm-contact',
  status: 'open',
  role: 'transitional-care-nurse',
  priority: 'routine',
  openedAt: '2055-01-08T21:30:00.000Z',
  dueAt: '2055-01-11T05:00:00.000Z',
  reminded: false,
  breached: false,
  rungsDone: 0,
  revision: 3,
  ...extra,
});

/** The refusal a rule throws: its type and details, or `undefined` if it lets the change through. */
function refusal(check: () => void) {
  try {
    check();
    return undefined;
  } catch (error) {
    if (!(error instanceof ApplicationFailure)) throw error;
    return { type: error.type, details: error.details?.[0], nonRetryable: error.nonRetryable };
  }
}

describe('claim rules', () => {
  it('lets anyone claim an unclaimed step, at the revision they saw or without If-Match', () => {
    expect(refusal(() => checkClaim(step(), { stepKey: 'tcm-contact', claimedBy: 'a' }))).toBeUndefined();
    expect(
      refusal(() => checkClaim(step(), { stepKey: 'tcm-contact', claimedBy: 'a', ifMatch: 3 })),
    ).toBeUndefined();
  });

  it("refuses another's claim of a claimed step, naming the holder, whatever If-Match says", () => {
    const held = step({ claimedBy: 'a' });
    for (const ifMatch of [undefined, 3, 2]) {
      expect(refusal(() => checkClaim(held, { stepKey: 'tcm-contact', claimedBy: 'b', ifMatch }))).toEqual({
        type: 'StepHeld',
        details: { stepKey: 'tcm-contact', holder: 'a', revision: 3 },
        nonRetryable: true,
      });
    }
  });

  it('takes the holder claiming again as a no-op, even with a stale If-Match (a retried request)', () => {
    const held = step({ claimedBy: 'a' });
    expect(
      refusal(() => checkClaim(held, { stepKey: 'tcm-contact', claimedBy: 'a', ifMatch: 1 })),
    ).toBeUndefined();
  });

  it('refuses a claim whose If-Match is not the current revision', () => {
    expect(
      refusal(() => checkClaim(step(), { stepKey: 'tcm-contact', claimedBy: 'a', ifMatch: 2 })),
    ).toMatchObject({
      type: 'StaleRevision',
      details: { revision: 3, holder: null },
    });
  });

  it('counts a step from before revisions as revision 0', () => {
    const old = step({ revision: undefined });
    expect(
      refusal(() => checkClaim(old, { stepKey: 'tcm-contact', claimedBy: 'a', ifMatch: 0 })),
    ).toBeUndefined();
  });

  it('lets only the holder unclaim; nobody can unclaim an unclaimed step', () => {
    const held = step({ claimedBy: 'a' });
    expect(refusal(() => checkUnclaim(held, { stepKey: 'tcm-contact', by: 'a' }))).toBeUndefined();
    expect(refusal(() => checkUnclaim(held, { stepKey: 'tcm-contact', by: 'b' }))).toMatchObject({
      type: 'StepHeld',
      details: { holder: 'a' },
    });
    expect(refusal(() => checkUnclaim(step(), { stepKey: 'tcm-contact', by: 'a' }))).toMatchObject({
      type: 'StepNotClaimed',
    });
    expect(refusal(() => checkUnclaim(held, { stepKey: 'tcm-contact', by: 'a', ifMatch: 9 }))).toMatchObject({
      type: 'StaleRevision',
    });
  });

  it('lets a reassignment move any claim, checking only the revision', () => {
    const request = { stepKey: 'tcm-contact', assignee: 'c', reason: 'absence' as const, by: 'sup' };
    expect(refusal(() => checkReassign(step({ claimedBy: 'a' }), request))).toBeUndefined();
    expect(refusal(() => checkReassign(step(), { ...request, ifMatch: 2 }))).toMatchObject({
      type: 'StaleRevision',
    });
  });

  it('lets the holder or a supervisor complete a claimed step, anyone (with the role) an unclaimed one', () => {
    const held = step({ claimedBy: 'a' });
    const by = (completedBy: string, supervisor?: boolean) =>
      refusal(() => checkCompleter(held, { stepKey: 'tcm-contact', outcome: 'x', completedBy, supervisor }));
    expect(by('a')).toBeUndefined();
    expect(by('sup', true)).toBeUndefined();
    expect(by('b')).toMatchObject({ type: 'StepHeld', details: { holder: 'a' } });
    expect(
      refusal(() => checkCompleter(step(), { stepKey: 'tcm-contact', outcome: 'x', completedBy: 'b' })),
    ).toBeUndefined();
    expect(
      refusal(() =>
        checkCompleter(held, { stepKey: 'tcm-contact', outcome: 'x', completedBy: 'a', ifMatch: 2 }),
      ),
    ).toMatchObject({ type: 'StaleRevision' });
  });
});
