import type { ChildProcess } from 'node:child_process';
import { DateTime } from 'luxon';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Role } from '@ct/auth';
import { ADT_EVENTS_TOPIC, adtEventKey, type AdtEventV1 } from '@ct/contracts';
import { adtMessage } from '@ct/hl7/testing';
import { createDataSource } from '@ct/persistence';
import { transitionWorkflowId } from '@ct/temporal';
import {
  adtEventSignal,
  CARE_TRANSITION_WORKFLOW,
  type CareTransitionWorkflow,
  type TransitionEvent,
} from '@ct/workflows/care-transition.messages';
import { authHeaders } from '../support/auth';
import { postHl7 } from '../support/gateway';
import { eventually, exited, outputOf, spawnApp } from '../support/processes';
import { startSystem, type RunningSystem } from '../support/system';
import { testEnv, testTopic } from '../support/test-env';

const hl7Time = (t: DateTime) => t.setZone('America/New_York').toFormat('yyyyLLddHHmmss');

interface DeadLetter {
  id: string;
  status: string;
  code: string;
  reason: string;
  sourceRef: string;
  resolvedBy: string | null;
}

/** Bad records after the ACK become dead letters that ops replay or discard; finished stays finished. */
describe('dead letters and finished transitions (real servers)', () => {
  let system: RunningSystem;
  let worker: ChildProcess;
  let producer: Producer;
  let db: DataSource;
  let facility: string;
  let seq = 0;

  const mrn = (n: number) => `DLMRN${n}`;
  const discharge = (visit: string, patient: number, disposition = '01', trigger = 'A03') =>
    adtMessage({
      trigger,
      controlId: `DL-${(seq += 1)}`,
      sendingFacility: facility,
      patient: { identifiers: [{ id: mrn(patient), assigningAuthority: facility, typeCode: 'MR' }] },
      visit: {
        patientClass: 'I',
        visitNumber: { id: visit },
        location: { facility },
        dischargeDisposition: disposition,
        admitAt: hl7Time(DateTime.now().minus({ days: 3 })),
        dischargeAt: hl7Time(DateTime.now()),
      },
    });
  const post = async (body: string) => {
    expect((await postHl7(system.gatewayUrl, body)).status).toBe(200);
  };
  const ops = async (path: string, init: RequestInit = {}) =>
    fetch(`${system.apiUrl}/api/v1/ops/dead-letters${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(await authHeaders(Role.Ops, 'ops-1')) },
    });
  const statusOf = async (visit: string) => {
    const rows: { status: string }[] = await db.query(`SELECT status FROM transitions WHERE id = $1`, [
      transitionWorkflowId(facility, visit),
    ]);
    return rows[0]?.status;
  };
  const openTaskOf = async (visit: string) => {
    const rows: { id: string }[] = await db.query(
      `SELECT id FROM tasks WHERE transition_id = $1 AND status = 'open'`,
      [transitionWorkflowId(facility, visit)],
    );
    return rows[0];
  };
  const withTask = (visit: string) =>
    eventually(() => openTaskOf(visit), `a task of ${visit}`).catch((error: Error) => {
      throw new Error(`${error.message}\nworker output:\n${outputOf(worker)}`);
    });
  /** A valid event as the gateway would publish it, for a record fed straight into Kafka. */
  const event = (visit: string, patient: number, id: string): AdtEventV1 => ({
    schema: 'adt.event.v1',
    eventId: id,
    type: 'patient.discharged',
    trigger: 'A03',
    occurredAt: DateTime.now().toISO(),
    recordedAt: DateTime.now().toISO(),
    facility,
    patient: {
      key: `${facility}|${mrn(patient)}`,
      identifiers: [{ id: mrn(patient), assigningAuthority: facility }],
    },
    visit: {
      number: visit,
      patientClass: 'I',
      dischargeDisposition: '01',
      dischargeAt: DateTime.now().toISO(),
    },
    diagnoses: [],
    source: {
      sendingApplication: 'T',
      sendingFacility: facility,
      controlId: id,
      messageType: 'ADT^A03',
      transport: 'http',
    },
  });

  beforeAll(async () => {
    system = await startSystem();
    facility = `DL${system.runId}`.toUpperCase();
    worker = spawnApp('worker', system.env);
    producer = system.kafka.producer();
    await producer.connect();
    db = createDataSource(testEnv.databaseUrl, 'dead-letters-test');
    await db.initialize();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await db?.destroy();
    worker?.kill('SIGTERM');
    if (worker) await exited(worker);
    await system?.stop();
  });

  it('dead-letters a record the orchestrator cannot take, and the patient’s next event still gets through', async () => {
    const bad = event('V\u0000BAD', 1, `evt-dl-bad-${system.runId}`);
    const [sent] = await producer.send({
      topic: testTopic(ADT_EVENTS_TOPIC),
      messages: [{ key: adtEventKey(bad), value: JSON.stringify(bad) }],
    });
    const sourceRef = `${testTopic(ADT_EVENTS_TOPIC)}/${sent.partition}/${sent.baseOffset}`;
    // the same patient, so the same partition: it would wait behind the bad record if that wedged it
    await post(discharge('V1', 1));
    await withTask('V1');

    const listed = (await (await ops('?limit=500')).json()) as { items: DeadLetter[] };
    const letter = listed.items.find((item) => item.sourceRef === sourceRef);
    expect(letter).toMatchObject({ status: 'open', code: 'CONTRACT_VIOLATION' });
    expect(letter?.reason).toContain('visit.number');
  });

  it('replays a dead letter when ops ask, records who did, and refuses to replay it twice', async () => {
    const good = event('V2', 2, `evt-dl-replay-${system.runId}`);
    const [{ id }]: { id: string }[] = await db.query(
      `INSERT INTO dead_letters (stage, code, reason, topic, partition, source_ref, key, value)
       VALUES ('orchestrator', 'RETRIES_EXHAUSTED', 'Error: temporal refused', $1, 0, $2, $3, $4) RETURNING id`,
      [testTopic(ADT_EVENTS_TOPIC), `test/${good.eventId}`, adtEventKey(good), JSON.stringify(good)],
    );
    const asked = await ops(`/${id}/replay`, { method: 'POST' });
    expect(asked.status).toBe(202);
    expect(await asked.json()).toMatchObject({ id, status: 'replay-requested', resolvedBy: 'ops-1' });

    await withTask('V2');
    const replayed = await eventually(async () => {
      const rows: { status: string }[] = await db.query(`SELECT status FROM dead_letters WHERE id = $1`, [
        id,
      ]);
      return rows[0]?.status === 'replayed' ? rows[0] : undefined;
    }, 'the replay to be marked');
    expect(replayed.status).toBe('replayed');
    const actions: { action: string; actor: string }[] = await db.query(
      `SELECT action, actor FROM dead_letter_actions WHERE dead_letter_id = $1 ORDER BY id`,
      [id],
    );
    expect(actions).toEqual([
      { action: 'replay', actor: 'ops-1' },
      { action: 'replayed', actor: 'orchestrator' },
    ]);
    expect((await ops(`/${id}/replay`, { method: 'POST' })).status).toBe(409);
  });

  it('discards a dead letter only with a reason, and keeps who did it', async () => {
    const [{ id }]: { id: string }[] = await db.query(
      `INSERT INTO dead_letters (stage, code, reason, topic, partition, source_ref, value)
       VALUES ('orchestrator', 'BAD_JSON', 'value is not JSON', 't', 0, $1, '{') RETURNING id`,
      [`test/discard-${system.runId}`],
    );
    expect((await ops(`/${id}/discard`, { method: 'POST', body: '{}' })).status).toBe(400);
    const discarded = await ops(`/${id}/discard`, {
      method: 'POST',
      body: JSON.stringify({ reason: 'test feed, not a patient' }),
    });
    expect(discarded.status).toBe(200);
    expect(await discarded.json()).toMatchObject({ status: 'discarded', resolvedBy: 'ops-1' });
    expect((await ops(`/${id}/discard`, { method: 'POST', body: '{"reason":"again"}' })).status).toBe(409);
    expect((await ops(`/00000000-0000-4000-8000-000000000000/replay`, { method: 'POST' })).status).toBe(404);
  });

  it('never starts a finished transition again: a later A08 of a visit closed at once leaves one run', async () => {
    await post(discharge('V3', 3, '20'));
    await eventually(async () => ((await statusOf('V3')) === 'no-outreach' ? true : undefined), 'V3 closed');
    await post(discharge('V3', 3, '20', 'A08'));
    // the same patient's next discharge is handled after the A08 (one partition, in order)
    await post(discharge('V4', 3));
    await withTask('V4');

    const runs = [];
    const query = `WorkflowId = '${transitionWorkflowId(facility, 'V3')}'`;
    for await (const run of system.temporal.workflow.list({ query })) runs.push(run.status.name);
    expect(runs).toEqual(['COMPLETED']);
    expect(await statusOf('V3')).toBe('no-outreach');
  });

  it('opens a new episode for a discharge after the cancel that ended the transition', async () => {
    await post(discharge('V5', 5));
    await withTask('V5');
    await post(discharge('V5', 5, '01', 'A13'));
    await eventually(async () => ((await statusOf('V5')) === 'cancelled' ? true : undefined), 'V5 cancelled');
    await post(discharge('V5', 5));
    await withTask('V5');
    expect(await statusOf('V5')).toBe('active');
  });

  it('ends a transition whose data the database refuses as failed: a worker dead letter, not replayable; the corrected discharge starts it again', async () => {
    const workflowId = transitionWorkflowId(facility, 'V6');
    const now = DateTime.now().toISO();
    // past the gateway's checks only by going around it: a patient key PostgreSQL cannot store
    await system.temporal.workflow.signalWithStart<CareTransitionWorkflow, [TransitionEvent]>(
      CARE_TRANSITION_WORKFLOW,
      {
        workflowId,
        taskQueue: system.env.TEMPORAL_TASK_QUEUE,
        args: [
          {
            transitionId: workflowId,
            facility,
            visitNumber: 'V6',
            timeZone: 'America/New_York',
            holidays: [],
          },
        ],
        signal: adtEventSignal,
        signalArgs: [
          {
            eventId: `evt-dl-nul-${system.runId}`,
            type: 'patient.discharged',
            occurredAt: now,
            dischargeAt: now,
            patientKey: `${facility}|BAD\u0000MRN`,
            visitNumber: 'V6',
            patientClass: 'I',
            dischargeDisposition: '01',
            diagnoses: [],
          },
        ],
      },
    );
    expect(await system.temporal.workflow.getHandle(workflowId).result()).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('(22021)'),
    });
    expect(await statusOf('V6')).toBe('failed');
    const listed = (await (await ops('?stage=worker&limit=500')).json()) as { items: DeadLetter[] };
    const letter = listed.items.find((item) => item.sourceRef.startsWith(`temporal/${workflowId}|`));
    expect(letter).toMatchObject({ status: 'open', code: 'BAD_DATA' });
    expect(letter?.reason).toMatch(/^recordTransition: bad data in recordTransition/);
    expect(letter?.reason).not.toContain('BAD');
    expect((await ops(`/${letter!.id}/replay`, { method: 'POST' })).status).toBe(409);

    await post(discharge('V6', 6));
    await withTask('V6');
    expect(await statusOf('V6')).toBe('active');
    const discarded = await ops(`/${letter!.id}/discard`, {
      method: 'POST',
      body: JSON.stringify({ reason: 'sender corrected the MRN' }),
    });
    expect(discarded.status).toBe(200);
  });
});
