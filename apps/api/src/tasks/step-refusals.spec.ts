import { ApplicationFailure } from '@temporalio/client';
import type { ProblemException } from '@ct/observability';
import { etagOf, parseIfMatch } from './if-match';
import { stepRefusalOf, stepRefusalProblem } from './step-refusals';

const failure = (type: string, holder: string | null = 'nurse-a') =>
  ApplicationFailure.create({
    type,
    message: 'm',
    details: [{ stepKey: 'tcm-contact', holder, revision: 4 }],
  });

describe('step refusals and If-Match', () => {
  it('reads the ETag back from If-Match, weak or strong; none or * is no check; anything else is a 400', () => {
    expect(parseIfMatch(etagOf(7))).toBe(7);
    expect(parseIfMatch('"7"')).toBe(7);
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
    for (const bad of ['7', 'W/"a"', '"1", "2"', '']) {
      const thrown = (() => {
        try {
          return parseIfMatch(bad);
        } catch (error) {
          return error as ProblemException;
        }
      })() as ProblemException;
      expect(thrown.getStatus()).toBe(400);
      expect(thrown.getResponse()).toMatchObject({ title: 'If-Match is not an ETag of this task' });
    }
  });

  it('answers a held step 409 naming the holder, a stale revision 412 with the current ETag', () => {
    const held = stepRefusalProblem('t-1', stepRefusalOf(failure('StepHeld'))!);
    expect(held.getStatus()).toBe(409);
    expect(held.getResponse()).toMatchObject({ detail: expect.stringContaining('claimed by nurse-a') });
    const stale = stepRefusalProblem('t-1', stepRefusalOf(failure('StaleRevision'))!);
    expect(stale.getStatus()).toBe(412);
    expect(stale.getResponse()).toMatchObject({ detail: expect.stringContaining('If-Match: W/"4"') });
    expect(stepRefusalProblem('t-1', stepRefusalOf(failure('StepNotClaimed', null))!).getStatus()).toBe(409);
  });

  it('leaves other refusals (a step not open, a bad outcome) to the generic 409', () => {
    expect(stepRefusalOf(ApplicationFailure.create({ type: 'Error', message: 'not open' }))).toBeUndefined();
    expect(stepRefusalOf(new Error('x'))).toBeUndefined();
  });
});
