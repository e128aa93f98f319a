import fc from 'fast-check';
import { extractAdt } from './adt';
import { DEFAULT_DELIMITERS, type Hl7Delimiters } from './delimiters';
import { encodeHeader, encodeSegment } from './encode';
import { Hl7ParseError } from './errors';
import { readHeader } from './header';
import { parseHl7 } from './message';

const text = fc.string({ unit: 'binary', maxLength: 30 });
const delimiterSets = fc.constantFrom<Hl7Delimiters>(
  DEFAULT_DELIMITERS,
  { ...DEFAULT_DELIMITERS, truncation: '#' },
  { field: '*', component: ':', repetition: '!', escape: '/', subcomponent: '$' },
);

describe('parseHl7 properties', () => {
  it('keeps a control character or space that ends the last field (found by the property below)', () => {
    const raw = encodeHeader(['APP', 'FAC'], DEFAULT_DELIMITERS) + '\rZZZ|a \u0000\r';
    expect(parseHl7(raw).segment('ZZZ')?.get(1)).toBe('a \u0000');
  });

  it('parse(build(fields)) returns every escaped value', () => {
    const shape = fc.array(
      fc.array(fc.array(text, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
      {
        minLength: 1,
        maxLength: 3,
      },
    );
    fc.assert(
      fc.property(delimiterSets, fc.array(shape, { minLength: 1, maxLength: 5 }), (d, fields) => {
        const raw =
          encodeHeader(['APP', 'FAC'], d) +
          '\r' +
          encodeSegment(
            'ZZZ',
            fields.map((reps) => ({ repeat: reps })),
            d,
          ) +
          '\r';
        const seg = parseHl7(raw).segment('ZZZ');
        fields.forEach((reps, f) =>
          reps.forEach((comps, r) =>
            comps.forEach((subs, c) =>
              subs.forEach((value, s) => {
                expect(seg?.get(f + 1, c + 1, s + 1, r + 1) ?? '').toBe(value);
              }),
            ),
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  const noisy = fc.string({
    unit: fc.constantFrom(
      'M',
      'S',
      'H',
      'P',
      'I',
      'D',
      '|',
      '^',
      '~',
      '\\',
      '&',
      '#',
      '\r',
      '\n',
      'X',
      '0',
      'A',
      '1',
      '.',
      ' ',
    ),
    maxLength: 120,
  });

  it('either returns a message or throws Hl7ParseError, for arbitrary input', () => {
    const inputs = fc.oneof(
      fc.string({ unit: 'binary' }),
      noisy,
      noisy.map((s) => `MSH|^~\\&|${s}`),
      noisy.map((s) => `MSH|^~\\&|A|B|C|D|2026||ADT^A03|C1|P|2.5.1\rEVN||2026\rPID|1||${s}`),
    );
    fc.assert(
      fc.property(inputs, (raw) => {
        try {
          const msg = parseHl7(raw);
          msg.get('PID-3[2].4.1');
          readHeader(msg);
          extractAdt(msg);
        } catch (e) {
          if (!(e instanceof Hl7ParseError)) throw e;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
