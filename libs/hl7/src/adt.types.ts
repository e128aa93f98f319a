import type { Hl7Header } from './header';

/** CX: PID-3, MRG-1. */
export interface PatientIdentifier {
  id: string;
  /** CX.4 namespace id (HD.1). */
  assigningAuthority?: string;
  /** CX.5, e.g. MR, SS. */
  typeCode?: string;
}

/** XPN / XCN name parts; family is FN.1. */
export interface PersonName {
  family: string;
  given: string;
  middle?: string;
  suffix?: string;
  prefix?: string;
}

/** CE / CWE. */
export interface CodedValue {
  code: string;
  text?: string;
  codingSystem?: string;
}

export interface AdtEvent {
  eventTypeCode?: string;
  /** EVN-2 as sent (DTM). */
  recordedAt: string;
  plannedAt?: string;
  operatorId?: string;
  /** EVN-6 event occurred (v2.3+). */
  occurredAt?: string;
}

/** XTN: a phone number and what it is for (XTN.2: PRN home, WPN work, ORN other, NET e-mail). */
export interface Telecom {
  /** XTN.1 as sent, else built from XTN.6 area code, XTN.7 local number and XTN.8 extension. */
  number: string;
  use?: string;
  /** XTN.3, e.g. PH telephone, CP cell phone. */
  equipment?: string;
}

/** XAD (PID-11, PRD-3): the first repetition. */
export interface Address {
  street?: string;
  otherDesignation?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}

export interface Patient {
  identifiers: PatientIdentifier[];
  name: PersonName;
  birthDate?: string;
  sex?: string;
  /** PID-11, first repetition. */
  address?: Address;
  /** PID-13 (home, every repetition) then PID-14 (business). */
  phones?: Telecom[];
  /** PID-15 primary language (CE / CWE). */
  language?: CodedValue;
}

export interface PatientLocation {
  pointOfCare?: string;
  room?: string;
  bed?: string;
  facility?: string;
}

export interface Attending {
  id: string;
  family?: string;
  given?: string;
}

export interface VisitNumber {
  id: string;
  assigningAuthority?: string;
}

export interface Visit {
  patientClass: string;
  location?: PatientLocation;
  attending?: Attending;
  hospitalService?: string;
  admitSource?: string;
  visitNumber?: VisitNumber;
  /** PV1-36, e.g. 01 home, 06 home health, 20 expired. */
  dischargeDisposition?: string;
  /** PV1-37.1. */
  dischargedToLocation?: string;
  /** PV1-44 as sent (DTM). */
  admitAt?: string;
  /** PV1-45 first repetition as sent (DTM). */
  dischargeAt?: string;
}

export interface Diagnosis {
  setId?: number;
  code?: string;
  text?: string;
  codingSystem?: string;
  /** DG1-6, e.g. A admitting, W working, F final. */
  type?: string;
}

export interface Merge {
  priorIdentifiers: PatientIdentifier[];
  priorVisitNumber?: VisitNumber;
}

export interface Referral {
  status?: CodedValue;
  priority?: CodedValue;
  type?: CodedValue;
  category?: CodedValue;
  originalReferralId?: string;
  /** RF1-7 as sent (DTM). */
  effectiveAt?: string;
  /** RF1-8 as sent (DTM). */
  expiresAt?: string;
  reason?: CodedValue;
  externalReferralId?: string;
}

export type ProviderAddress = Address;

export interface ProviderIdentifier {
  id: string;
  typeCode?: string;
}

export interface Provider {
  role?: CodedValue;
  name?: PersonName;
  address?: ProviderAddress;
  identifiers: ProviderIdentifier[];
}

/** Typed content of an ADT (or REF referral) message. Optional parts are undefined when absent. */
export interface AdtMessage {
  header: Hl7Header;
  /** EVN; required for ADT, usually absent in REF. */
  event?: AdtEvent;
  patient: Patient;
  visit?: Visit;
  diagnoses: Diagnosis[];
  merge?: Merge;
  referral?: Referral;
  providers: Provider[];
  /** PD1-4, else the ROL segment with role PP (primary care provider); undefined when neither is sent. */
  primaryCareProvider?: Attending;
}
