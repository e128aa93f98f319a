import { z } from 'zod';
import type { PatientContextEntity } from '@ct/persistence';
import { taskViewSchema, type TaskView } from '../task.view';

const person = z.object({ id: z.string(), family: z.string().optional(), given: z.string().optional() });
const coded = z.object({
  code: z.string(),
  text: z.string().optional(),
  codingSystem: z.string().optional(),
});

/** PHI: PID (name, birth date, sex, phones, address, language) and the primary care provider. */
export const patientContextSchema = z
  .object({
    name: z
      .object({
        family: z.string().optional(),
        given: z.string().optional(),
        middle: z.string().optional(),
        suffix: z.string().optional(),
        prefix: z.string().optional(),
      })
      .nullable(),
    /** As sent (HL7 date, YYYYMMDD). */
    birthDate: z.string().nullable(),
    sex: z.string().nullable(),
    phones: z.array(
      z.object({
        number: z.string(),
        /** XTN.2: PRN home, WPN work, ORN other. */
        use: z.string().optional(),
        equipment: z.string().optional(),
      }),
    ),
    address: z
      .object({
        street: z.string().optional(),
        otherDesignation: z.string().optional(),
        city: z.string().optional(),
        state: z.string().optional(),
        postalCode: z.string().optional(),
        country: z.string().optional(),
      })
      .nullable(),
    language: coded.nullable(),
    primaryCareProvider: person.nullable(),
  })
  .meta({ id: 'PatientContext' });

/** The visit of the task's transition: PV1 and DG1 as the latest message gave them. */
export const visitContextSchema = z
  .object({
    visitNumber: z.string(),
    facility: z.string(),
    pointOfCare: z.string().nullable(),
    room: z.string().nullable(),
    bed: z.string().nullable(),
    attending: person.nullable(),
    admitAt: z.iso.datetime({ offset: true }).nullable(),
    dischargeAt: z.iso.datetime({ offset: true }).nullable(),
    /** PV1-36, e.g. 01 home, 06 home health. */
    disposition: z.string().nullable(),
    diagnoses: z.array(coded.extend({ type: z.string().optional() })),
    /** Event time of the latest message the context holds. */
    asOf: z.iso.datetime(),
  })
  .meta({ id: 'VisitContext' });

/**
 * A task with its patient and visit; both null while no message for the visit has been stored.
 * The patient is the task's `patientKey` (the context is found by transition id, so it follows a merge).
 */
export const taskDetailSchema = taskViewSchema
  .extend({ patient: patientContextSchema.nullable(), visit: visitContextSchema.nullable() })
  .meta({ id: 'TaskDetail' });
export type TaskDetail = z.infer<typeof taskDetailSchema>;

export function toTaskDetail(task: TaskView, context: PatientContextEntity | null): TaskDetail {
  if (!context) return { ...task, patient: null, visit: null };
  const { patient, visit } = context;
  return {
    ...task,
    patient: {
      name: patient.name ?? null,
      birthDate: patient.birthDate ?? null,
      sex: patient.sex ?? null,
      phones: patient.phones ?? [],
      address: patient.address ?? null,
      language: patient.language ?? null,
      primaryCareProvider: patient.primaryCareProvider ?? null,
    },
    visit: {
      visitNumber: context.visitNumber,
      facility: visit.facility ?? context.facility,
      pointOfCare: visit.pointOfCare ?? null,
      room: visit.room ?? null,
      bed: visit.bed ?? null,
      attending: visit.attending ?? null,
      admitAt: visit.admitAt ?? null,
      dischargeAt: visit.dischargeAt ?? null,
      disposition: visit.disposition ?? null,
      diagnoses: visit.diagnoses ?? [],
      asOf: context.eventAt.toISOString(),
    },
  };
}
