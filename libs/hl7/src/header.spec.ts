import { Hl7ParseError } from './errors';
import { readHeader } from './header';
import { parseHl7 } from './message';
import { adtMessage, hl7 } from './testing';

function headerError(raw: string): Hl7ParseError {
  try {
    readHeader(parseHl7(raw));
  } catch (e) {
    if (e instanceof Hl7ParseError) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('readHeader', () => {
  it('reads every MSH field', () => {
    const raw = hl7(
      'MSH|^~\\&|EPIC^1.2.3^ISO|RIVER\\T\\SIDE|CT|CTF|20261113141500-0500||ADT^A03^ADT_A03|C1|T^A|2.8^USA|||AL|NE',
    );
    expect(readHeader(parseHl7(raw))).toEqual({
      sendingApplication: 'EPIC',
      sendingFacility: 'RIVER&SIDE',
      receivingApplication: 'CT',
      receivingFacility: 'CTF',
      messageTime: '20261113141500-0500',
      messageCode: 'ADT',
      triggerEvent: 'A03',
      messageStructure: 'ADT_A03',
      controlId: 'C1',
      processingId: 'T',
      version: '2.8',
      acceptAckType: 'AL',
      applicationAckType: 'NE',
    });
  });

  it('leaves optional MSH fields undefined or empty', () => {
    const h = readHeader(parseHl7(hl7('MSH|^~\\&|||||||ADT^A01|C1||2.3')));
    expect(h).toMatchObject({ sendingApplication: '', messageTime: '', processingId: '' });
    expect(h.messageStructure).toBeUndefined();
    expect(h.acceptAckType).toBeUndefined();
    expect(h.applicationAckType).toBeUndefined();
  });

  it.each([
    ['MSH|^~\\&|A|B|C|D|2026||^A01|C1|P|2.5', 9, 1],
    ['MSH|^~\\&|A|B|C|D|2026||ADT|C1|P|2.5', 9, 2],
    ['MSH|^~\\&|A|B|C|D|2026||ADT^A01||P|2.5', 10, undefined],
    ['MSH|^~\\&|A|B|C|D|2026||ADT^A01|C1|P', 12, 1],
    ['MSH|^~\\&', 9, 1],
  ])('reports the missing required field in %j', (raw, field, component) => {
    expect(headerError(hl7(raw))).toMatchObject({
      code: 'MISSING_FIELD',
      hl7ErrorCode: 101,
      segment: 'MSH',
      sequence: 1,
      field,
      component,
    });
  });

  it('reads the builder default', () => {
    expect(readHeader(parseHl7(adtMessage({ controlId: 'X9', version: '2.3' })))).toMatchObject({
      controlId: 'X9',
      version: '2.3',
      triggerEvent: 'A03',
    });
  });
});
