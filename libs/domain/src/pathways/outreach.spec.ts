import { outreachMet, type OutreachAttemptFact } from './outreach';

const rule = { unsuccessfulToMeet: 2 };
// discharge Friday 16:30 New York; due at the end of Tuesday (2 business days)
const window = { from: '2055-01-08T21:30:00.000Z', until: '2055-01-13T05:00:00.000Z' };
const attempt = (outcome: OutreachAttemptFact['outcome'], contactedAt: string): OutreachAttemptFact => ({
  outcome,
  contactedAt,
});

describe('outreachMet (CMS TCM interactive contact)', () => {
  it('is not met by nothing, or by one unsuccessful attempt in the window', () => {
    expect(outreachMet(rule, [], window)).toBeUndefined();
    expect(outreachMet(rule, [attempt('no-answer', '2055-01-11T15:00:00.000Z')], window)).toBeUndefined();
  });

  it('is met by two unsuccessful attempts in the window, at the second one (in time order)', () => {
    const attempts = [
      attempt('left-message', '2055-01-12T15:00:00.000Z'),
      attempt('no-answer', '2055-01-11T15:00:00.000Z'),
    ];
    expect(outreachMet(rule, attempts, window)).toEqual({
      metBy: 'attempts',
      at: '2055-01-12T15:00:00.000Z',
      inWindow: true,
    });
  });

  it('does not count unsuccessful attempts after the window', () => {
    const attempts = [
      attempt('no-answer', '2055-01-11T15:00:00.000Z'),
      attempt('wrong-number', '2055-01-13T05:00:00.001Z'),
      attempt('declined', '2055-01-14T15:00:00.000Z'),
    ];
    expect(outreachMet(rule, attempts, window)).toBeUndefined();
  });

  it('counts an attempt exactly at the deadline', () => {
    const attempts = [
      attempt('no-answer', '2055-01-11T15:00:00.000Z'),
      attempt('no-answer', '2055-01-13T05:00:00.000Z'),
    ];
    expect(outreachMet(rule, attempts, window)?.metBy).toBe('attempts');
  });

  it('is met by a contact in the window at once, before any count', () => {
    const attempts = [attempt('reached', '2055-01-11T15:00:00.000Z')];
    expect(outreachMet(rule, attempts, window)).toEqual({
      metBy: 'contact',
      at: '2055-01-11T15:00:00.000Z',
      inWindow: true,
    });
  });

  it('a contact after the window completes the step, late', () => {
    const attempts = [
      attempt('no-answer', '2055-01-11T15:00:00.000Z'),
      attempt('reached', '2055-01-14T15:00:00.000Z'),
    ];
    expect(outreachMet(rule, attempts, window)).toEqual({
      metBy: 'contact',
      at: '2055-01-14T15:00:00.000Z',
      inWindow: false,
    });
  });

  it('takes the rule from the definition: one attempt when the step says 1', () => {
    const attempts = [attempt('declined', '2055-01-11T15:00:00.000Z')];
    expect(outreachMet({ unsuccessfulToMeet: 1 }, attempts, window)?.metBy).toBe('attempts');
  });
});
