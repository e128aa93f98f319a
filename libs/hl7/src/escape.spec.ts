import fc from 'fast-check';
import { DEFAULT_DELIMITERS, type Hl7Delimiters } from './delimiters';
import { escapeHl7, fitEscaped, unescapeHl7 } from './escape';

const d = DEFAULT_DELIMITERS;
const withTruncation: Hl7Delimiters = { ...d, truncation: '#' };

describe('unescapeHl7', () => {
  it.each([
    ['\\F\\', '|'],
    ['\\S\\', '^'],
    ['\\T\\', '&'],
    ['\\R\\', '~'],
    ['\\E\\', '\\'],
    ['A\\S\\B\\T\\C', 'A^B&C'],
    ['\\X0D\\', '\r'],
    ['\\X0D0A\\', '\r\n'],
    ['\\X41\\', 'A'],
    ['caf\\XC3A9\\', 'café'],
    ['caf\\XE9\\', 'café'],
    ['\\Xe9\\', 'é'],
  ])('decodes %j', (text, expected) => {
    expect(unescapeHl7(text, d)).toBe(expected);
  });

  it.each([
    'no escapes',
    '\\H\\bold\\N\\',
    'line\\.br\\break',
    '\\Zcustom\\',
    '\\X0\\',
    '\\XZZ\\',
    '\\\\',
    'trailing \\',
    'open \\F',
    '\\P\\',
  ])('keeps %j literally', (text) => {
    expect(unescapeHl7(text, d)).toBe(text);
  });

  it('decodes \\P\\ when the sender declared a truncation character', () => {
    expect(unescapeHl7('50\\P\\', withTruncation)).toBe('50#');
  });

  it('decodes known sequences around unknown ones', () => {
    expect(unescapeHl7('\\H\\A\\S\\B\\N\\', d)).toBe('\\H\\A^B\\N\\');
  });

  it('uses the declared escape character', () => {
    const custom: Hl7Delimiters = { ...d, escape: '/' };
    expect(unescapeHl7('a/F/b/E/c\\F\\', custom)).toBe('a|b/c\\F\\');
  });
});

describe('escapeHl7', () => {
  it('escapes delimiters and line breaks', () => {
    expect(escapeHl7('a|b^c~d\\e&f\r\ng', d)).toBe('a\\F\\b\\S\\c\\R\\d\\E\\e\\T\\f\\X0D\\\\X0A\\g');
  });

  it('escapes the truncation character only when declared', () => {
    expect(escapeHl7('#', d)).toBe('#');
    expect(escapeHl7('#', withTruncation)).toBe('\\P\\');
  });

  it('returns plain text unchanged', () => {
    expect(escapeHl7('plain text', d)).toBe('plain text');
  });

  it('round-trips any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const escaped = escapeHl7(s, withTruncation);
        expect(escaped).not.toMatch(/[|^~&#\r\n]/);
        expect(unescapeHl7(escaped, withTruncation)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});

describe('fitEscaped', () => {
  it('keeps text whose escaped form fits, escape sequences counted', () => {
    expect(fitEscaped('abcdefg^', 10, d)).toBe('abcdefg^');
    expect(fitEscaped('abcdefgh^', 10, d)).toBe('abcdefg...');
  });

  it('cuts before an escape sequence or a surrogate pair that would not fit whole', () => {
    expect(fitEscaped('abcdef^gh', 10, d)).toBe('abcdef...');
    expect(fitEscaped('abcdef\ngh', 10, d)).toBe('abcdef...');
    expect(fitEscaped('abcdef😀ghi', 10, d)).toBe('abcdef...');
    expect(fitEscaped('abcde😀ghij', 10, d)).toBe('abcde😀...');
  });

  it('returns the longest start of the text that fits, with "..."', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 3, max: 40 }), (s, max) => {
        const out = fitEscaped(s, max, d);
        expect(escapeHl7(out, d).length).toBeLessThanOrEqual(max);
        if (out === s) return;
        const kept = out.slice(0, -3);
        expect(out.endsWith('...') && s.startsWith(kept)).toBe(true);
        const next = String.fromCodePoint(s.codePointAt(kept.length) ?? 0);
        expect(escapeHl7(kept + next, d).length + 3).toBeGreaterThan(max);
      }),
      { numRuns: 500 },
    );
  });
});
