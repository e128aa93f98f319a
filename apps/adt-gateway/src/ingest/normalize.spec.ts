import { extractAdt, Hl7ParseError, parseHl7 } from '@ct/hl7';
import { adtMessage, sample } from '@ct/hl7/testing';
import { adtEventV1Schema, referralEventV1Schema, type AdtEventV1 } from '@ct/contracts';
import { normalize } from './normalize';
import { eventIdFor } from './normalize-common';

const zone = 'America/New_York';
const run = (raw: string) => normalize(extractAdt(parseHl7(raw)), 'mllp', () => zone);
const adt = (raw: string) => run(raw).value as AdtEventV1;

function failure(raw: string): Hl7ParseError {
  try {
    run(raw);
  } catch (error) {
    if (error instanceof Hl7ParseError) return error;
    throw error;
  }
  throw new Error('expected an Hl7ParseError');
}

describe('normalize: ADT', () => {
  it.each([
    ['A01', 'patient.admitted'],
    ['A02', 'patient.transferred'],
    ['A03', 'patient.discharged'],
    ['A04', 'patient.registered'],
    ['A05', 'patient.pre-admitted'],
    ['A06', 'patient.class-changed'],
    ['A07', 'patient.class-changed'],
    ['A08', 'patient.updated'],
    ['A11', 'admit.cancelled'],
    ['A12', 'transfer.cancelled'],
    ['A13', 'discharge.cancelled'],
  ])('maps %s to %s on adt.events.v1, valid against the contract', (trigger, type) => {
    const result = run(adtMessage({ trigger }));
    expect(result.topic).toBe('adt.events.v1');
    expect(result.value.type).toBe(type);
    expect(adtEventV1Schema.parse(result.value)).toEqual(result.value);
  });

  it('reads a time without offset in the facility zone and keeps an explicit offset', () => {
    const event = adt(adtMessage({ visit: { dischargeAt: '20261113140000', admitAt: '202611100825-0800' } }));
    expect(event.visit?.dischargeAt).toBe('2026-11-13T14:00:00-05:00');
    expect(event.visit?.admitAt).toBe('2026-11-10T08:25:00-08:00');
  });

  it("reads it in the zone of the event's facility: the visit's (PV1-3.4), else the sender's", () => {
    const zones: Record<string, string> = { LAKESHORE: 'America/Chicago', BAYVIEW: 'America/Los_Angeles' };
    const asked: string[] = [];
    const zoneOf = (facility: string) => (asked.push(facility), zones[facility] ?? zone);
    const at = (options: Parameters<typeof adtMessage>[0]) =>
      (normalize(extractAdt(parseHl7(adtMessage(options))), 'mllp', zoneOf).value as AdtEventV1).visit
        ?.dischargeAt;
    const discharge = { dischargeAt: '20261113140000' };
    expect(at({ visit: { ...discharge, location: { facility: 'LAKESHORE' } } })).toBe(
      '2026-11-13T14:00:00-06:00',
    );
    const noFacility = { ...discharge, location: { pointOfCare: '4WEST' } };
    expect(at({ sendingFacility: 'BAYVIEW', visit: noFacility })).toBe('2026-11-13T14:00:00-08:00');
    expect(asked).toEqual(['LAKESHORE', 'BAYVIEW']);
  });

  it('keys the patient by the MR identifier and the partition key by its hash', () => {
    const result = run(
      adtMessage({
        patient: {
          identifiers: [
            { id: '123-45-6789', assigningAuthority: 'SSA', typeCode: 'SS' },
            { id: 'MRN9', assigningAuthority: 'RIVERSIDE', typeCode: 'MR' },
          ],
        },
      }),
    );
    expect((result.value as AdtEventV1).patient.key).toBe('RIVERSIDE|MRN9');
    expect(result.key).toMatch(/^pk_[0-9a-f]{32}$/);
    expect(result.key).not.toContain('MRN9');
  });

  it('gives a resend the same event id: same sender and MSH-10', () => {
    const event = adt(adtMessage({ controlId: 'C-77', sendingApplication: 'EPIC', sendingFacility: 'RIV' }));
    expect(event.eventId).toBe(eventIdFor('EPIC|RIV', 'C-77'));
    expect(
      adt(adtMessage({ controlId: 'C-78', sendingApplication: 'EPIC', sendingFacility: 'RIV' })).eventId,
    ).not.toBe(event.eventId);
  });

  it('uses the location facility (PV1-3.4) before the sending facility', () => {
    expect(
      adt(adtMessage({ sendingFacility: 'HUB', visit: { location: { facility: 'NORTH' } } })).facility,
    ).toBe('NORTH');
  });

  it('maps an A40 merge to the prior patient key', () => {
    const event = adt(
      adtMessage({
        trigger: 'A40',
        structure: 'ADT_A39',
        visit: false,
        merge: { priorIdentifiers: [{ id: 'OLD1', assigningAuthority: 'RIVERSIDE', typeCode: 'MR' }] },
      }),
    );
    expect(event.type).toBe('patients.merged');
    expect(event.merge?.priorPatientKey).toBe('RIVERSIDE|OLD1');
  });

  it('refuses a discharge without PV1-19, naming the field', () => {
    const error = failure(adtMessage({ trigger: 'A03', visit: { visitNumber: undefined } }));
    expect(error.code).toBe('MISSING_FIELD');
    expect(error.location).toMatchObject({ segment: 'PV1', field: 19 });
  });

  it('refuses an event it does not handle with an unsupported-event error on MSH-9.2', () => {
    const error = failure(adtMessage({ trigger: 'A31', structure: 'ADT_A05' }));
    expect(error.hl7ErrorCode).toBe(201);
    expect(error.location).toMatchObject({ segment: 'MSH', field: 9, component: 2 });
  });
});

describe('normalize: referrals', () => {
  it('maps the sample REF^I12 to referral.created on referral.events.v1', () => {
    const result = run(sample('ref-i12-referral.hl7'));
    expect(result.topic).toBe('referral.events.v1');
    const event = referralEventV1Schema.parse(result.value);
    expect(event).toMatchObject({
      type: 'referral.created',
      trigger: 'I12',
      visitNumber: 'V7788045',
      referral: { id: 'REF778812', type: { code: 'HH', text: 'Home Health' } },
    });
    expect(event.referral.expiresAt).toBe('2026-12-13T00:00:00-05:00');
    expect(event.providers).toEqual([
      { role: 'RP', ids: ['5678'] },
      { role: 'RT', ids: ['HH0042'] },
    ]);
    expect(JSON.stringify(event.providers)).not.toContain('PATEL');
  });

  it.each([
    ['I13', 'referral.modified'],
    ['I14', 'referral.cancelled'],
  ])('maps %s to %s', (trigger, type) => {
    expect(
      run(sample('ref-i12-referral.hl7').replace('REF^I12^REF_I12', `REF^${trigger}^REF_${trigger}`)).value
        .type,
    ).toBe(type);
  });
});
