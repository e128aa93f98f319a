import { extractAdt } from './adt';
import { parseHl7 } from './message';
import { hl7, refMessage } from './testing';

describe('extractAdt on REF^I12', () => {
  it('reads RF1 with every field', () => {
    const referral = {
      status: { code: 'A', text: 'Accepted', codingSystem: 'HL70283' },
      priority: { code: 'S', text: 'STAT', codingSystem: undefined },
      type: { code: 'HH', text: 'Home Health', codingSystem: undefined },
      category: { code: 'O', text: undefined, codingSystem: undefined },
      originalReferralId: 'REF1',
      effectiveAt: '20261113',
      expiresAt: '20261213',
      reason: { code: 'R1', text: 'Wound care ^ daily', codingSystem: undefined },
      externalReferralId: 'EXT9',
    };
    expect(extractAdt(parseHl7(refMessage({ referral }))).referral).toEqual(referral);
  });

  it('reads PRD providers with name, address and identifiers', () => {
    const providers = [
      {
        role: { code: 'RP', text: 'Referring', codingSystem: undefined },
        name: { family: 'PATEL', given: 'RIYA', middle: undefined, suffix: undefined, prefix: 'DR' },
        address: {
          street: '1 MAIN ST',
          otherDesignation: 'STE 2',
          city: 'SPRINGFIELD',
          state: 'IL',
          postalCode: '62701',
          country: 'USA',
        },
        identifiers: [
          { id: '5678', typeCode: 'NPI' },
          { id: 'X1', typeCode: undefined },
        ],
      },
      {
        role: { code: 'RT', text: undefined, codingSystem: undefined },
        name: undefined,
        address: undefined,
        identifiers: [],
      },
    ];
    expect(extractAdt(parseHl7(refMessage({ providers }))).providers).toEqual(providers);
  });

  it('accepts a referral without EVN, RF1 or PV1', () => {
    const raw = hl7('MSH|^~\\&|A|B|C|D|2026||REF^I14^REF_I12|C1|P|2.6', 'PID|1||M1^^^R^MR');
    const ref = extractAdt(parseHl7(raw));
    expect(ref.header.triggerEvent).toBe('I14');
    expect(ref.event).toBeUndefined();
    expect(ref.referral).toBeUndefined();
    expect(ref.visit).toBeUndefined();
    expect(ref.providers).toEqual([]);
  });

  it('rejects a bad RF1-7 timestamp', () => {
    const raw = refMessage({ referral: { effectiveAt: 'soon' } });
    expect(() => extractAdt(parseHl7(raw))).toThrow(
      expect.objectContaining({ code: 'BAD_VALUE', segment: 'RF1', field: 7 }),
    );
  });
});
