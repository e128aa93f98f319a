import { scrubMessage, scrubStrings } from './scrub-message';

const MRN = 'HOSP|48213077';

describe('scrubMessage', () => {
  it.each([
    ['a pg unique-violation detail', `Key (patient_key)=(${MRN}) already exists.`],
    ['a key over an expression', `Key (lower(mrn::text))=(${MRN}) already exists.`],
    ['a pg failing row', `Failing row contains (7, ${MRN}, null).`],
    ['a value pg quotes back', `invalid input syntax for type uuid: "${MRN}"`],
    ['a value JSON.parse quotes back', `Unexpected token 'H', "${MRN}" is not valid JSON`],
    ['a single-quoted value', `cannot parse '${MRN}' as a date`],
    ['a quote left open', `value too long: "${MRN}`],
  ])('removes %s', (_case, text) => {
    expect(scrubMessage(text)).not.toContain('48213077');
  });

  it('keeps the sentence an operator acts on', () => {
    expect(scrubMessage(`Key (patient_key)=(${MRN}) already exists.`)).toBe(
      'Key (patient_key)=([redacted]) already exists.',
    );
    expect(scrubMessage(`invalid input syntax for type uuid: "${MRN}"`)).toBe(
      'invalid input syntax for type uuid: "[redacted]"',
    );
  });

  it('keeps the names of the schema Postgres quotes after their kind, never a value', () => {
    for (const text of [
      'column "authenticated_as" of relation "inbound_messages" does not exist',
      'null value in column "facility" of relation "tasks" violates not-null constraint',
      'duplicate key value violates unique constraint "uq_inbound_sender_control"',
      'invalid byte sequence for encoding "UTF8": 0x00',
    ])
      expect(scrubMessage(text)).toBe(text);
    expect(scrubMessage(`column "status" got "${MRN}"`)).toBe('column "status" got "[redacted]"');
    expect(scrubMessage(`relation  "${MRN}"`)).not.toContain('48213077');
  });

  it('leaves apostrophes in words and unquoted text alone', () => {
    const text = "the broker can't reach the patients' topic (retry 3)";
    expect(scrubMessage(text)).toBe(text);
  });

  it('gives the same text when run twice', () => {
    const once = scrubMessage(`Key (k)=(${MRN}) and "${MRN}" and '${MRN}'`);
    expect(scrubMessage(once)).toBe(once);
  });
});

describe('scrubStrings', () => {
  it('scrubs string values and keeps the others', () => {
    expect(scrubStrings({ failure: `message: "${MRN}"`, attempt: 2 })).toEqual({
      failure: 'message: "[redacted]"',
      attempt: 2,
    });
  });
});
