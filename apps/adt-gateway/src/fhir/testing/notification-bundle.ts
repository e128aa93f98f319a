import {
  NOTIFICATION_EVENT_SYSTEM,
  type Encounter,
  type MessageHeader,
  type Patient,
} from '../notification-bundle.schema';

export type NotificationEvent = 'notification-admit' | 'notification-transfer' | 'notification-discharge';

export interface NotificationBundleOptions {
  /** A known event, or any other code for a negative test (`string & {}` keeps the known ones suggested). */
  event?: NotificationEvent | (string & {});
  /** Bundle.id; `null` leaves it out. */
  bundleId?: string | null;
  headerId?: string;
  endpoint?: string;
  timestamp?: string;
  header?: Partial<MessageHeader>;
  encounter?: Partial<Encounter>;
  patient?: Partial<Patient>;
  /** More entries after Encounter, Patient and Organization, e.g. Conditions. */
  extra?: { fullUrl: string; resource: Record<string, unknown> }[];
}

/** A Da Vinci notification message Bundle (discharge by default) with a test patient; override any part. */
export function notificationBundle(options: NotificationBundleOptions = {}) {
  const event = options.event ?? 'notification-discharge';
  const header: MessageHeader = {
    resourceType: 'MessageHeader',
    id: options.headerId ?? 'mh-1',
    eventCoding: { system: NOTIFICATION_EVENT_SYSTEM, code: event },
    source: { name: 'Riverside EHR', endpoint: options.endpoint ?? 'https://ehr.riverside.example/fhir' },
    sender: { reference: 'Organization/riverside' },
    focus: [{ reference: 'Encounter/enc-1' }],
    ...options.header,
  };
  const encounter: Encounter = {
    resourceType: 'Encounter',
    id: 'enc-1',
    identifier: [
      {
        system: 'https://riverside.example/visit',
        value: 'V1001',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'VN' }] },
      },
    ],
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
    subject: { reference: 'Patient/pat-1' },
    period: {
      start: '2026-11-10T08:25:00-05:00',
      ...(event === 'notification-discharge' ? { end: '2026-11-13T14:00:00-05:00' } : {}),
    },
    hospitalization:
      event === 'notification-discharge'
        ? {
            dischargeDisposition: {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/discharge-disposition', code: 'home' },
              ],
            },
          }
        : undefined,
    serviceProvider: { reference: 'Organization/riverside' },
    ...options.encounter,
  };
  const patient: Patient = {
    resourceType: 'Patient',
    identifier: [
      { system: 'http://hl7.org/fhir/sid/us-ssn', value: '123-45-6789' },
      {
        system: 'RIVERSIDE',
        value: 'MRN1001',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
      },
    ],
    name: [{ family: 'DOE', given: ['JANE'] }],
    birthDate: '1950-02-03',
    gender: 'female',
    ...options.patient,
  };
  const organization = {
    resourceType: 'Organization',
    id: 'riverside',
    identifier: [{ system: 'https://riverside.example/facility', value: 'RIVERSIDE' }],
    name: 'Riverside Hospital',
  };
  return {
    resourceType: 'Bundle',
    ...(options.bundleId === null ? {} : { id: options.bundleId ?? 'bundle-1' }),
    type: 'message',
    timestamp: options.timestamp ?? '2026-11-13T14:05:00-05:00',
    entry: [
      { fullUrl: 'https://ehr.riverside.example/fhir/MessageHeader/mh-1', resource: header },
      { fullUrl: 'https://ehr.riverside.example/fhir/Encounter/enc-1', resource: encounter },
      { fullUrl: 'https://ehr.riverside.example/fhir/Patient/pat-1', resource: patient },
      { fullUrl: 'https://ehr.riverside.example/fhir/Organization/riverside', resource: organization },
      ...(options.extra ?? []),
    ],
  };
}
