import { ADT_EVENTS_TOPIC, adtEventKey, patientKeyOf, type AdtEventV1 } from '@ct/contracts';
import type { NormalizedEvent } from '../ingest/normalize';
import { eventIdFor } from '../ingest/normalize-common';
import { CODING_SYSTEMS, NOTIFICATION_EVENTS, PATIENT_CLASSES, SEXES, dispositionOf } from './fhir-codes';
import {
  conditionSchema,
  placeSchema,
  type FhirReference,
  type NotificationBundle,
} from './notification-bundle.schema';
import { originOf } from './message-origin';
import { FhirInputError } from './operation-outcome';
import { resolveReference, type NotificationMessage } from './read-notification';

type FhirIdentifier = NonNullable<NotificationMessage['encounter']['identifier']>[number];
type Identifier = AdtEventV1['patient']['identifiers'][number];

const typeOf = (id: FhirIdentifier) => id.type?.coding?.find((c) => c.code)?.code;

/** System URI → HL7 assigning authority (CX.4), so FHIR and HL7 give a patient the same key. */
export type IdentifierAuthorities = ReadonlyMap<string, string>;

/**
 * The assigning authority is the configured one for the identifier's system, else its assigner
 * (how the v2-to-FHIR mapping carries CX.4), else the system URI itself.
 */
function identifierOf(id: FhirIdentifier, authorities: IdentifierAuthorities): Identifier[] {
  if (!id.value) return [];
  const assigner = id.assigner?.identifier?.value || id.assigner?.display || undefined;
  const authority = (id.system && authorities.get(id.system)) || assigner || id.system;
  return [{ id: id.value, assigningAuthority: authority, typeCode: typeOf(id) }];
}

/** An Organization's or Location's identifier, else its name; else what the reference itself says. */
function placeOf(bundle: NotificationBundle, ref: FhirReference | undefined): string | undefined {
  if (!ref) return undefined;
  const place = placeSchema.safeParse(resolveReference(bundle, ref.reference)?.resource);
  const named = place.success
    ? (place.data.identifier?.find((i) => i.value)?.value ?? place.data.name)
    : undefined;
  return named || ref.identifier?.value || ref.display || undefined;
}

function diagnosesOf({ bundle, encounter }: NotificationMessage): AdtEventV1['diagnoses'] {
  const ranked = [...(encounter.diagnosis ?? [])].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
  return ranked.flatMap((d) => {
    const condition = conditionSchema.safeParse(resolveReference(bundle, d.condition.reference)?.resource);
    const coding = condition.success ? condition.data.code?.coding?.find((c) => c.code) : undefined;
    if (!coding?.code) return [];
    const codingSystem = coding.system ? (CODING_SYSTEMS[coding.system] ?? coding.system) : undefined;
    return [{ code: coding.code, codingSystem, type: d.use?.coding?.find((c) => c.code)?.code }];
  });
}

/** Maps a notification message to the same adt.event.v1 an HL7 A01/A02/A03 gives. */
export function bundleToEvent(
  message: NotificationMessage,
  authorities: IdentifierAuthorities = new Map(),
): NormalizedEvent {
  const { bundle, header, encounter, patient, encounterAt, patientAt } = message;
  const origin = originOf(message);
  const { type, trigger } = NOTIFICATION_EVENTS[origin.messageType];
  const visit =
    encounter.identifier?.find((id) => id.value && typeOf(id) === 'VN') ??
    encounter.identifier?.find((id) => id.value);
  if (!visit?.value) {
    throw FhirInputError.of(
      'required',
      'Encounter.identifier (visit number) keys the transition',
      `${encounterAt}.identifier`,
    );
  }
  const facility =
    placeOf(bundle, encounter.serviceProvider) ??
    encounter.location?.map((l) => placeOf(bundle, l.location)).find(Boolean) ??
    placeOf(bundle, header.sender) ??
    header.source.name;
  if (!facility) {
    throw FhirInputError.of(
      'required',
      'No facility: give Encounter.serviceProvider or MessageHeader.sender',
      `${encounterAt}.serviceProvider`,
    );
  }
  const identifiers = patient.identifier.flatMap((id) => identifierOf(id, authorities));
  if (!identifiers.length) {
    throw FhirInputError.of('required', 'Patient.identifier needs a value', `${patientAt}.identifier`);
  }
  const primary = identifiers.find((id) => id.typeCode === 'MR') ?? identifiers[0];
  const { start, end } = encounter.period ?? {};
  const name = patient.name?.[0];
  const value: AdtEventV1 = {
    schema: 'adt.event.v1',
    eventId: eventIdFor(origin.sender, origin.controlId),
    type,
    trigger,
    occurredAt: (trigger === 'A01' ? start : trigger === 'A03' ? end : undefined) ?? bundle.timestamp,
    recordedAt: bundle.timestamp,
    facility,
    patient: {
      key: patientKeyOf(primary),
      identifiers,
      name: name ? { family: name.family, given: name.given?.[0] } : undefined,
      birthDate: patient.birthDate,
      sex: patient.gender ? (SEXES[patient.gender] ?? patient.gender) : undefined,
    },
    visit: {
      number: visit.value,
      patientClass: encounter.class.code
        ? (PATIENT_CLASSES[encounter.class.code] ?? encounter.class.code)
        : undefined,
      hospitalService: encounter.serviceType?.coding?.find((c) => c.code)?.code,
      dischargeDisposition: dispositionOf(encounter.hospitalization?.dischargeDisposition?.coding),
      admitAt: start,
      dischargeAt: end,
    },
    diagnoses: diagnosesOf(message),
    source: {
      sendingApplication: header.source.name ?? header.source.endpoint,
      sendingFacility: placeOf(bundle, header.sender) ?? facility,
      controlId: origin.controlId,
      messageType: origin.messageType,
      transport: 'fhir',
    },
  };
  return { topic: ADT_EVENTS_TOPIC, key: adtEventKey(value), value };
}
