import type { ChildProcess } from 'node:child_process';
import { adtMessage, refMessage } from '@ct/hl7/testing';
import { DateTime } from 'luxon';
import { businessDaysDeadline, facilityCalendar } from '@ct/domain';
import { transitionWorkflowId } from '@ct/temporal';
import { Role } from '@ct/auth';
import { authHeaders, callerHeaders } from '../support/auth';
import { eventually, exited, outputOf, spawnApp } from '../support/processes';
import { startSystem, type RunningSystem } from '../support/system';
import { testTopic } from '../support/test-env';
import { postHl7 } from '../support/gateway';

const DISCHARGE = DateTime.now().setZone('America/New_York').startOf('second');

interface TaskView {
  id: string;
  transitionId: string;
  stepKey: string;
  role: string;
  status: string;
  dueAt: string;
  assignee: string | null;
}

/** Reads back the discharge event the gateway published for a visit, as a redelivery would carry it. */
async function readPublishedEvent(system: RunningSystem, facility: string, visit: string) {
  const consumer = system.kafka.consumer({ groupId: `probe-${system.runId}-${visit}` });
  await consumer.connect();
  await consumer.subscribe({ topic: testTopic('adt.events.v1'), fromBeginning: true });
  const found = new Promise<{ key: Buffer | null; value: Buffer | null }>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        const value = message.value?.toString() ?? '';
        if (value.includes(`"facility":"${facility}"`) && value.includes(`"number":"${visit}"`)) {
          resolve({ key: message.key, value: message.value });
        }
      },
    });
  });
  try {
    return await found;
  } finally {
    await consumer.disconnect();
  }
}

