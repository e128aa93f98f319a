import type { z } from 'zod';
import { NOTIFICATION_EVENTS } from './fhir-codes';
import {
  NOTIFICATION_EVENT_SYSTEM,
  encounterSchema,
  messageHeaderSchema,
  notificationBundleSchema,
  patientSchema,
  type Encounter,
  type MessageHeader,
  type NotificationBundle,
  type Patient,
} from './notification-bundle.schema';
import { FhirInputError, issuesFromZod } from './operation-outcome';

export interface NotificationMessage {
  bundle: NotificationBundle;
  header: MessageHeader;
  encounter: Encounter;
  patient: Patient;
  /** FHIRPaths of the Encounter and Patient, for issues found while mapping them. */
  encounterAt: string;
  patientAt: string;
}

/** The resource a reference points at inside the Bundle: by fullUrl or by "Type/id". */
export function resolveReference(bundle: NotificationBundle, reference: string | undefined) {
  const index = reference
    ? bundle.entry.findIndex(
        ({ fullUrl, resource }) =>
          fullUrl === reference ||
          fullUrl?.endsWith(`/${reference}`) ||
          (resource.id !== undefined && `${resource.resourceType}/${resource.id}` === reference),
      )
    : -1;
  return index < 0 ? undefined : { index, resource: bundle.entry[index].resource };
}

function parse<S extends z.ZodType>(schema: S, input: unknown, prefix: string, status: 400 | 422) {
  const result = schema.safeParse(input);
  if (!result.success) throw new FhirInputError(issuesFromZod(result.error, prefix, input), status);
  return result.data;
}

/**
 * Reads a Da Vinci notification message: Bundle → MessageHeader (first entry) → focus Encounter →
 * subject Patient. A body that is not a message Bundle is a 400; one we cannot use is a 422.
 */
export function readNotification(raw: string): NotificationMessage {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new FhirInputError(
      [{ severity: 'error', code: 'structure', diagnostics: 'The body is not valid JSON' }],
      400,
    );
  }
  const bundle = parse(notificationBundleSchema, json, 'Bundle', 400);
  const header = parse(messageHeaderSchema, bundle.entry[0].resource, 'Bundle.entry[0].resource', 422);
  const { system, code } = header.eventCoding;
  if (system !== NOTIFICATION_EVENT_SYSTEM || !code || !(code in NOTIFICATION_EVENTS)) {
    throw FhirInputError.of(
      'not-supported',
      `Event ${code ?? '(none)'} is not supported; expected ${Object.keys(NOTIFICATION_EVENTS).join(', ')} from ${NOTIFICATION_EVENT_SYSTEM}`,
      'Bundle.entry[0].resource.eventCoding',
    );
  }
  const focus = header.focus
    .map((ref) => resolveReference(bundle, ref.reference))
    .find((found) => found?.resource.resourceType === 'Encounter');
  if (!focus) {
    throw FhirInputError.of(
      'required',
      'MessageHeader.focus must reference an Encounter in the Bundle',
      'Bundle.entry[0].resource.focus',
    );
  }
  const encounterAt = `Bundle.entry[${focus.index}].resource`;
  const encounter = parse(encounterSchema, focus.resource, encounterAt, 422);
  const subject = resolveReference(bundle, encounter.subject.reference);
  if (subject?.resource.resourceType !== 'Patient') {
    throw FhirInputError.of(
      'required',
      'Encounter.subject must reference a Patient in the Bundle',
      `${encounterAt}.subject`,
    );
  }
  const patientAt = `Bundle.entry[${subject.index}].resource`;
  const patient = parse(patientSchema, subject.resource, patientAt, 422);
  return { bundle, header, encounter, patient, encounterAt, patientAt };
}
