import { ApplicationFailure, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { Repository } from 'typeorm';
import type { PathwayRoleMap, Principal } from '@ct/auth';
import type { ProblemException } from '@ct/observability';
import type { TaskEntity } from '@ct/persistence';
import { claimStepUpdate } from '@ct/workflows/care-transition.messages';
import { TaskUpdates } from './task-updates';

const task = {
  id: 'task-1',
  transitionId: 'transition:RIVERSIDE:V1',
  facility: 'RIVERSIDE',
  stepKey: 'tcm-contact',
  role: 'transitional-care-nurse',
};
const actor = (facilities: string[], roles = ['transitional-care-nurse']): Principal => ({
  subject: 'nurse-1',
  roles,
  facilities,
  teams: [],
});
const roles: PathwayRoleMap = { holders: {}, supervisors: ['care-team-supervisor'] };

function setUp(outcome: () => Promise<unknown>) {
  const executeUpdate = jest.fn(outcome);
  const getHandle = jest.fn(() => ({ executeUpdate }));
  const tasks = { findOneBy: jest.fn().mockResolvedValue(task) } as unknown as Repository<TaskEntity>;
  const temporal = { workflow: { getHandle } } as unknown as Client;
  return { updates: new TaskUpdates(tasks, temporal, roles), executeUpdate, getHandle };
}

const problemOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: ProblemException) => e.getResponse() as { status: number; type: string; detail?: string },
  );
const arg = () => ({ stepKey: 'tcm-contact', claimedBy: 'nurse-1' });

describe('TaskUpdates.send', () => {
  it('answers 404 for a task outside the caller facilities, as for a missing one, and sends nothing', async () => {
    const { updates, getHandle } = setUp(() => Promise.resolve());
    expect(await problemOf(updates.send(actor(['LAKESHORE']), 'task-1', claimStepUpdate, arg))).toMatchObject(
      {
        status: 404,
        detail: 'No task with id task-1.',
      },
    );
    expect(getHandle).not.toHaveBeenCalled();
  });

  it("answers 403 naming the step's pathway role to a caller without it, and sends nothing", async () => {
    const { updates, getHandle } = setUp(() => Promise.resolve());
    const scheduler = actor(['RIVERSIDE'], ['scheduler']);
    expect(await problemOf(updates.send(scheduler, 'task-1', claimStepUpdate, arg))).toMatchObject({
      status: 403,
      detail: expect.stringContaining('needs the pathway role transitional-care-nurse'),
    });
    expect(getHandle).not.toHaveBeenCalled();
  });

  it('sends the update to the task transition, with the update id it is given', async () => {
    const { updates, executeUpdate, getHandle } = setUp(() => Promise.resolve());
    await updates.send(actor(['RIVERSIDE']), 'task-1', claimStepUpdate, arg, { updateId: 'u-1' });
    expect(getHandle).toHaveBeenCalledWith('transition:RIVERSIDE:V1');
    expect(executeUpdate).toHaveBeenCalledWith(claimStepUpdate, { args: [arg()], updateId: 'u-1' });
  });

  it("turns the workflow's refusal of a time into 422, and any other refusal into 409, with its reason", async () => {
    const refuse = (type: string, message: string) => () =>
      Promise.reject(
        new WorkflowUpdateFailedError('update failed', ApplicationFailure.create({ type, message })),
      );
    const time = setUp(refuse('InvalidTime', 'contactedAt 2099-01-01T00:00:00Z is in the future'));
    expect(await problemOf(time.updates.send(actor(['*']), 'task-1', claimStepUpdate, arg))).toMatchObject({
      status: 422,
      type: 'https://care-transitions.dev/problems/invalid-time',
      detail: 'contactedAt 2099-01-01T00:00:00Z is in the future',
    });
    const other = setUp(refuse('Error', 'step tcm-contact is not open in this transition'));
    expect(await problemOf(other.updates.send(actor(['*']), 'task-1', claimStepUpdate, arg))).toMatchObject({
      status: 409,
      detail: 'step tcm-contact is not open in this transition',
    });
  });
});
