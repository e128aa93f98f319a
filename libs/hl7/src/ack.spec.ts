import { ackCode, ackMode, buildAck, errorFromParseError, type AckError, type AckOutcome } from './ack';
import { Hl7ParseError } from './errors';
import { readHeader, type Hl7Header } from './header';
import { parseHl7, type Hl7Message } from './message';
import { adtMessage } from './testing';

const header = (o = {}): Hl7Header => readHeader(parseHl7(adtMessage({ controlId: 'MSG42', ...o })));
const NOW = new Date(Date.UTC(2026, 10, 13, 19, 15, 0, 250));

describe('ackMode and ackCode', () => {
  it('is original without MSH-15/16 and enhanced with either', () => {
    expect(ackMode(header())).toBe('original');
    expect(ackMode(header({ acceptAckType: 'AL' }))).toBe('enhanced');
    expect(ackMode(header({ applicationAckType: 'ER' }))).toBe('enhanced');
  });

  it.each([
    ['original', 'accept', 'AA'],
    ['original', 'error', 'AE'],
    ['original', 'reject', 'AR'],
    ['enhanced', 'accept', 'CA'],
    ['enhanced', 'error', 'CE'],
    ['enhanced', 'reject', 'CR'],
  ] as const)('%s %s is %s', (mode, outcome, code) => {
    expect(ackCode(mode, outcome)).toBe(code);
  });
});

describe('buildAck', () => {
  it('swaps sender and receiver and echoes MSH-10 in MSA-2', () => {
    const raw = buildAck(header({ version: '2.4', processingId: 'T' }), { code: 'AA' }, NOW);
    expect(raw.endsWith('\r')).toBe(true);
    expect(raw).not.toContain('\n');
    const ack = parseHl7(raw);
    expect(ack.all().map((s) => s.name)).toEqual(['MSH', 'MSA']);
    expect(ack.get('MSH-3')).toBe('CARETRANS');
    expect(ack.get('MSH-5')).toBe('EPICADT');
    expect(ack.get('MSH-6')).toBe('RIVERSIDE');
    expect(ack.get('MSH-9')).toBe('ACK^A03^ACK');
    expect(ack.get('MSH-10')).not.toBe('MSG42');
    expect(ack.get('MSH-10')?.length).toBeLessThanOrEqual(20);
    expect(ack.get('MSH-11')).toBe('T');
    expect(ack.get('MSH-12')).toBe('2.4');
    expect(ack.get('MSH-7')).toMatch(/^\d{14}\.\d{3}[+-]\d{4}$/);
    expect(ack.get('MSA-1')).toBe('AA');
    expect(ack.get('MSA-2')).toBe('MSG42');
  });

  it('gives every ACK its own control id', () => {
    const h = header();
    expect(parseHl7(buildAck(h, { code: 'AA' }, NOW)).get('MSH-10')).not.toBe(
      parseHl7(buildAck(h, { code: 'AA' }, NOW)).get('MSH-10'),
    );
  });

  it('writes ERR segments from a parse error in enhanced mode', () => {
    const h = header({ acceptAckType: 'AL' });
    const err = new Hl7ParseError('MISSING_FIELD', 'PID-3 | missing', {
      segment: 'PID',
      sequence: 1,
      field: 3,
      component: 1,
    });
    const raw = buildAck(
      h,
      { code: ackCode(ackMode(h), 'error'), text: 'bad ^ data', errors: [errorFromParseError(err)] },
      NOW,
    );
    const ack = parseHl7(raw);
    expect(ack.get('MSA-1')).toBe('CE');
    expect(ack.get('MSA-3')).toBe('bad ^ data');
    expect(ack.segment('ERR')?.field(2)).toBe('PID^1^3^1^1');
    expect(ack.get('ERR-3')).toBe('101^Required field missing^HL70357');
    expect(ack.get('ERR-4')).toBe('E');
    expect(ack.get('ERR-8')).toBe('PID-3 | missing');
    expect(ack.get('ERR-1')).toBeUndefined();
  });

  it('writes one ERR per error, with warnings and without a location', () => {
    const raw = buildAck(header(), {
      code: 'AE',
      errors: [
        { hl7ErrorCode: 207, severity: 'E', userMessage: 'line1\nline2' },
        {
          hl7ErrorCode: 102,
          severity: 'W',
          location: { segment: 'PV1', sequence: 1, field: 45, repetition: 2 },
        },
      ],
    });
    const errs = parseHl7(raw).segments('ERR');
    expect(errs.map((e) => e.field(2))).toEqual(['', 'PV1^1^45^2']);
    expect(errs.map((e) => e.get(3, 1))).toEqual(['207', '102']);
    expect(errs.map((e) => e.get(4))).toEqual(['E', 'W']);
    expect(errs[0].get(8)).toBe('line1\nline2');
  });

  it('answers unparseable input with AR and an empty MSA-2', () => {
    const err = new Hl7ParseError('NO_MSH', 'no header', { segment: 'MSH', sequence: 1 });
    const ack = parseHl7(buildAck(undefined, { code: 'AE', errors: [errorFromParseError(err)] }, NOW));
    expect(ack.get('MSH-9')).toBe('ACK^^ACK');
    expect(ack.get('MSH-11')).toBe('P');
    expect(ack.get('MSH-12')).toBe('2.5.1');
    expect(ack.get('MSA-1')).toBe('AR');
    expect(ack.get('MSA-2')).toBeUndefined();
    expect(ack.get('ERR-3.1')).toBe('100');
  });

  it('maps every parse error to its table 0357 code', () => {
    const cases = [
      ['EMPTY', 100],
      ['BAD_SEGMENT', 100],
      ['MISSING_SEGMENT', 100],
      ['MISSING_FIELD', 101],
      ['BAD_VALUE', 102],
      ['BAD_ENCODING', 102],
      ['UNSUPPORTED_MESSAGE_TYPE', 200],
      ['UNSUPPORTED_EVENT', 201],
      ['UNSUPPORTED_VERSION', 203],
      ['INTERNAL', 207],
    ] as const;
    for (const [code, expected] of cases) {
      expect(errorFromParseError(new Hl7ParseError(code, 'x')).hl7ErrorCode).toBe(expected);
    }
  });
});

