import { Hl7ParseError } from './errors';
import { parseHl7 } from './message';
import { hl7 } from './testing';

const MSH = 'MSH|^~\\&|APP|FAC|RCV|RFAC|20261113141500||ADT^A03^ADT_A03|C1|P|2.5.1';

function fail(raw: string): Hl7ParseError {
  try {
    parseHl7(raw);
  } catch (e) {
    if (e instanceof Hl7ParseError) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('parseHl7 segments', () => {
  it.each([
    ['\\r', '\r'],
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
  ])('splits segments on %s', (_label, end) => {
    const msg = parseHl7([MSH, 'EVN|A03|20261113', 'PID|1||MRN1'].join(end) + end);
    expect(msg.all().map((s) => s.name)).toEqual(['MSH', 'EVN', 'PID']);
    expect(msg.get('PID-3')).toBe('MRN1');
  });

  it('tolerates mixed terminators, blank lines, MLLP framing and a BOM', () => {
    const msg = parseHl7(`\x0b\ufeff${MSH}\r\n\r\nEVN|A03\n\nPID|1\r\x1c\r`);
    expect(msg.all().map((s) => s.name)).toEqual(['MSH', 'EVN', 'PID']);
  });

  it('keeps the raw text as received', () => {
    const raw = hl7(MSH, 'PID|1');
    expect(parseHl7(raw).raw).toBe(raw);
  });

  it('keeps Z-segments and repeated segments with their sequence', () => {
    const msg = parseHl7(hl7(MSH, 'ZPD|A|B^C', 'DG1|1', 'ZPD|second', 'DG1|2'));
    expect(msg.segments('ZPD').map((s) => s.get(1))).toEqual(['A', 'second']);
    expect(msg.segments('DG1').map((s) => s.sequence)).toEqual([1, 2]);
    expect(msg.get('ZPD-2.2')).toBe('C');
    expect(msg.get('ZPD[2]-1')).toBe('second');
    expect(msg.get('ZPD[3]-1')).toBeUndefined();
    expect(msg.segment('OBX')).toBeUndefined();
    expect(msg.segments('OBX')).toEqual([]);
  });

  it('accepts a segment with only its name', () => {
    expect(parseHl7(hl7(MSH, 'ZZZ')).segment('ZZZ')?.fieldCount).toBe(0);
  });

  it('tolerates trailing empty fields', () => {
    const pid = parseHl7(hl7(MSH, 'PID|1||MRN1|||||')).segment('PID');
    expect(pid?.fieldCount).toBe(8);
    expect(pid?.get(3)).toBe('MRN1');
    expect(pid?.get(8)).toBeUndefined();
    expect(pid?.get(99)).toBeUndefined();
    expect(pid?.field(99)).toBe('');
  });

  it.each([
    ['', 'EMPTY', 100],
    ['  \r\n ', 'EMPTY', 100],
    ['PID|1', 'NO_MSH', 100],
    ['EVN|1\rMSH|^~\\&|', 'NO_MSH', 100],
    [hl7(MSH, 'pid|1'), 'BAD_SEGMENT', 100],
    [hl7(MSH, 'PI'), 'BAD_SEGMENT', 100],
    [hl7(MSH, 'PIDX|1'), 'BAD_SEGMENT', 100],
  ])('rejects %j with %s', (raw, code, hl7ErrorCode) => {
    expect(fail(raw)).toMatchObject({ code, hl7ErrorCode });
  });

  it('names the segment for a message without MSH', () => {
    expect(fail('PID|1')).toMatchObject({ segment: 'MSH', sequence: 1 });
  });
});

describe('Hl7Message.get', () => {
  const msg = parseHl7(
    hl7(MSH, 'PID|1||MRN1^^^RIVERSIDE&1.2.3&ISO^MR~SSN9^^^SSA^SS||O\\T\\BRIEN^ANNE^^^DR~ALIAS^A', 'PV1|1|I'),
  );

  it('reads MSH-1 and MSH-2 literally', () => {
    expect(msg.get('MSH-1')).toBe('|');
    expect(msg.get('MSH-2')).toBe('^~\\&');
    expect(msg.segment('MSH')?.repetitionCount(2)).toBe(1);
  });

  it('numbers MSH fields from MSH-1', () => {
    expect(msg.get('MSH-3')).toBe('APP');
    expect(msg.get('MSH-9')).toBe('ADT^A03^ADT_A03');
    expect(msg.get('MSH-9.2')).toBe('A03');
    expect(msg.get('MSH-12')).toBe('2.5.1');
  });

  it('reads the first repetition by default', () => {
    expect(msg.get('PID-3')).toBe('MRN1^^^RIVERSIDE&1.2.3&ISO^MR');
    expect(msg.get('PID-3.1')).toBe('MRN1');
    expect(msg.get('PID-3[1].1')).toBe('MRN1');
  });

  it('reads later repetitions, components and subcomponents', () => {
    expect(msg.get('PID-3[2].1')).toBe('SSN9');
    expect(msg.get('PID-3[2].5')).toBe('SS');
    expect(msg.get('PID-3.4')).toBe('RIVERSIDE&1.2.3&ISO');
    expect(msg.get('PID-3.4.1')).toBe('RIVERSIDE');
    expect(msg.get('PID-3.4.3')).toBe('ISO');
    expect(msg.get('PID-3.4.4')).toBeUndefined();
    expect(msg.get('PID-3[3].1')).toBeUndefined();
    expect(msg.segment('PID')?.repetitionCount(3)).toBe(2);
    expect(msg.segment('PID')?.repetitionCount(4)).toBe(0);
  });

  it('decodes escape sequences after splitting', () => {
    expect(msg.get('PID-5.1')).toBe('O&BRIEN');
    expect(msg.get('PID-5[2].1')).toBe('ALIAS');
  });

  it('returns undefined for absent segments and empty values', () => {
    expect(msg.get('OBX-5')).toBeUndefined();
    expect(msg.get('PID-2')).toBeUndefined();
    expect(msg.get('PID-3.2')).toBeUndefined();
  });

  it.each(['PID', 'PID-0', 'PID-3[0]', 'pid-3', 'PID-3.x', 'PID-3..1'])('rejects the path %j', (path) => {
    expect(() => msg.get(path)).toThrow(RangeError);
  });
});
