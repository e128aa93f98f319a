import type { ChildProcess } from 'node:child_process';
import { DateTime } from 'luxon';
import { Role } from '@ct/auth';
import { adtMessage } from '@ct/hl7/testing';
import { transitionWorkflowId } from '@ct/temporal';
import { callerHeaders } from '../support/auth';
import { eventually, exited, outputOf, spawnApp } from '../support/processes';
import { postHl7 } from '../support/gateway';
import { startSystem, type RunningSystem } from '../support/system';

interface Task {
  id: string;
  transitionId: string;
  status: string;
  assignee: string | null;
  revision: number;
}
interface Problem {
  status: number;
  type: string;
  title: string;
  detail: string;
}

const NURSE = [Role.Coordinator, 'transitional-care-nurse'];
const SUPERVISOR = [Role.Coordinator, 'care-team-supervisor'];
const MISSING = '00000000-0000-4000-8000-000000000000';

/** Claims through every app on the real servers: HL7 discharge → task → claim rules in the workflow. */
describe('claiming tasks: scope, roles, claims that cannot be stolen, If-Match (real servers)', () => {
  let system: RunningSystem;
  let worker: ChildProcess;
  let facility: string;

  const as = (subject: string, roles = NURSE, facilities?: string[]) =>
    callerHeaders(subject, roles, facilities);
  const post = async (
    path: string,
    headers: Record<string, string>,
    body: unknown = {},
  ): Promise<{ status: number; etag: string | null; body: Record<string, unknown> }> => {
    const response = await fetch(`${system.apiUrl}/api/v1/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    return { status: response.status, etag: response.headers.get('etag'), body: json };
  };
  const get = async (path: string, headers: Record<string, string>) => {
    const response = await fetch(`${system.apiUrl}/api/v1/${path}`, { headers });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  /** The task as the read model has it now. */
  const taskNow = async (task: Task): Promise<Task> => {
    const query = `transitionId=${encodeURIComponent(task.transitionId)}&stepKey=tcm-contact&status=any`;
    const { body } = await get(`tasks?${query}`, await as('reader', [Role.Coordinator]));
    return (body.items as Task[])[0];
  };
  const withoutRequest = ({ instance: _i, correlationId: _c, ...problem }: Record<string, unknown>) =>
    problem;

  /** A discharge of its own (each test has its visit) and its open contact task. */
  const contactTask = async (visit: string): Promise<Task> => {
    const discharge = adtMessage({
      trigger: 'A03',
      controlId: `TC-${visit}`,
      sendingFacility: facility,
      patient: { identifiers: [{ id: `MRN${visit}`, assigningAuthority: facility, typeCode: 'MR' }] },
      visit: {
        patientClass: 'I',
        visitNumber: { id: visit },
        location: { facility },
        dischargeDisposition: '01',
        dischargeAt: DateTime.now().setZone('America/New_York').toFormat('yyyyLLddHHmmss'),
      },
    });
    expect((await postHl7(system.gatewayUrl, discharge)).status).toBe(200);
    const transitionId = transitionWorkflowId(facility, visit);
    return eventually(async () => {
      const task = await taskNow({ transitionId } as Task);
      return task?.status === 'open' ? task : undefined;
    }, `the contact task of ${visit}`).catch((error: Error) => {
      throw new Error(`${error.message}\nworker output:\n${outputOf(worker)}`);
    });
  };

  beforeAll(async () => {
    system = await startSystem();
    facility = `CL${system.runId}`.toUpperCase();
    worker = spawnApp('worker', system.env);
  });
  afterAll(async () => {
    worker?.kill('SIGTERM');
    if (worker) await exited(worker);
    await system?.stop();
  });

  it('two nurses claim at once: exactly one wins, the other gets 409 naming the holder', async () => {
    const task = await contactTask('V1');
    expect(task).toMatchObject({ status: 'open', assignee: null, revision: 1 });
    const [a, b] = await Promise.all([
      post(`tasks/${task.id}/claim`, await as('nurse-a')),
      post(`tasks/${task.id}/claim`, await as('nurse-b')),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    expect(won.body).toEqual({
      stepKey: 'tcm-contact',
      assignee: expect.stringMatching(/^nurse-[ab]$/),
      revision: 2,
    });
    expect(won.etag).toBe('W/"2"');
    expect(lost.body).toMatchObject({
      status: 409,
      type: 'https://care-transitions.dev/problems/task-held',
      detail: expect.stringContaining(`claimed by ${String(won.body.assignee)}`),
    });
    expect(await taskNow(task)).toMatchObject({
      status: 'claimed',
      assignee: won.body.assignee,
      revision: 2,
    });
    // the holder claiming again changes nothing
    const again = await post(`tasks/${task.id}/claim`, await as(won.body.assignee as string));
    expect([again.status, again.body.revision, again.etag]).toEqual([200, 2, 'W/"2"']);
  });

  it('a task or transition of a facility outside the token is a 404 like a missing one; without the role, 403', async () => {
    const task = await contactTask('V2');
    const elsewhere = await as('nurse-x', NURSE, ['SOMEWHERE-ELSE']);
    const outside = await post(`tasks/${task.id}/claim`, elsewhere);
    const missing = await post(`tasks/${MISSING}/claim`, elsewhere);
    expect(outside.status).toBe(404);
    expect(withoutRequest(outside.body)).toEqual({
      ...withoutRequest(missing.body),
      detail: `No task with id ${task.id}.`,
    });
    expect((await post(`tasks/${task.id}/complete`, elsewhere, { outcome: 'reached-patient' })).status).toBe(
      404,
    );

    const transitionPath = `transitions/${encodeURIComponent(task.transitionId)}`;
    const ops = (facilities: string[]) => callerHeaders('ops-x', [Role.Ops], facilities);
    const hidden = await get(transitionPath, await ops(['SOMEWHERE-ELSE']));
    const none = await get(
      `transitions/${encodeURIComponent(`${task.transitionId}-missing`)}`,
      await ops(['*']),
    );
    expect(hidden.status).toBe(404);
    expect(withoutRequest(hidden.body)).toMatchObject({
      ...withoutRequest(none.body),
      detail: expect.any(String),
    });
    expect((hidden.body as unknown as Problem).title).toBe('Transition not found');
    expect((await get(transitionPath, await ops([facility]))).status).toBe(200);

    const scheduler = await post(
      `tasks/${task.id}/claim`,
      await as('sched-1', [Role.Coordinator, 'scheduler']),
    );
    expect(scheduler.status).toBe(403);
    expect(scheduler.body.detail).toContain('needs the pathway role transitional-care-nurse');
    expect((await taskNow(task)).status).toBe('open');
  });

  it('the holder unclaims; only a supervisor reassigns (to a person or the pool), and the timeline says who and why', async () => {
    const task = await contactTask('V3');
    expect((await post(`tasks/${task.id}/claim`, await as('nurse-a'))).status).toBe(200);
    expect((await post(`tasks/${task.id}/unclaim`, await as('nurse-b'))).status).toBe(409);
    const unclaimed = await post(`tasks/${task.id}/unclaim`, await as('nurse-a'), { reason: 'shift-change' });
    expect([unclaimed.status, unclaimed.body.assignee, unclaimed.etag]).toEqual([200, null, 'W/"3"']);
    expect(await taskNow(task)).toMatchObject({ status: 'open', assignee: null, revision: 3 });

    expect((await post(`tasks/${task.id}/claim`, await as('nurse-b'))).status).toBe(200);
    const reassign = { assignee: 'nurse-c', reason: 'absence' };
    const byNurse = await post(`tasks/${task.id}/reassign`, await as('nurse-a'), reassign);
    expect(byNurse.status).toBe(403);
    expect(byNurse.body.detail).toContain('needs a supervisor role');
    expect(
      (await post(`tasks/${task.id}/reassign`, await as('sup-1', SUPERVISOR), { assignee: 'x' })).status,
    ).toBe(400); // a reason is required
    const moved = await post(`tasks/${task.id}/reassign`, await as('sup-1', SUPERVISOR), reassign);
    expect([moved.status, moved.body.assignee, moved.etag]).toEqual([200, 'nurse-c', 'W/"5"']);
    expect(await taskNow(task)).toMatchObject({ status: 'claimed', assignee: 'nurse-c' });
    const pooled = await post(`tasks/${task.id}/reassign`, await as('sup-1', SUPERVISOR), {
      assignee: null,
      reason: 'workload',
    });
    expect(pooled.body).toMatchObject({ assignee: null, revision: 6 });
    expect(await taskNow(task)).toMatchObject({ status: 'open', assignee: null, revision: 6 });

    const { body } = await get(
      `transitions/${encodeURIComponent(task.transitionId)}`,
      await as('ops', [Role.Ops]),
    );
    const changes = (body.timeline as { kind: string; detail: Record<string, unknown> }[])
      .filter((e) => e.kind.startsWith('step.') && e.kind !== 'step.opened')
      .map((e) => [e.kind, e.detail.by, e.detail.reason, e.detail.assignee]);
    expect(changes).toEqual([
      ['step.claimed', 'nurse-a', 'self-claim', 'nurse-a'],
      ['step.unclaimed', 'nurse-a', 'shift-change', null],
      ['step.claimed', 'nurse-b', 'self-claim', 'nurse-b'],
      ['step.reassigned', 'sup-1', 'absence', 'nurse-c'],
      ['step.reassigned', 'sup-1', 'workload', null],
    ]);
  });

  it('a stale If-Match is 412; only the holder (or a supervisor) completes a claimed task', async () => {
    const task = await contactTask('V4');
    const claimed = await post(`tasks/${task.id}/claim`, { ...(await as('nurse-a')), 'if-match': 'W/"1"' });
    expect(claimed.etag).toBe('W/"2"');
    const stale = await post(`tasks/${task.id}/unclaim`, { ...(await as('nurse-a')), 'if-match': 'W/"1"' });
    expect(stale.body).toMatchObject({
      status: 412,
      type: 'https://care-transitions.dev/problems/task-changed',
      detail: expect.stringContaining('If-Match: W/"2"'),
    });
    const outcome = { outcome: 'reached-patient' };
    const other = await post(`tasks/${task.id}/complete`, await as('nurse-b'), outcome);
    expect([other.status, other.body.detail]).toEqual([409, expect.stringContaining('claimed by nurse-a')]);
    const staleDone = await post(
      `tasks/${task.id}/complete`,
      { ...(await as('nurse-a')), 'if-match': 'W/"1"' },
      outcome,
    );
    expect(staleDone.status).toBe(412);
    const done = await post(
      `tasks/${task.id}/complete`,
      { ...(await as('nurse-a')), 'if-match': 'W/"2"' },
      outcome,
    );
    expect([done.status, done.body.accepted, done.etag]).toEqual([200, true, 'W/"3"']);
    expect(await taskNow(task)).toMatchObject({ status: 'completed', assignee: 'nurse-a', revision: 3 });
  });
});
