import type { ChildProcess } from 'node:child_process';
import { DateTime } from 'luxon';
import { adtMessage } from '@ct/hl7/testing';
import { transitionWorkflowId } from '@ct/temporal';
import { Role } from '@ct/auth';
import { authHeaders, callerHeaders } from '../support/auth';
import { eventually, exited, outputOf, spawnApp } from '../support/processes';
import { startSystem, type RunningSystem } from '../support/system';
import { postHl7 } from '../support/gateway';

// HL7 times are local to the facility (the default zone); tests discharge "now" so no clock has run out
const hl7Time = (t: DateTime) => t.setZone('America/New_York').toFormat('yyyyLLddHHmmss');

interface TaskView {
  id: string;
  stepKey: string;
  role: string;
  status: string;
  outcome: string | null;
}
interface TransitionView {
  status: string;
  reason: string | null;
  pathway: string;
  tasks: TaskView[];
  timeline: { kind: string; stepKey: string | null; detail: Record<string, unknown> }[];
}

/** HL7 in, tasks and timeline out, through every app on the real servers. */
describe('HL7 → task → completion → next task → timeline; readmission (real servers)', () => {
  let system: RunningSystem;
  let worker: ChildProcess;
  let facility: string;

  const post = (body: string) => postHl7(system.gatewayUrl, body);
  const transition = async (visit: string): Promise<TransitionView | undefined> => {
    const id = encodeURIComponent(transitionWorkflowId(facility, visit));
    const response = await fetch(`${system.apiUrl}/api/v1/transitions/${id}`, {
      headers: await authHeaders(Role.Ops),
    });
    return response.status === 200 ? ((await response.json()) as TransitionView) : undefined;
  };
  /** Each test has its own patient: an admission reaches every open transition of its patient. */
  const message = (
    trigger: string,
    visit: string,
    controlId: string,
    extra: { admitAt?: string; mrn: string },
  ) =>
    adtMessage({
      trigger,
      controlId,
      sendingFacility: facility,
      patient: { identifiers: [{ id: extra.mrn, assigningAuthority: facility, typeCode: 'MR' }] },
      visit: {
        patientClass: 'I',
        visitNumber: { id: visit },
        location: { facility },
        dischargeDisposition: '01',
        admitAt: extra.admitAt ?? hl7Time(DateTime.now().minus({ days: 3 })),
        dischargeAt: trigger === 'A03' ? hl7Time(DateTime.now()) : undefined,
      },
    });

  /** The transition once its first task is open. */
  const withTask = (visit: string) =>
    eventually(async () => {
      const t = await transition(visit);
      return t?.tasks.length ? t : undefined;
    }, `the first task of ${visit}`).catch((error: Error) => {
      throw new Error(`${error.message}\nworker output:\n${outputOf(worker)}`);
    });

  beforeAll(async () => {
    system = await startSystem();
    facility = `LC${system.runId}`.toUpperCase();
    worker = spawnApp('worker', system.env);
  });
  afterAll(async () => {
    worker?.kill('SIGTERM');
    if (worker) await exited(worker);
    await system?.stop();
  });

  it('opens the contact task, and on completion the visit and med rec tasks, all on the timeline', async () => {
    expect((await post(message('A03', 'V1', 'LC-1', { mrn: 'LCMRN1' }))).status).toBe(200);
    const started = await withTask('V1');
    expect(started).toMatchObject({ status: 'active', pathway: 'tcm-discharge-home' });
    const [contact] = started.tasks;
    expect(contact).toMatchObject({ stepKey: 'tcm-contact', status: 'open' });

    const refused = await fetch(`${system.apiUrl}/api/v1/tasks/${contact.id}/complete`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await callerHeaders('nurse-1', [Role.Coordinator, 'transitional-care-nurse'])),
      },
      body: JSON.stringify({ outcome: 'visit-held' }),
    });
    expect(refused.status).toBe(409);
    const done = await fetch(`${system.apiUrl}/api/v1/tasks/${contact.id}/complete`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await callerHeaders('nurse-1', [Role.Coordinator, 'transitional-care-nurse'])),
      },
      body: JSON.stringify({ outcome: 'reached-patient' }),
    });
    expect(await done.json()).toMatchObject({ accepted: true, nextStepKey: 'follow-up-visit' });

    const next = await eventually(async () => {
      const t = await transition('V1');
      return t && t.tasks.filter((x) => x.status === 'open').length === 2 ? t : undefined;
    }, 'the visit and med rec tasks');
    expect(next.tasks.map((t) => `${t.stepKey}:${t.status}`).sort()).toEqual([
      'follow-up-visit:open',
      'medication-reconciliation:open',
      'tcm-contact:completed',
    ]);
    expect(next.timeline.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['event.received', 'pathway.selected', 'step.opened', 'step.completed']),
    );
    // who completed it is the subject of the caller's token
    const completed = next.timeline.find((e) => e.kind === 'step.completed' && e.stepKey === 'tcm-contact');
    expect(completed?.detail).toMatchObject({ outcome: 'reached-patient', by: 'nurse-1' });
  });

  it('an admission on another visit within 30 days closes the open transition as a readmission', async () => {
    expect((await post(message('A03', 'V3', 'LC-3', { mrn: 'LCMRN2' }))).status).toBe(200);
    expect(await withTask('V3')).toMatchObject({ status: 'active' });
    const admitAt = hl7Time(DateTime.now().plus({ minutes: 1 }));
    expect((await post(message('A01', 'V4', 'LC-4', { admitAt, mrn: 'LCMRN2' }))).status).toBe(200);
    const closed = await eventually(async () => {
      const t = await transition('V3');
      return t?.status === 'superseded' ? t : undefined;
    }, 'the readmission');
    expect(closed.reason).toBe('readmitted');
    expect(closed.tasks.filter((t) => t.status === 'open')).toHaveLength(0);
    expect(closed.timeline.map((e) => e.kind)).toContain('readmission.detected');
  });
});
