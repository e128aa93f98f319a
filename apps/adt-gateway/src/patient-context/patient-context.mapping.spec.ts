import { extractAdt, parseHl7 } from '@ct/hl7';
import { adtMessage, refMessage, type AdtMessageOptions } from '@ct/hl7/testing';
import { normalize } from '../ingest/normalize';
import { patientContextOf } from './patient-context.mapping';

const NEW_YORK = () => 'America/New_York';

/** A Riverside discharge home with every part of the context a feed may send. */
const discharge: AdtMessageOptions = {
  controlId: 'PC-1',
  patient: {
    identifiers: [{ id: 'MRN100234', assigningAuthority: 'RIVERSIDE', typeCode: 'MR' }],
    name: { family: 'DOE', given: 'JANE', middle: 'Q' },
    birthDate: '19520314',
    sex: 'F',
    address: { street: '12 ELM ST', city: 'SPRINGFIELD', state: 'IL', postalCode: '62701' },
    phones: [
      { number: '(217)555-0101', use: 'PRN', equipment: 'PH' },
      { number: '(217)555-0199', use: 'WPN' },
    ],
    language: { code: 'SPA', text: 'Spanish' },
  },
  diagnoses: [
    { setId: 1, code: 'I50.9', text: 'Heart failure, unspecified', codingSystem: 'I10', type: 'A' },
    { setId: 2, code: 'E11.9', text: 'Type 2 diabetes', codingSystem: 'I10', type: 'W' },
  ],
  extraSegments: [{ name: 'PD1', fields: [undefined, undefined, undefined, ['4455', 'NGUYEN', 'LINH']] }],
};

function contextOf(options: AdtMessageOptions, raw = adtMessage(options)) {
  const adt = extractAdt(parseHl7(raw));
  const normalized = normalize(adt, 'http', NEW_YORK);
  return { context: patientContextOf(adt, normalized.value), event: normalized.value };
}

describe('patientContextOf (HL7 → patient context)', () => {
  it('maps PID, PD1, PV1 and DG1 of a discharge, keyed like its transition', () => {
    expect(contextOf(discharge).context).toEqual({
      transitionId: 'transition:RIVERSIDE:V7788001',
      facility: 'RIVERSIDE',
      visitNumber: 'V7788001',
      patientKey: 'RIVERSIDE|MRN100234',
      eventAt: '2026-11-13T14:15:00-05:00',
      patient: {
        name: { family: 'DOE', given: 'JANE', middle: 'Q' },
        birthDate: '19520314',
        sex: 'F',
        phones: [
          { number: '(217)555-0101', use: 'PRN', equipment: 'PH' },
          { number: '(217)555-0199', use: 'WPN' },
        ],
        address: { street: '12 ELM ST', city: 'SPRINGFIELD', state: 'IL', postalCode: '62701' },
        language: { code: 'SPA', text: 'Spanish' },
        primaryCareProvider: { id: '4455', family: 'NGUYEN', given: 'LINH' },
      },
      visit: {
        facility: 'RIVERSIDE',
        pointOfCare: '4WEST',
        room: '412',
        bed: 'B',
        attending: { id: '1234', family: 'SMITH', given: 'ALAN' },
        admitAt: '2026-11-10T08:25:00-05:00',
        dischargeAt: '2026-11-13T14:00:00-05:00',
        disposition: '01',
        diagnoses: [
          { code: 'I50.9', text: 'Heart failure, unspecified', codingSystem: 'I10', type: 'A' },
          { code: 'E11.9', text: 'Type 2 diabetes', codingSystem: 'I10', type: 'W' },
        ],
      },
    });
  });

  it('puts none of the contact details on the Kafka event', () => {
    const body = JSON.stringify(contextOf(discharge).event);
    for (const phi of ['555-0101', 'ELM ST', 'SPRINGFIELD', 'Spanish', 'NGUYEN', 'SMITH', 'Heart failure']) {
      expect(body).not.toContain(phi);
    }
  });

  it('takes the primary care provider from ROL (PP) where PD1-4 is not sent', () => {
    const rol = {
      name: 'ROL',
      fields: ['1', 'AD', ['PP', 'Primary Care Provider'], ['7788', 'OKAFOR', 'CHI']],
    };
    const { context } = contextOf({ ...discharge, extraSegments: [rol] });
    expect(context?.patient.primaryCareProvider).toEqual({ id: '7788', family: 'OKAFOR', given: 'CHI' });
  });

  it('leaves out what the message does not carry, so an earlier message keeps it', () => {
    const bare = { location: { facility: 'RIVERSIDE' }, attending: undefined, admitAt: undefined };
    const { context } = contextOf({
      trigger: 'A08',
      controlId: 'PC-2',
      visit: { ...bare, dischargeAt: undefined, dischargeDisposition: undefined },
    });
    expect(context?.patient).toEqual({
      name: { family: 'DOE', given: 'JANE', middle: 'Q' },
      birthDate: '19520314',
      sex: 'F',
    });
    expect(context?.visit).toEqual({ facility: 'RIVERSIDE' });
  });

  it('clears the discharge time on an A13 (cancel discharge)', () => {
    const { context } = contextOf({ ...discharge, trigger: 'A13', controlId: 'PC-3' });
    expect(context?.visit.dischargeAt).toBeNull();
  });

  it('has no context for a message without a visit (A40 merge)', () => {
    const merge = contextOf({
      trigger: 'A40',
      controlId: 'PC-4',
      visit: false,
      merge: { priorIdentifiers: [{ id: 'OLD1', assigningAuthority: 'RIVERSIDE', typeCode: 'MR' }] },
    });
    expect(merge.context).toBeUndefined();
  });

  it('keys a home care referral by its visit and any other by its referral id, with patient details only', () => {
    const home = contextOf({}, refMessage({ referral: { type: { code: 'HOM' }, originalReferralId: 'R1' } }));
    expect(home.context).toMatchObject({
      transitionId: 'transition:RIVERSIDE:V7788045',
      patient: { name: { family: 'DOE' } },
      visit: { facility: 'RIVERSIDE' },
    });
    expect(Object.keys(home.context?.visit ?? {})).toEqual(['facility']);
    const own = contextOf({}, refMessage({ referral: { type: { code: 'MED' }, originalReferralId: 'R2' } }));
    expect(own.context?.transitionId).toBe('transition:RIVERSIDE:referral-R2');
  });

  it('bounds free text and drops what jsonb refuses', () => {
    const { context } = contextOf({
      ...discharge,
      patient: { ...discharge.patient, name: { family: 'X'.repeat(500), given: 'A\u0000B' } },
    });
    expect(context?.patient.name?.family).toHaveLength(200);
    expect(context?.patient.name?.given).toBe('A\u2400B');
  });
});
