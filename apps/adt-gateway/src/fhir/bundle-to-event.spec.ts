import { adtEventV1Schema, type AdtEventV1 } from '@ct/contracts';
import { eventIdFor } from '../ingest/normalize-common';
import { bundleToEvent } from './bundle-to-event';
import { readNotification } from './read-notification';
import { notificationBundle, type NotificationBundleOptions } from './testing/notification-bundle';

const map = (options: NotificationBundleOptions = {}) =>
  bundleToEvent(readNotification(JSON.stringify(notificationBundle(options))));
const event = (options: NotificationBundleOptions = {}) => map(options).value as AdtEventV1;

describe('bundleToEvent: mapping', () => {
  it.each([
    ['notification-admit', 'patient.admitted', 'A01'],
    ['notification-transfer', 'patient.transferred', 'A02'],
    ['notification-discharge', 'patient.discharged', 'A03'],
  ])('maps %s to %s (%s) on adt.events.v1, valid against the contract', (code, type, trigger) => {
    const result = map({ event: code });
    expect(result.topic).toBe('adt.events.v1');
    expect(adtEventV1Schema.parse(result.value)).toMatchObject({
      type,
      trigger,
      source: { transport: 'fhir' },
    });
  });

  it('maps the discharge the way an HL7 A03 would', () => {
    expect(event()).toMatchObject({
      facility: 'RIVERSIDE',
      occurredAt: '2026-11-13T14:00:00-05:00',
      recordedAt: '2026-11-13T14:05:00-05:00',
      patient: { key: 'RIVERSIDE|MRN1001', sex: 'F', birthDate: '1950-02-03' },
      visit: {
        number: 'V1001',
        patientClass: 'I',
        dischargeDisposition: '01',
        admitAt: '2026-11-10T08:25:00-05:00',
        dischargeAt: '2026-11-13T14:00:00-05:00',
      },
      source: {
        controlId: 'bundle-1',
        messageType: 'notification-discharge',
        sendingApplication: 'Riverside EHR',
      },
    });
  });

  it('gives a resend the same event id: sender endpoint + Bundle.id, else MessageHeader.id', () => {
    expect(event().eventId).toBe(eventIdFor('https://ehr.riverside.example/fhir', 'bundle-1'));
    expect(event({ bundleId: 'bundle-2' }).eventId).not.toBe(event().eventId);
    expect(event({ bundleId: null, headerId: 'mh-9' }).eventId).toBe(
      eventIdFor('https://ehr.riverside.example/fhir', 'mh-9'),
    );
  });

  it('keys the patient as HL7 would (CX.4|id): configured authority, else the assigner, else the system', () => {
    const mrn = (extra: object) => ({
      patient: {
        resourceType: 'Patient' as const,
        identifier: [
          {
            system: 'urn:oid:2.16.840.1.113883.19.5',
            value: 'MRN1001',
            type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
            ...extra,
          },
        ],
      },
    });
    const keyOf = (options: NotificationBundleOptions, authorities = new Map<string, string>()) =>
      (
        bundleToEvent(readNotification(JSON.stringify(notificationBundle(options))), authorities)
          .value as AdtEventV1
      ).patient.key;
    const configured = new Map([['urn:oid:2.16.840.1.113883.19.5', 'RIVERSIDE']]);
    expect(keyOf(mrn({}), configured)).toBe('RIVERSIDE|MRN1001');
    expect(keyOf(mrn({ assigner: { identifier: { value: 'RIVERSIDE' } } }))).toBe('RIVERSIDE|MRN1001');
    expect(keyOf(mrn({ assigner: { display: 'RIVERSIDE' } }))).toBe('RIVERSIDE|MRN1001');
    expect(keyOf(mrn({}))).toBe('urn:oid:2.16.840.1.113883.19.5|MRN1001');
    // the configured map wins over what a sender puts in assigner
    expect(keyOf(mrn({ assigner: { display: 'Riverside Hospital' } }), configured)).toBe('RIVERSIDE|MRN1001');
  });

  it('keys the partition by a hash of the patient key, not the MRN', () => {
    const result = map();
    expect(result.key).toMatch(/^pk_[0-9a-f]{32}$/);
    expect(result.key).not.toContain('MRN1001');
  });

  it.each([
    ['IMP', 'I'],
    ['EMER', 'E'],
    ['AMB', 'O'],
    ['OBSENC', 'O'],
    ['PRENC', 'P'],
    ['XYZ', 'XYZ'],
  ])('maps encounter class %s to patient class %s', (code, patientClass) => {
    expect(event({ encounter: { class: { code } } }).visit?.patientClass).toBe(patientClass);
  });

  it.each([
    ['http://terminology.hl7.org/CodeSystem/discharge-disposition', 'home', '01'],
    ['http://terminology.hl7.org/CodeSystem/discharge-disposition', 'snf', '03'],
    ['http://terminology.hl7.org/CodeSystem/discharge-disposition', 'exp', '20'],
    ['http://terminology.hl7.org/CodeSystem/discharge-disposition', 'hosp', 'hosp'],
    ['https://www.nubc.org/CodeSystem/PatDischargeStatus', '06', '06'],
  ])('maps disposition %s|%s to PV1-36 %s', (system, code, expected) => {
    const hospitalization = { dischargeDisposition: { coding: [{ system, code }] } };
    expect(event({ encounter: { hospitalization } }).visit?.dischargeDisposition).toBe(expected);
  });

  it('takes the facility from serviceProvider, then location, then the sender, then source.name', () => {
    const location = { resourceType: 'Location', id: 'north', name: 'NORTH' };
    const extra = [{ fullUrl: 'Location/north', resource: location }];
    expect(
      event({
        extra,
        encounter: { serviceProvider: undefined, location: [{ location: { reference: 'Location/north' } }] },
      }).facility,
    ).toBe('NORTH');
    expect(event({ encounter: { serviceProvider: undefined } }).facility).toBe('RIVERSIDE');
    expect(event({ encounter: { serviceProvider: undefined }, header: { sender: undefined } }).facility).toBe(
      'Riverside EHR',
    );
  });

  it('uses the admit time for an admit and the bundle time for a transfer', () => {
    expect(event({ event: 'notification-admit' }).occurredAt).toBe('2026-11-10T08:25:00-05:00');
    expect(event({ event: 'notification-transfer' }).occurredAt).toBe('2026-11-13T14:05:00-05:00');
  });

  it('lists diagnoses by rank, ICD-10-CM as I10', () => {
    const condition = (id: string, code: string) => ({
      fullUrl: `urn:uuid:${id}`,
      resource: {
        resourceType: 'Condition',
        code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code }] },
      },
    });
    const diagnosis = [
      { condition: { reference: 'urn:uuid:c2' }, rank: 2 },
      { condition: { reference: 'urn:uuid:c1' }, rank: 1 },
    ];
    expect(
      event({ encounter: { diagnosis }, extra: [condition('c1', 'F32.9'), condition('c2', 'I10')] })
        .diagnoses,
    ).toEqual([
      { code: 'F32.9', codingSystem: 'I10', type: undefined },
      { code: 'I10', codingSystem: 'I10', type: undefined },
    ]);
  });
});