describe('discharge → Kafka → orchestrator → Temporal → worker → task → API (real servers)', () => {
  let system: RunningSystem;
  let worker: ChildProcess;
  let facility: string;

  const tasksOf = async (query: string): Promise<TaskView[]> => {
    const response = await fetch(
      `${system.apiUrl}/api/v1/tasks?facility=${facility}${query ? `&${query}` : ''}`,
      { headers: await authHeaders(Role.Coordinator) },
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: TaskView[] }).items;
  };

  const discharge = (visit: string, controlId: string) =>
    adtMessage({
      trigger: 'A03',
      controlId,
      sendingFacility: facility,
      // now, in the facility's zone: a past discharge would already be past its deadline and escalated
      visit: {
        visitNumber: { id: visit },
        location: { facility },
        dischargeAt: DISCHARGE.toFormat('yyyyLLddHHmmss'),
        dischargeDisposition: '01',
      },
    });

  beforeAll(async () => {
    system = await startSystem();
    facility = `E2E${system.runId}`.toUpperCase();
    worker = spawnApp('worker', system.env);
  });

  afterAll(async () => {
    worker?.kill('SIGTERM');
    if (worker) await exited(worker);
    await system?.stop();
  });

  it('acknowledges a discharge and creates one task for the transitional care nurse, even when sent twice', async () => {
    const message = discharge('V1', 'CTL-1');
    const first = await postHl7(system.gatewayUrl, message);
    expect(first.status).toBe(200);
    expect(await first.text()).toMatch(/MSA\|AA\|CTL-1/);

    const [task] = await eventually(async () => {
      const tasks = await tasksOf('transitionId=' + transitionWorkflowId(facility, 'V1'));
      return tasks.length > 0 ? tasks : undefined;
    }, 'the first task');
    expect(task).toMatchObject({ stepKey: 'tcm-contact', role: 'transitional-care-nurse', status: 'open' });
    const due = businessDaysDeadline(DISCHARGE.toISO()!, 2, facilityCalendar(facility));
    expect(task.dueAt).toBe(due.toISOString());

    const resent = await postHl7(system.gatewayUrl, message);
    expect(resent.status).toBe(200);
    expect(await resent.text()).toMatch(/MSA\|AA\|CTL-1/);

    const workflows = [];
    for await (const wf of system.temporal.workflow.list({
      query: `WorkflowId = '${transitionWorkflowId(facility, 'V1')}'`,
    })) {
      workflows.push(wf);
    }
    expect(workflows).toHaveLength(1);
    expect(await tasksOf('transitionId=' + transitionWorkflowId(facility, 'V1'))).toHaveLength(1);
  });

  it('reports each app ready when the servers it uses answer, and checks no others', async () => {
    const readiness = async (url: string) => {
      const response = await fetch(`${url}/health/ready`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { info: Record<string, { status: string }> };
      expect(Object.values(body.info).map((check) => check.status)).not.toContain('down');
      return Object.keys(body.info).sort();
    };
    expect(await readiness(system.gatewayUrl)).toEqual(['kafka', 'postgres']);
    expect(await readiness(system.apiUrl)).toEqual(['postgres', 'temporal']);
  });

  it('drops a redelivered Kafka event in the workflow: two signals, still one task', async () => {
    const workflowId = transitionWorkflowId(facility, 'V3');
    expect((await postHl7(system.gatewayUrl, discharge('V3', 'CTL-3'))).status).toBe(200);
    await eventually(async () => {
      const tasks = await tasksOf(`transitionId=${workflowId}`);
      return tasks.length === 1 ? tasks : undefined;
    }, 'the task of the discharge');
    const history = async () =>
      (await system.temporal.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
    const signals = async () =>
      (await history()).filter((e) => e.workflowExecutionSignaledEventAttributes).length;
    expect(await signals()).toBe(1);

    const producer = system.kafka.producer();
    await producer.connect();
    const event = await readPublishedEvent(system, facility, 'V3');
    await producer.send({
      topic: testTopic('adt.events.v1'),
      messages: [{ key: event.key, value: event.value }],
    });
    await producer.disconnect();

    await eventually(async () => ((await signals()) === 2 ? true : undefined), 'the redelivered signal');
    expect(await tasksOf(`transitionId=${workflowId}`)).toHaveLength(1);
  });

  it('rejects a malformed message with a NAK that names the field', async () => {
    const response = await postHl7(
      system.gatewayUrl,
      adtMessage({ controlId: 'CTL-BAD', sendingFacility: facility, patient: { identifiers: [] } }),
    );
    expect(response.status).toBe(422);
    const nak = await response.text();
    expect(nak).toMatch(/MSA\|AE\|CTL-BAD/);
    expect(nak).toMatch(/ERR\|.*PID\^1\^3/);
  });

  it('turns a REF^I12 into a scheduling task within the referral window, and I14 cancels it', async () => {
    const expires = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const referral = (trigger: string, controlId: string) =>
      refMessage({
        structure: `REF_${trigger}`,
        trigger,
        controlId,
        sendingFacility: facility,
        visit: { patientClass: 'O', visitNumber: { id: 'R1' }, location: { facility } },
        referral: { originalReferralId: `REF-${facility}`, expiresAt: expires, type: { code: 'MED' } },
      });
    // not a home care referral (RF1-3 MED): it runs in a transition of its own, keyed by RF1-6
    const transitionId = transitionWorkflowId(facility, `referral-REF-${facility}`);
    expect((await postHl7(system.gatewayUrl, referral('I12', 'CTL-REF-1'))).status).toBe(200);
    const task = await eventually(async () => {
      const tasks = await tasksOf(`transitionId=${transitionId}`);
      return tasks.find((t) => t.stepKey === 'schedule-referral');
    }, 'the referral task');
    expect(task).toMatchObject({ role: 'scheduler', status: 'open' });

    expect((await postHl7(system.gatewayUrl, referral('I14', 'CTL-REF-2'))).status).toBe(200);
    await eventually(async () => {
      const tasks = await tasksOf(`transitionId=${transitionId}&status=cancelled`);
      return tasks.length === 1 ? tasks : undefined;
    }, 'the cancelled referral task');
  });

  it('loses nothing when the worker is killed mid-transition and restarted', async () => {
    // a transition of its own, under way when the worker dies
    expect((await postHl7(system.gatewayUrl, discharge('V4', 'CTL-4'))).status).toBe(200);
    const [first] = await eventually(async () => {
      const tasks = await tasksOf(`transitionId=${transitionWorkflowId(facility, 'V4')}&status=open`);
      return tasks.length === 1 ? tasks : undefined;
    }, 'the task of the transition under way');
    expect(first.stepKey).toBe('tcm-contact');
    worker.kill('SIGKILL');
    await exited(worker);

    // While no worker runs, a new discharge still starts its workflow; its task waits for a worker.
    expect((await postHl7(system.gatewayUrl, discharge('V2', 'CTL-2'))).status).toBe(200);
    const v2 = transitionWorkflowId(facility, 'V2');
    // the orchestrator has started it with the discharge: only a worker is missing for its task
    await eventually(async () => {
      const history = await system.temporal.workflow.getHandle(v2).fetchHistory();
      return history.events?.some((e) => e.workflowExecutionSignaledEventAttributes) ? true : undefined;
    }, 'the workflow of the discharge sent while the worker is down');
    expect(await tasksOf(`transitionId=${v2}`)).toHaveLength(0);

    worker = spawnApp('worker', system.env);
    await eventually(async () => {
      const tasks = (await tasksOf('')).filter((t) => t.transitionId.endsWith(':V2'));
      return tasks.length === 1 ? tasks : undefined;
    }, 'the task of the discharge sent while the worker was down').catch((error: Error) => {
      throw new Error(`${error.message}\nworker output:\n${outputOf(worker)}`);
    });

    // The first transition, started before the kill, resumes: a nurse claims the task ...
    const asNurse = await callerHeaders('nurse-7', [Role.Coordinator, 'transitional-care-nurse']);
    const post = (path: string, body: unknown, headers: Record<string, string> = asNurse) =>
      fetch(`${system.apiUrl}/api/v1/tasks/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    // ... not without a token, nor as ops, nor in someone else's name ...
    expect((await post(`${first.id}/claim`, {}, {})).status).toBe(401);
    expect((await post(`${first.id}/claim`, {}, await authHeaders(Role.Ops))).status).toBe(403);
    expect((await post(`${first.id}/claim`, { claimedBy: 'nurse-9' })).status).toBe(400);
    expect((await post(`${first.id}/claim`, {})).status).toBe(200);
    await eventually(async () => {
      const [task] = await tasksOf(`transitionId=${first.transitionId}&stepKey=tcm-contact`);
      return task.status === 'claimed' && task.assignee === 'nurse-7' ? task : undefined;
    }, 'the task claimed by the caller of the token');
    expect((await post('00000000-0000-4000-8000-000000000000/claim', {})).status).toBe(404);
    // ... and completing its step opens the next.
    const complete = { outcome: 'reached-patient' };
    expect((await post(`${first.id}/complete`, { ...complete, completedBy: 'nurse-9' })).status).toBe(400);
    const completed = await post(`${first.id}/complete`, complete);
    expect(completed.status).toBe(200);
    expect(await completed.json()).toMatchObject({ stepKey: 'tcm-contact', accepted: true });
    const next = await eventually(async () => {
      const tasks = await tasksOf(`transitionId=${first.transitionId}&status=open`);
      return tasks.find((t) => t.stepKey === 'follow-up-visit');
    }, 'the follow-up task');
    expect(next.role).toBe('scheduler');
    expect(
      (await tasksOf(`transitionId=${first.transitionId}&status=completed`)).map((t) => t.stepKey),
    ).toEqual(['tcm-contact']);
  });

  it('shuts the worker down gracefully on SIGTERM: exit 0, not the grace watchdog (exit 1)', async () => {
    // a worker of its own (the shared one keeps serving the others), stopped once it polls
    const own = spawnApp('worker', { ...system.env, LOG_LEVEL: 'info' });
    try {
      await eventually(
        async () => (outputOf(own).includes('polling task queue') ? true : undefined),
        'the worker polling its task queue',
      );
    } catch (error) {
      own.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\nworker output:\n${outputOf(own)}`);
    }
    own.kill('SIGTERM');
    expect(await exited(own)).toBe(0);
  });
});
