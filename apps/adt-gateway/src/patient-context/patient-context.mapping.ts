import type { AdtEventV1, ReferralEventV1 } from '@ct/contracts';
import { referralTransitionKey } from '@ct/domain';
import type { AdtMessage, Attending } from '@ct/hl7';
import { storable, type ContextPerson, type PatientDetails, type VisitDetails } from '@ct/persistence';
import { transitionWorkflowId } from '@ct/temporal';

/** What the gateway stores of one message for its visit's patient context. */
export interface PatientContextWrite {
  transitionId: string;
  facility: string;
  visitNumber: string;
  patientKey: string;
  /** The event's occurredAt: a message older than the one held changes nothing. */
  eventAt: string;
  patient: PatientDetails;
  visit: VisitDetails;
}

// one field of free text from a feed: bounded, without the NUL or lone surrogate jsonb refuses
const MAX_TEXT = 200;
const MAX_LIST = 20;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const text = (value: string | undefined) =>
  value ? storable(value).slice(0, MAX_TEXT).replace(LONE_SURROGATE, '\uFFFD') : undefined;

/** Absent parts dropped (undefined), cleared ones kept (null): exactly what is merged into the row. */
const compact = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function person(value: Attending | undefined): ContextPerson | undefined {
  if (!value) return undefined;
  return { id: text(value.id) ?? '', family: text(value.family), given: text(value.given) };
}

function patientOf({ patient, primaryCareProvider }: AdtMessage): PatientDetails {
  const { name, address, language } = patient;
  const named = Boolean(name.family || name.given);
  return {
    name: named
      ? {
          family: text(name.family),
          given: text(name.given),
          middle: text(name.middle),
          suffix: text(name.suffix),
          prefix: text(name.prefix),
        }
      : undefined,
    birthDate: text(patient.birthDate),
    sex: text(patient.sex),
    phones: patient.phones?.slice(0, MAX_LIST).map((p) => ({
      number: text(p.number) ?? '',
      use: text(p.use),
      equipment: text(p.equipment),
    })),
    address: address && {
      street: text(address.street),
      otherDesignation: text(address.otherDesignation),
      city: text(address.city),
      state: text(address.state),
      postalCode: text(address.postalCode),
      country: text(address.country),
    },
    language: language && {
      code: text(language.code) ?? '',
      text: text(language.text),
      codingSystem: text(language.codingSystem),
    },
    primaryCareProvider: person(primaryCareProvider),
  };
}

function visitOf(message: AdtMessage, event: AdtEventV1): VisitDetails {
  const { visit } = message;
  const times = event.visit;
  const diagnoses = message.diagnoses
    .filter((d) => d.code)
    .slice(0, MAX_LIST)
    .map((d) => ({
      code: text(d.code) ?? '',
      text: text(d.text),
      codingSystem: text(d.codingSystem),
      type: text(d.type),
    }));
  return {
    facility: event.facility,
    pointOfCare: text(visit?.location?.pointOfCare),
    room: text(visit?.location?.room),
    bed: text(visit?.location?.bed),
    attending: person(visit?.attending),
    admitAt: times?.admitAt,
    // an A13 takes the discharge back: null clears the time an earlier A03 gave
    dischargeAt: event.type === 'discharge.cancelled' ? null : times?.dischargeAt,
    disposition: text(visit?.dischargeDisposition),
    // no DG1 in this message keeps the diagnoses an earlier one sent
    diagnoses: diagnoses.length > 0 ? diagnoses : undefined,
  };
}

/**
 * The patient context a message carries, keyed like its transition (a referral as the
 * orchestrator keys it); undefined for an ADT message without a visit (A40 merge, A04/A08 without
 * PV1-19), which no transition is keyed by. A referral gives the patient's details only: the
 * visit a home care referral joins is the discharge's, and its PV1 is not that stay's.
 */
export function patientContextOf(
  message: AdtMessage,
  event: AdtEventV1 | ReferralEventV1,
): PatientContextWrite | undefined {
  const isAdt = event.schema === 'adt.event.v1';
  const visitNumber = isAdt ? event.visit?.number : referralTransitionKey(event);
  if (!visitNumber) return undefined;
  return {
    transitionId: transitionWorkflowId(event.facility, visitNumber),
    facility: event.facility,
    visitNumber,
    patientKey: event.patient.key,
    eventAt: event.occurredAt,
    patient: compact(patientOf(message)),
    visit: compact(isAdt ? visitOf(message, event) : { facility: event.facility }),
  };
}
