import type { ChildProcess } from 'node:child_process';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { Role } from '@ct/auth';
import { adtMessage } from '@ct/hl7/testing';
import { createDataSource } from '@ct/persistence';
import { transitionWorkflowId } from '@ct/temporal';
import { callerHeaders, testIssuer } from '../support/auth';
import { postHl7 } from '../support/gateway';
import { eventually, exited, outputOf, spawnApp } from '../support/processes';
import { startSystem, type RunningSystem } from '../support/system';
import { testEnv } from '../support/test-env';

const hl7Time = (t: DateTime) => t.setZone('America/New_York').toFormat('yyyyLLddHHmmss');

interface Task {
  id: string;
  stepKey: string;
  status: string;
  outcome: string | null;
  attempts: number;
  doneAt: string | null;
  metBy: string | null;
}
interface Attempt {
  channel: string;
  outcome: string;
  note: string | null;
  recordedBy: string;
}
interface Note {
  id: string;
  text: string;
  corrects: string | null;
  correctedBy: string[];
}
/** Any answer: a problem, a view or a list, read by the expectations. */
interface Answer {
  [field: string]: unknown;
  id?: string;
  detail?: string;
  metBy?: string;
  total?: number;
  items?: unknown[];
}
interface Transition {
  id: string;
  tasks: Task[];
  timeline: { kind: string; stepKey: string | null; detail: Record<string, unknown> }[];
}

// free text that stands for patient details: it must stay in the attempts and notes tables
const SECRET = 'Patient Jane Roe, call 555-0100 after 5pm';

