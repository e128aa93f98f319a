import { extractAdt } from './adt';
import { Hl7ParseError } from './errors';
import { parseHl7 } from './message';
import { adtMessage, hl7, type AdtMessageOptions } from './testing';

const extract = (o: AdtMessageOptions = {}) => extractAdt(parseHl7(adtMessage(o)));

function failure(raw: string): Hl7ParseError {
  try {
    extractAdt(parseHl7(raw));
  } catch (e) {
    if (e instanceof Hl7ParseError) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('extractAdt validation', () => {
  it.each(['2.3', '2.3.1', '2.4', '2.5', '2.5.1', '2.6', '2.7', '2.7.1', '2.8', '2.8.2'])(
    'accepts version %s',
    (version) => {
      expect(extract({ version }).header.version).toBe(version);
    },
  );

  it.each<[string, AdtMessageOptions, object]>([
    ['an old version', { version: '2.2' }, { code: 'UNSUPPORTED_VERSION', hl7ErrorCode: 203, field: 12 }],
    ['v3', { version: '3.0' }, { code: 'UNSUPPORTED_VERSION', hl7ErrorCode: 203, field: 12 }],
    [
      'an ORU',
      { messageCode: 'ORU', trigger: 'R01' },
      { code: 'UNSUPPORTED_MESSAGE_TYPE', hl7ErrorCode: 200, field: 9, component: 1 },
    ],
    ['an A28', { trigger: 'A28' }, { code: 'UNSUPPORTED_EVENT', hl7ErrorCode: 201, field: 9, component: 2 }],
    ['no EVN', { event: false }, { code: 'MISSING_SEGMENT', hl7ErrorCode: 100, segment: 'EVN' }],
    ['an A40 without MRG', { trigger: 'A40' }, { code: 'MISSING_SEGMENT', segment: 'MRG' }],
    [
      'no PID-3',
      { patient: { identifiers: [] } },
      { code: 'MISSING_FIELD', hl7ErrorCode: 101, segment: 'PID', sequence: 1, field: 3 },
    ],
    [
      'no PV1-2',
      { visit: { patientClass: '' } },
      { code: 'MISSING_FIELD', segment: 'PV1', field: 2, component: 1 },
    ],
    [
      'no EVN-2',
      { event: { recordedAt: '' }, messageTime: '' },
      { code: 'MISSING_FIELD', segment: 'EVN', field: 2 },
    ],
    [
      'a bad PV1-45',
      { visit: { dischargeAt: '13/11/2026' } },
      { code: 'BAD_VALUE', hl7ErrorCode: 102, segment: 'PV1', field: 45 },
    ],
  ])('rejects %s with its location', (_label, options, expected) => {
    expect(failure(adtMessage(options))).toMatchObject(expected);
  });

  it('refuses an A40 with a second PID/MRG group instead of dropping that merge', () => {
    const one = adtMessage({
      trigger: 'A40',
      merge: { priorIdentifiers: [{ id: 'OLD1', assigningAuthority: 'RIV' }] },
    });
    expect(extractAdt(parseHl7(one)).merge?.priorIdentifiers).toHaveLength(1);
    const lines = one.split('\r').filter(Boolean);
    const pid = lines.find((l) => l.startsWith('PID|'))!;
    const mrg = lines.find((l) => l.startsWith('MRG|'))!;
    const two = [...lines, pid, mrg.replace('OLD1', 'OLD2')].join('\r');
    expect(failure(two)).toMatchObject({
      code: 'BAD_SEGMENT',
      hl7ErrorCode: 100,
      segment: 'MRG',
      sequence: 2,
      message: expect.stringContaining('2 PID/MRG groups in one message'),
    });
  });

  it('reports a bad DG1 set id on the right DG1 repetition', () => {
    const raw = hl7('MSH|^~\\&|A|B|C|D|2026||ADT^A03|C1|P|2.5', 'EVN||2026', 'PID|1||M1', 'DG1|1', 'DG1|two');
    expect(failure(raw)).toMatchObject({ code: 'BAD_VALUE', segment: 'DG1', sequence: 2, field: 1 });
  });

  it('reports a missing PID', () => {
    expect(failure(hl7('MSH|^~\\&|A|B|C|D|2026||ADT^A01|C1|P|2.5', 'EVN||2026'))).toMatchObject({
      code: 'MISSING_SEGMENT',
      segment: 'PID',
    });
  });
});
