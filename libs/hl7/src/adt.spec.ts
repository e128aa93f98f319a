import { extractAdt } from './adt';
import { parseHl7 } from './message';
import { adtMessage, hl7, type AdtMessageOptions } from './testing';

const extract = (o: AdtMessageOptions = {}) => extractAdt(parseHl7(adtMessage(o)));

describe('extractAdt', () => {
  it('reads EVN', () => {
    const adt = extract({
      event: {
        recordedAt: '20261113141500',
        plannedAt: '20261114',
        operatorId: 'OP1',
        occurredAt: '202611131400',
      },
    });
    expect(adt.event).toEqual({
      eventTypeCode: 'A03',
      recordedAt: '20261113141500',
      plannedAt: '20261114',
      operatorId: 'OP1',
      occurredAt: '202611131400',
    });
  });

  it('reads every PID-3 identifier and the PID name, birth date and sex', () => {
    const identifiers = [
      { id: 'MRN1', assigningAuthority: 'RIVERSIDE', typeCode: 'MR' },
      { id: 'SSN^9', assigningAuthority: 'SSA', typeCode: 'SS' },
      { id: 'E1', assigningAuthority: undefined, typeCode: undefined },
    ];
    const name = { family: "O'BRIEN & SONS", given: 'ANNE', middle: 'M', suffix: 'JR', prefix: 'DR' };
    const adt = extract({ patient: { identifiers, name, birthDate: '19520314', sex: 'F' } });
    expect(adt.patient).toEqual({ identifiers, name, birthDate: '19520314', sex: 'F' });
  });

  it('reads the assigning authority namespace out of an HD with subcomponents', () => {
    const raw = hl7(
      'MSH|^~\\&|A|B|C|D|2026||ADT^A08|C1|P|2.4',
      'EVN|A08|2026',
      'PID|1||M1^^^RIV&1.2.3&ISO^MR',
    );
    expect(extractAdt(parseHl7(raw)).patient.identifiers).toEqual([
      { id: 'M1', assigningAuthority: 'RIV', typeCode: 'MR' },
    ]);
  });

  it('reads PV1', () => {
    const visit = {
      patientClass: 'I',
      location: { pointOfCare: '4WEST', room: '412', bed: 'B', facility: 'RIVERSIDE' },
      attending: { id: '1234', family: 'SMITH', given: 'ALAN' },
      hospitalService: 'MED',
      admitSource: '7',
      visitNumber: { id: 'V1', assigningAuthority: 'RIVERSIDE' },
      dischargeDisposition: '06',
      dischargedToLocation: 'SNF1',
      admitAt: '20261110082500',
      dischargeAt: '20261113140000-0500',
    };
    expect(extract({ visit }).visit).toEqual(visit);
  });

  it('leaves absent PV1 parts undefined', () => {
    const raw = hl7('MSH|^~\\&|A|B|C|D|2026||ADT^A01|C1|P|2.5', 'EVN||2026', 'PID|1||M1', 'PV1|1|E');
    expect(extractAdt(parseHl7(raw)).visit).toEqual({ patientClass: 'E' });
  });

  it('reads the first PV1-45 repetition', () => {
    const raw = hl7(
      'MSH|^~\\&|A|B|C|D|2026||ADT^A03|C1|P|2.5',
      'EVN||2026',
      'PID|1||M1',
      `PV1|1|I${'|'.repeat(43)}20261113~20261114`,
    );
    expect(extractAdt(parseHl7(raw)).visit?.dischargeAt).toBe('20261113');
  });

  it('reads DG1 segments in order, with pre-2.5 text and coding system fallbacks', () => {
    const diagnoses = [
      { setId: 1, code: 'I50.9', text: 'Heart failure | unspecified', codingSystem: 'I10', type: 'A' },
      { setId: 2, code: 'J44.1', text: undefined, codingSystem: undefined, type: 'F' },
    ];
    expect(extract({ diagnoses }).diagnoses).toEqual(diagnoses);
    const legacy = hl7(
      'MSH|^~\\&|A|B|C|D|2026||ADT^A03|C1|P|2.3',
      'EVN||2026',
      'PID|1||M1',
      'DG1|1|I9|428.0|CHF||W',
    );
    expect(extractAdt(parseHl7(legacy)).diagnoses).toEqual([
      { setId: 1, code: '428.0', text: 'CHF', codingSystem: 'I9', type: 'W' },
    ]);
  });

  it('reads MRG for A40', () => {
    const merge = {
      priorIdentifiers: [
        { id: 'OLD1', assigningAuthority: 'RIV', typeCode: 'MR' },
        { id: 'OLD2', assigningAuthority: 'RIV', typeCode: 'PI' },
      ],
      priorVisitNumber: { id: 'V0', assigningAuthority: 'RIV' },
    };
    const adt = extract({ trigger: 'A40', structure: 'ADT_A39', visit: false, merge });
    expect(adt.merge).toEqual(merge);
    expect(adt.visit).toBeUndefined();
  });

  it('has no referral, merge or providers in a plain discharge', () => {
    const adt = extract();
    expect(adt.referral).toBeUndefined();
    expect(adt.merge).toBeUndefined();
    expect(adt.providers).toEqual([]);
    expect(adt.diagnoses).toEqual([]);
  });

  it('reads messages with \\n terminators, Z-segments and trailing empty fields', () => {
    const raw = adtMessage({
      segmentTerminator: '\n',
      extraSegments: [{ name: 'ZPD', fields: ['x', '', '', ''] }],
    });
    const msg = parseHl7(raw.replace(/\n/g, '|||\n'));
    expect(extractAdt(msg).patient.identifiers[0].id).toBe('MRN100234');
    expect(msg.get('ZPD-1')).toBe('x');
  });
});
