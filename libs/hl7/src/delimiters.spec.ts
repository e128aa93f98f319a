import { readDelimiters } from './delimiters';
import { Hl7ParseError } from './errors';
import { parseHl7 } from './message';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof Hl7ParseError ? `${e.code}@${e.segment}-${e.field}` : 'other';
  }
  return undefined;
}

describe('readDelimiters', () => {
  it('reads the standard encoding characters', () => {
    expect(readDelimiters('MSH|^~\\&|A', 0)).toEqual({
      field: '|',
      component: '^',
      repetition: '~',
      escape: '\\',
      subcomponent: '&',
      truncation: undefined,
    });
  });

  it('reads the v2.7 truncation character as a fifth MSH-2 character', () => {
    expect(readDelimiters('MSH|^~\\&#|A', 0).truncation).toBe('#');
  });

  it('reads custom delimiters', () => {
    expect(readDelimiters('MSH*:!/$*A', 0)).toMatchObject({
      field: '*',
      component: ':',
      repetition: '!',
      escape: '/',
      subcomponent: '$',
    });
  });

  it('accepts MSH-2 at the end of the segment', () => {
    expect(readDelimiters('MSH|^~\\&\rPID|', 0).subcomponent).toBe('&');
  });

  it.each([
    ['MSH', 'BAD_ENCODING@MSH-1'],
    ['MSHA^~\\&A', 'BAD_ENCODING@MSH-1'],
    ['MSH|^~\\|', 'BAD_ENCODING@MSH-2'],
    ['MSH|^~\\&#$|', 'BAD_ENCODING@MSH-2'],
    ['MSH|^^\\&|', 'BAD_ENCODING@MSH-2'],
    ['MSH|^~|&|', 'BAD_ENCODING@MSH-2'],
    ['MSH|^~a&|', 'BAD_ENCODING@MSH-2'],
    ['MSH| ~\\&|', 'BAD_ENCODING@MSH-1'.replace('1', '2')],
  ])('rejects %j', (raw, expected) => {
    expect(codeOf(() => readDelimiters(raw, 0))).toBe(expected);
  });

  it('maps encoding errors to HL7 error 102', () => {
    expect(() => parseHl7('MSH|^~|')).toThrow(
      expect.objectContaining({ code: 'BAD_ENCODING', hl7ErrorCode: 102 }),
    );
  });

  it('parses a whole message with custom delimiters', () => {
    const msg = parseHl7('MSH*:!/$*APP*FAC\rPID*1**A:B$C!D:E/S/*');
    expect(msg.get('MSH-3')).toBe('APP');
    expect(msg.get('PID-3.1')).toBe('A');
    expect(msg.get('PID-3.2.2')).toBe('C');
    expect(msg.get('PID-3[2].2')).toBe('E:');
  });
});