describe('buildAck per HL7 version', () => {
  const pv1Error = errorFromParseError(
    new Hl7ParseError('BAD_VALUE', 'PV1-44 is not a date', { segment: 'PV1', sequence: 1, field: 44 }),
  );
  const ackFor = (version: string, outcome: AckOutcome) =>
    parseHl7(buildAck(header({ version }), outcome, NOW));
  const errSummary = (ack: Hl7Message) => ack.segments('ERR').map((e) => [e.get(3, 1), e.get(4), e.get(8)]);

  it.each([
    ['2.3', 'ACK^A03'],
    ['2.3.0', 'ACK^A03'],
    ['2.3.1', 'ACK^A03'], // MSH-9.3 exists, but MSH-9 is 7 characters long in 2.3.1
    ['2.4', 'ACK^A03^ACK'],
    ['2.7.1', 'ACK^A03^ACK'],
  ])('writes MSH-9 of a %s ACK as %s', (version, messageType) => {
    expect(ackFor(version, { code: 'AA' }).get('MSH-9')).toBe(messageType);
  });

  it.each(['2.3', '2.3.1', '2.4'])('writes %s errors as ERR-1 repetitions of one ERR only', (version) => {
    const ack = ackFor(version, { code: 'AE', errors: [pv1Error, { hl7ErrorCode: 207, severity: 'W' }] });
    const errs = ack.segments('ERR');
    expect(errs).toHaveLength(1);
    expect(errs[0].fieldCount).toBe(1);
    expect(errs[0].field(1)).toBe(
      'PV1^1^44^102&Data type error&HL70357~^^^207&Application internal error&HL70357',
    );
    // ERR has no text before 2.5: MSA-3 carries the first user message
    expect(ack.get('MSA-3')).toBe('PV1-44 is not a date');
  });

  it.each(['2.5', '2.6', '2.8.1'])('writes %s errors as ERR-2, -3, -4 and -8, without ERR-1', (version) => {
    const err = ackFor(version, { code: 'AE', errors: [pv1Error] }).segment('ERR');
    expect([1, 2, 3, 4, 8].map((n) => err?.field(n))).toEqual([
      '',
      'PV1^1^44^1',
      '102^Data type error^HL70357',
      'E',
      'PV1-44 is not a date',
    ]);
  });

  it.each([
    ['2.3', 'see ERR'],
    ['2.6', 'see ERR'],
    ['2.7', undefined], // withdrawn in 2.7
    ['2.8', undefined],
  ])('writes MSA-3 of a %s ACK as %s', (version, msa3) => {
    expect(ackFor(version, { code: 'AE', text: 'see ERR', errors: [pv1Error] }).get('MSA-3')).toBe(msa3);
  });

  it('moves the text from 2.7 on to the first empty ERR-8, or to an ERR of its own', () => {
    const bare: AckError = { hl7ErrorCode: 207, severity: 'E' };
    expect(errSummary(ackFor('2.7', { code: 'AE', text: 'why', errors: [pv1Error, bare, bare] }))).toEqual([
      ['102', 'E', 'PV1-44 is not a date'],
      ['207', 'E', 'why'],
      ['207', 'E', undefined],
    ]);
    expect(errSummary(ackFor('2.8', { code: 'CA', text: 'noted' }))).toEqual([['0', 'I', 'noted']]);
    expect(errSummary(ackFor('2.8', { code: 'AR', text: 'refused' }))).toEqual([['207', 'E', 'refused']]);
    // every ERR already has its own message: those explain the outcome
    expect(errSummary(ackFor('2.7', { code: 'AE', text: 'why', errors: [pv1Error] }))).toHaveLength(1);
  });

  it('cuts MSA-3 to 80 and ERR-8 to 250 characters as sent, escapes kept whole', () => {
    const text = `${'a'.repeat(76)}^${'b'.repeat(300)}`; // ^ is sent as \S\: it no longer fits
    const raw = buildAck(
      header({ version: '2.5' }),
      { code: 'AE', text, errors: [{ ...pv1Error, userMessage: text }] },
      NOW,
    );
    const [, msa, err] = raw.split('\r');
    expect(msa.split('|')[3]).toBe(`${'a'.repeat(76)}...`);
    expect(err.split('|')[8]).toBe(`${'a'.repeat(76)}\\S\\${'b'.repeat(168)}...`);
  });
});
