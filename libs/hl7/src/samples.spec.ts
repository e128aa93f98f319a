import { buildAck } from './ack';
import { extractAdt } from './adt';
import { readHeader } from './header';
import { parseHl7 } from './message';
import { parseHl7Timestamp } from './timestamp';
import { sample, sampleNames } from './testing';

describe('shared HL7 samples', () => {
  it('has every sample', () => {
    expect(sampleNames()).toHaveLength(5);
  });

  it.each(sampleNames())('%s parses, extracts and is acknowledged', (name) => {
    const msg = parseHl7(sample(name));
    const adt = extractAdt(msg);
    expect(adt.patient.identifiers.length).toBeGreaterThan(0);
    const ack = parseHl7(buildAck(readHeader(msg), { code: 'AA' }));
    expect(ack.get('MSA-2')).toBe(adt.header.controlId);
  });

  it('admit A01', () => {
    const adt = extractAdt(parseHl7(sample('adt-a01-admit.hl7')));
    expect(adt.header).toMatchObject({
      messageCode: 'ADT',
      triggerEvent: 'A01',
      controlId: 'MSG00001',
      version: '2.5.1',
    });
    expect(adt.patient.identifiers).toEqual([
      { id: 'MRN100234', assigningAuthority: 'RIVERSIDE', typeCode: 'MR' },
      { id: '999-12-3456', assigningAuthority: 'SSA', typeCode: 'SS' },
    ]);
    expect(adt.patient.name).toEqual({ family: 'DOE', given: 'JANE', middle: 'Q' });
    expect(adt.visit).toMatchObject({
      patientClass: 'I',
      visitNumber: { id: 'V7788001' },
      admitAt: '20261110082500',
    });
    expect(adt.visit?.dischargeAt).toBeUndefined();
  });

  it('discharge home A03', () => {
    const adt = extractAdt(parseHl7(sample('adt-a03-discharge-home.hl7')));
    expect(adt.visit).toMatchObject({ dischargeDisposition: '01', dischargeAt: '20261113140000' });
    expect(adt.diagnoses).toEqual([
      { setId: 1, code: 'I50.9', text: 'Heart failure, unspecified', codingSystem: 'I10', type: 'A' },
    ]);
    expect(parseHl7Timestamp(adt.visit?.dischargeAt ?? '', 'America/Chicago')?.iso).toBe(
      '2026-11-13T14:00:00-06:00',
    );
  });

  it('discharge to home health A03', () => {
    const adt = extractAdt(parseHl7(sample('adt-a03-discharge-home-health.hl7')));
    expect(adt.visit).toMatchObject({
      dischargeDisposition: '06',
      visitNumber: { id: 'V7788045' },
      hospitalService: 'SUR',
    });
    expect(adt.visit?.attending).toEqual({ id: '5678', family: 'PATEL', given: 'RIYA' });
  });

  it('cancel discharge A13', () => {
    const adt = extractAdt(parseHl7(sample('adt-a13-cancel-discharge.hl7')));
    expect(adt.header).toMatchObject({ triggerEvent: 'A13', messageStructure: 'ADT_A01' });
    expect(adt.visit?.visitNumber?.id).toBe('V7788001');
  });

  it('referral REF^I12', () => {
    const ref = extractAdt(parseHl7(sample('ref-i12-referral.hl7')));
    expect(ref.event).toBeUndefined();
    expect(ref.referral).toMatchObject({
      status: { code: 'P', text: 'Pending' },
      type: { code: 'HH', text: 'Home Health' },
      originalReferralId: 'REF778812',
      effectiveAt: '20261113',
      expiresAt: '20261213',
    });
    expect(ref.providers.map((p) => [p.role?.code, p.name?.family, p.identifiers[0]?.id])).toEqual([
      ['RP', 'PATEL', '5678'],
      ['RT', 'SUNRISE HOME HEALTH', 'HH0042'],
    ]);
    expect(ref.visit?.visitNumber?.id).toBe('V7788045');
  });
});
