import type { PatientContextEntity } from '@ct/persistence';
import type { TaskView } from '../task.view';
import { taskDetailSchema, toTaskDetail } from './task-detail.view';

const task: TaskView = {
  id: '6b0f7a9e-4a53-4a57-9d0c-3f1f6f0b1a11',
  transitionId: 'transition:RIVERSIDE:V1',
  stepKey: 'tcm-contact',
  pathway: 'tcm-discharge-home',
  role: 'transitional-care-nurse',
  title: 'Interactive contact within 2 business days',
  status: 'open',
  priority: 'routine',
  facility: 'RIVERSIDE',
  patientKey: 'RIVERSIDE|M1',
  dueAt: '2026-11-17T05:00:00.000Z',
  breached: false,
  assignee: null,
  outcome: null,
  attempts: 0,
  doneAt: null,
  metBy: null,
  createdAt: '2026-11-13T19:15:00.000Z',
  revision: 1,
};

const context = {
  transitionId: task.transitionId,
  facility: 'RIVERSIDE',
  visitNumber: 'V1',
  patientKey: 'RIVERSIDE|M1',
  eventAt: new Date('2026-11-13T19:15:00Z'),
  patient: { name: { family: 'DOE', given: 'JANE' }, phones: [{ number: '(217)555-0101', use: 'PRN' }] },
  visit: { pointOfCare: '4WEST', dischargeAt: null, diagnoses: [{ code: 'I50.9' }] },
} as unknown as PatientContextEntity;

describe('toTaskDetail', () => {
  it('gives null for every part the feed has not sent, and a valid TaskDetail', () => {
    const detail = toTaskDetail(task, context);
    expect(detail.patient).toEqual({
      name: { family: 'DOE', given: 'JANE' },
      birthDate: null,
      sex: null,
      phones: [{ number: '(217)555-0101', use: 'PRN' }],
      address: null,
      language: null,
      primaryCareProvider: null,
    });
    expect(detail.visit).toMatchObject({
      visitNumber: 'V1',
      facility: 'RIVERSIDE',
      pointOfCare: '4WEST',
      room: null,
      dischargeAt: null,
      diagnoses: [{ code: 'I50.9' }],
      asOf: '2026-11-13T19:15:00.000Z',
    });
    expect(taskDetailSchema.safeParse(detail).success).toBe(true);
  });

  it('is the task with null patient and visit before any message for the visit', () => {
    expect(toTaskDetail(task, null)).toEqual({ ...task, patient: null, visit: null });
  });
});
