import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Role } from '@ct/auth';
import { adtMessage, type AdtMessageOptions } from '@ct/hl7/testing';
import { dataSourceOptions } from '@ct/persistence';
import { transitionWorkflowId } from '@ct/temporal';
import { testIssuer } from '../support/auth';
import { postHl7 } from '../support/gateway';
import { eventually, exited, outputOf, spawnApp } from '../support/processes';
import { startSystem, type RunningSystem } from '../support/system';
import { testEnv } from '../support/test-env';

const hl7Time = (t: DateTime) => t.setZone('America/New_York').toFormat('yyyyLLddHHmmss');

interface AccessEntry {
  subject: string;
  patientKey: string;
  taskId: string | null;
  transitionId: string | null;
  route: string;
  requestId: string;
  outcome: string;
}

/** HL7 A03 → gateway → patient context; GET /tasks/:id shows it, and the access log has each read. */
describe('task detail with patient context, behind the access log (real servers)', () => {
  let system: RunningSystem;
  let worker: ChildProcess;
  let db: DataSource;
  let facility: string;
  let mrn: string;
  let taskId: string;

  const headers = async (roles: Role[], subject: string, facilities?: string[]) => ({
    authorization: `Bearer ${await (await testIssuer()).token({ roles, subject, facilities })}`,
  });
  const get = async (path: string, roles: Role[], subject: string, facilities?: string[]) =>
    fetch(`${system.apiUrl}${path}`, { headers: await headers(roles, subject, facilities) });
  const detail = (subject: string, facilities = [facility], id = taskId) =>
    get(`/api/v1/tasks/${id}`, [Role.Coordinator], subject, facilities);
  const accessLog = async (query: string, facilities = [facility]) => {
    const response = await get(`/api/v1/access-log?${query}`, [Role.Compliance], 'privacy-1', facilities);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: AccessEntry[] }).items;
  };
  const patientKey = () => `${facility}|${mrn}`;

  const discharge = (o: AdtMessageOptions = {}) =>
    adtMessage({
      controlId: `PC-${randomUUID()}`,
      sendingFacility: facility,
      messageTime: hl7Time(DateTime.now()),
      patient: {
        identifiers: [{ id: mrn, assigningAuthority: facility, typeCode: 'MR' }],
        name: { family: 'DOE', given: 'JANE' },
        birthDate: '19520314',
        sex: 'F',
        phones: [{ number: '(217)555-0101', use: 'PRN' }],
        address: { street: '12 ELM ST', city: 'SPRINGFIELD', state: 'IL', postalCode: '62701' },
        language: { code: 'SPA', text: 'Spanish' },
      },
      visit: {
        patientClass: 'I',
        visitNumber: { id: 'V1' },
        location: { pointOfCare: '4WEST', room: '412', bed: 'B', facility },
        attending: { id: '1234', family: 'SMITH', given: 'ALAN' },
        dischargeDisposition: '01',
        admitAt: hl7Time(DateTime.now().minus({ days: 3 })),
        dischargeAt: hl7Time(DateTime.now()),
      },
      diagnoses: [{ setId: 1, code: 'I50.9', text: 'Heart failure, unspecified', codingSystem: 'I10' }],
      extraSegments: [{ name: 'PD1', fields: [undefined, undefined, undefined, ['4455', 'NGUYEN', 'LINH']] }],
      ...o,
    });

  beforeAll(async () => {
    system = await startSystem();
    facility = `PC${system.runId}`.toUpperCase();
    mrn = `PCMRN-${system.runId}`;
    worker = spawnApp('worker', system.env);
    db = await new DataSource(dataSourceOptions(testEnv.databaseUrl, 'patient-context-test')).initialize();

    expect((await postHl7(system.gatewayUrl, discharge())).status).toBe(200);
    const transitionId = encodeURIComponent(transitionWorkflowId(facility, 'V1'));
    const task = await eventually(async () => {
      const list = await get(`/api/v1/tasks?transitionId=${transitionId}`, [Role.Coordinator], 'nurse-1');
      const { items } = (await list.json()) as { items: { id: string }[] };
      return items[0];
    }, 'the contact task').catch((error: Error) => {
      throw new Error(`${error.message}\nworker output:\n${outputOf(worker)}`);
    });
    taskId = task.id;
  });
  afterAll(async () => {
    await db?.destroy();
    worker?.kill('SIGTERM');
    if (worker) await exited(worker);
    await system?.stop();
  });

  it('shows the patient and visit of the discharge on the task, and logs the read with its request id', async () => {
    const response = await detail('nurse-1');
    expect(response.status).toBe(200);
    // patient details: no browser or proxy keeps a copy
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({
      id: taskId,
      facility,
      patientKey: patientKey(),
      stepKey: 'tcm-contact',
      patient: {
        name: { family: 'DOE', given: 'JANE' },
        birthDate: '19520314',
        sex: 'F',
        phones: [{ number: '(217)555-0101', use: 'PRN' }],
        address: { street: '12 ELM ST', city: 'SPRINGFIELD', state: 'IL', postalCode: '62701' },
        language: { code: 'SPA', text: 'Spanish' },
        primaryCareProvider: { id: '4455', family: 'NGUYEN', given: 'LINH' },
      },
      visit: {
        visitNumber: 'V1',
        facility,
        pointOfCare: '4WEST',
        room: '412',
        bed: 'B',
        attending: { id: '1234', family: 'SMITH', given: 'ALAN' },
        disposition: '01',
        diagnoses: [{ code: 'I50.9', text: 'Heart failure, unspecified', codingSystem: 'I10' }],
      },
    });

    const requestId = response.headers.get('x-correlation-id');
    const entries = await accessLog(`subject=nurse-1&patientKey=${encodeURIComponent(patientKey())}`);
    expect(entries).toContainEqual(
      expect.objectContaining({
        subject: 'nurse-1',
        patientKey: patientKey(),
        taskId,
        transitionId: transitionWorkflowId(facility, 'V1'),
        route: 'GET /api/v1/tasks/:id',
        requestId,
        outcome: 'disclosed',
      }),
    );
  });

  it('answers a task of another facility with the 404 of a missing one, recorded as refused, not as a read', async () => {
    const refused = await detail('nurse-elsewhere', ['ELSEWHERE']);
    const missingId = randomUUID();
    const missing = await detail('nurse-elsewhere', ['ELSEWHERE'], missingId);
    expect(refused.status).toBe(404);
    expect(missing.status).toBe(404);
    const body = (response: unknown) => {
      const { instance: _instance, correlationId: _id, ...rest } = response as Record<string, unknown>;
      return rest;
    };
    const refusedBody = body(await refused.json());
    expect(refusedBody).toEqual(
      JSON.parse(JSON.stringify(body(await missing.json())).replaceAll(missingId, taskId)),
    );

    const entries = await accessLog('subject=nurse-elsewhere');
    expect(entries.map((e) => e.outcome)).toEqual(['refused']);
    expect(entries[0]).toMatchObject({ taskId, patientKey: patientKey() });
  });

  it('lets only the compliance role list the log, and only for its own facilities', async () => {
    const coordinator = await get('/api/v1/access-log', [Role.Coordinator], 'nurse-1');
    expect(coordinator.status).toBe(403);
    expect((await accessLog(`subject=nurse-1`)).length).toBeGreaterThan(0);
    expect(await accessLog(`subject=nurse-1`, ['ELSEWHERE'])).toEqual([]);
  });

  it('pages the log newest first with a cursor', async () => {
    for (let i = 0; i < 3; i++) expect((await detail('nurse-pager')).status).toBe(200);
    const first = await get(
      '/api/v1/access-log?subject=nurse-pager&limit=2',
      [Role.Compliance],
      'privacy-1',
      [facility],
    );
    const page = (await first.json()) as { items: { id: string; at: string }[]; nextCursor: string };
    expect(page.items).toHaveLength(2);
    expect(Date.parse(page.items[0].at)).toBeGreaterThanOrEqual(Date.parse(page.items[1].at));
    const next = await get(
      `/api/v1/access-log?subject=nurse-pager&limit=2&cursor=${page.nextCursor}`,
      [Role.Compliance],
      'privacy-1',
      [facility],
    );
    const rest = (await next.json()) as { items: { id: string }[]; nextCursor: string | null };
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect(page.items.map((e) => e.id)).not.toContain(rest.items[0].id);
  });

  it('takes a later A08 into the context and ignores an older one', async () => {
    const update = (minutes: number, phone: string) =>
      discharge({
        trigger: 'A08',
        event: { recordedAt: hl7Time(DateTime.now().plus({ minutes })) },
        patient: {
          identifiers: [{ id: mrn, assigningAuthority: facility, typeCode: 'MR' }],
          name: { family: 'DOE', given: 'JANE' },
          phones: [{ number: phone, use: 'PRN' }],
        },
      });
    expect((await postHl7(system.gatewayUrl, update(-60 * 24, '(217)555-0000'))).status).toBe(200);
    const phoneNow = async () =>
      ((await (await detail('nurse-1')).json()) as { patient: { phones: { number: string }[] } }).patient
        .phones;
    expect(await phoneNow()).toEqual([{ number: '(217)555-0101', use: 'PRN' }]);
    expect((await postHl7(system.gatewayUrl, update(5, '(217)555-0202'))).status).toBe(200);
    expect(await phoneNow()).toEqual([{ number: '(217)555-0202', use: 'PRN' }]);
  });

  it('refuses the read with a 503 when the access log cannot be written', async () => {
    // a trigger that fails the insert for this one reader stands in for a broken access log
    await db.query(`CREATE OR REPLACE FUNCTION ct_test_refuse_access_log() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'access log refused for the test'; END $$ LANGUAGE plpgsql`);
    await db.query(`CREATE TRIGGER ct_test_refuse_access_log BEFORE INSERT ON access_log
      FOR EACH ROW WHEN (NEW.subject = 'nurse-unlogged') EXECUTE FUNCTION ct_test_refuse_access_log()`);
    try {
      const response = await detail('nurse-unlogged');
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(text).toContain('access log');
      expect(text).not.toContain('DOE');
      expect(text).not.toContain('555-0');
    } finally {
      await db.query('DROP TRIGGER ct_test_refuse_access_log ON access_log');
      await db.query('DROP FUNCTION ct_test_refuse_access_log()');
    }
  });
});