/** Outreach attempts, actual completion times and notes through the api, on the real servers. */
describe('outreach attempts, occurredAt and notes (real servers)', () => {
  let system: RunningSystem;
  let worker: ChildProcess;
  let db: DataSource;
  let facility: string;
  let mrn = 0;

  // the pathway roles of the steps it works (claims and completions need them: docs/task-claims.md)
  const coordinator = () =>
    callerHeaders('nurse-1', [
      Role.Coordinator,
      'transitional-care-nurse',
      'clinical-pharmacist',
      'scheduler',
    ]);
  const outsider = async () => ({
    authorization: `Bearer ${await (await testIssuer()).token({ roles: [Role.Coordinator], subject: 'nurse-x', facilities: ['ELSEWHERE'] })}`,
  });
  const call = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const response = await fetch(`${system.apiUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(headers ?? (await coordinator())) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Answer };
  };
  const transition = async (visit: string) => {
    const id = encodeURIComponent(transitionWorkflowId(facility, visit));
    const { status, body } = await call('GET', `/api/v1/transitions/${id}`);
    return status === 200 ? (body as unknown as Transition) : undefined;
  };
  const task = async (visit: string, stepKey: string) =>
    (await transition(visit))?.tasks.find((t) => t.stepKey === stepKey);

  /** Discharges a patient now and waits for the contact task. */
  const discharge = async (visit: string) => {
    mrn += 1;
    const message = adtMessage({
      trigger: 'A03',
      controlId: `OA-${visit}`,
      sendingFacility: facility,
      patient: { identifiers: [{ id: `OAMRN${mrn}`, assigningAuthority: facility, typeCode: 'MR' }] },
      visit: {
        patientClass: 'I',
        visitNumber: { id: visit },
        location: { facility },
        dischargeDisposition: '01',
        admitAt: hl7Time(DateTime.now().minus({ days: 3 })),
        dischargeAt: hl7Time(DateTime.now().minus({ minutes: 30 })),
      },
    });
    expect((await postHl7(system.gatewayUrl, message)).status).toBe(200);
    return eventually(() => task(visit, 'tcm-contact'), `the contact task of ${visit}`).catch((e: Error) => {
      throw new Error(`${e.message}\nworker output:\n${outputOf(worker)}`);
    });
  };
  const minutesAgo = (n: number) => DateTime.now().minus({ minutes: n }).toUTC().toISO();

  beforeAll(async () => {
    system = await startSystem();
    facility = `OA${system.runId}`.toUpperCase();
    worker = spawnApp('worker', system.env);
    db = await createDataSource(testEnv.databaseUrl, 'outreach-test').initialize();
  });
  afterAll(async () => {
    worker?.kill('SIGTERM');
    if (worker) await exited(worker);
    await db?.destroy();
    await system?.stop();
  });

  it('refuses bad attempts with a problem that says what is wrong', async () => {
    const contact = await discharge('V1');
    const path = `/api/v1/tasks/${contact.id}/attempts`;
    const good = { channel: 'phone', outcome: 'no-answer', contactedAt: minutesAgo(5) };

    const badChannel = await call('POST', path, { ...good, channel: 'pigeon' });
    expect(badChannel.status).toBe(400);
    expect(badChannel.body.errors).toEqual([expect.objectContaining({ path: 'channel' })]);

    const future = await call('POST', path, {
      ...good,
      contactedAt: DateTime.now().plus({ hours: 1 }).toISO(),
    });
    expect(future.status).toBe(422);
    expect(future.body.detail).toMatch(/contactedAt .* is in the future/);

    const early = await call('POST', path, { ...good, contactedAt: minutesAgo(90) });
    expect(early.status).toBe(422);
    expect(early.body.detail).toMatch(/contactedAt .* is before the discharge/);

    const hidden = await call('POST', path, good, await outsider());
    expect(hidden.status).toBe(404);
    expect((await call('GET', path, undefined, await outsider())).status).toBe(404);
    expect((await call('GET', path)).body).toEqual({ items: [], total: 0 });
  });

  it('records attempts with their notes, counts them on the task, and two in the window meet the TCM contact', async () => {
    const contact = await discharge('V2');
    const path = `/api/v1/tasks/${contact.id}/attempts`;
    const first = await call('POST', path, {
      channel: 'phone',
      outcome: 'no-answer',
      contactedAt: minutesAgo(20),
      note: SECRET,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ stepKey: 'tcm-contact', attempts: 1, inWindow: true });
    expect(first.body.metBy).toBeUndefined();
    expect(await task('V2', 'tcm-contact')).toMatchObject({ status: 'open', attempts: 1 });

    const secondAt = minutesAgo(10);
    const second = await call('POST', path, {
      channel: 'portal',
      outcome: 'left-message',
      contactedAt: secondAt,
    });
    expect(second.body).toMatchObject({ attempts: 2, metBy: 'attempts', nextStepKey: 'follow-up-visit' });

    const listed = await call('GET', path);
    expect(listed.body.total).toBe(2);
    expect((listed.body.items as Attempt[]).map((a) => [a.channel, a.outcome, a.note, a.recordedBy])).toEqual(
      [
        ['phone', 'no-answer', SECRET, 'nurse-1'],
        ['portal', 'left-message', null, 'nurse-1'],
      ],
    );

    const done = await eventually(async () => {
      const t = await task('V2', 'tcm-contact');
      return t?.status === 'completed' ? t : undefined;
    }, 'the contact step met by attempts');
    expect(done).toMatchObject({ attempts: 2, metBy: 'attempts', outcome: 'attempts-documented' });
    expect(new Date(done.doneAt!).toISOString()).toBe(new Date(secondAt).toISOString());

    const t = (await transition('V2'))!;
    expect(t.timeline.filter((e) => e.kind === 'attempt.recorded')).toHaveLength(2);
    // the note is in the attempts table only: not on the timeline, not in the outbox for Kafka
    expect(JSON.stringify(t.timeline)).not.toContain('Jane');
    const [{ leaked }] = await db.query(
      `SELECT count(*)::int AS leaked FROM outbox WHERE key IS NOT NULL AND value::text LIKE '%Jane Roe%'`,
    );
    expect(leaked).toBe(0);
  });

  it('completes with occurredAt: the actual time is on the task and the timeline; a future one is 422', async () => {
    const contact = await discharge('V3');
    const reached = await call('POST', `/api/v1/tasks/${contact.id}/attempts`, {
      channel: 'video',
      outcome: 'reached',
      contactedAt: minutesAgo(15),
    });
    expect(reached.body).toMatchObject({ attempts: 1, metBy: 'contact' });
    const medRec = await eventually(() => task('V3', 'medication-reconciliation'), 'the med rec task');
    const complete = (occurredAt: string) =>
      call('POST', `/api/v1/tasks/${medRec.id}/complete`, { outcome: 'reconciled', occurredAt });

    const future = await complete(DateTime.now().plus({ days: 1 }).toISO());
    expect(future.status).toBe(422);
    expect(future.body.detail).toMatch(/occurredAt .* is in the future/);

    const at = minutesAgo(5);
    expect((await complete(at)).body).toMatchObject({ accepted: true });
    const done = await eventually(async () => {
      const t = await task('V3', 'medication-reconciliation');
      return t?.status === 'completed' ? t : undefined;
    }, 'med rec completed');
    expect(new Date(done.doneAt!).toISOString()).toBe(new Date(at).toISOString());
    const entry = (await transition('V3'))!.timeline.find(
      (e) => e.kind === 'step.completed' && e.stepKey === 'medication-reconciliation',
    );
    expect(entry?.detail).toMatchObject({
      outcome: 'reconciled',
      by: 'nurse-1',
      doneAt: new Date(at).toISOString(),
    });
  });

  it('notes on a task and a transition: authored, append-only, corrected by new notes, scoped', async () => {
    const contact = await discharge('V4');
    const path = `/api/v1/tasks/${contact.id}/notes`;
    const first = await call('POST', path, { text: 'Daughter is the contact' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ subject: 'task', author: 'nurse-1', corrects: null, correctedBy: [] });
    const fix = await call('POST', path, { text: 'Son is the contact', corrects: first.body.id });
    expect(fix.status).toBe(201);

    const listed = await call('GET', path);
    expect((listed.body.items as Note[]).map((n) => [n.text, n.corrects, n.correctedBy])).toEqual([
      ['Daughter is the contact', null, [fix.body.id]],
      ['Son is the contact', first.body.id, []],
    ]);

    expect(
      (await call('POST', path, { text: 'x', corrects: '00000000-0000-4000-8000-000000000000' })).status,
    ).toBe(422);
    expect((await call('POST', path, { text: 'x'.repeat(2001) })).status).toBe(400);
    expect((await call('POST', path, { text: 'x', author: 'someone-else' })).status).toBe(400);
    expect((await call('PUT', `${path}/${first.body.id}`, { text: 'changed' })).status).toBe(404);
    expect((await call('DELETE', `${path}/${first.body.id}`)).status).toBe(404);
    await expect(
      db.query(`UPDATE notes SET text = 'changed' WHERE id = $1`, [first.body.id]),
    ).rejects.toThrow(/append-only/);
    expect((await call('GET', path, undefined, await outsider())).status).toBe(404);

    const transitionPath = `/api/v1/transitions/${encodeURIComponent(transitionWorkflowId(facility, 'V4'))}/notes`;
    const onTransition = await call('POST', transitionPath, { text: 'Discharge summary requested' });
    expect(onTransition.body).toMatchObject({
      subject: 'transition',
      transitionId: transitionWorkflowId(facility, 'V4'),
    });
    expect((await call('GET', transitionPath)).body.total).toBe(1);
    expect((await call('GET', transitionPath, undefined, await outsider())).status).toBe(404);
    expect((await call('POST', transitionPath, { text: 'x' }, await outsider())).status).toBe(404);
    // a correction must name a note of the same subject
    expect((await call('POST', transitionPath, { text: 'x', corrects: first.body.id })).status).toBe(422);
  });
});
