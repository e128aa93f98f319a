import { extractAdt } from './adt';
import { parseHl7 } from './message';
import { sample } from './testing';

const MSH = 'MSH|^~\\&|EPICADT|LAKESHORE|CARETRANS|CARETRANS|20261113141500||ADT^A03^ADT_A03|C1|P|2.5.1';
const EVN = 'EVN|A03|20261113141500';
const PV1 = 'PV1|1|I|3EAST^301^A^LAKESHORE|||||||||||||||||V1';

const extract = (...segments: string[]) => extractAdt(parseHl7([MSH, EVN, ...segments, PV1].join('\r')));

describe('patient contact details (PID-11, 13, 14, 15; PD1-4; ROL)', () => {
  it('reads the address, the phone and no language from the shared discharge sample', () => {
    const adt = extractAdt(parseHl7(sample('adt-a03-discharge-home.hl7')));
    expect(adt.patient.address).toEqual({
      street: '12 ELM ST',
      city: 'SPRINGFIELD',
      state: 'IL',
      postalCode: '62701',
    });
    expect(adt.patient.phones).toEqual([{ number: '(217)555-0101', use: 'PRN' }]);
    expect(adt.patient.language).toBeUndefined();
    expect(adt.primaryCareProvider).toBeUndefined();
  });

  it('keeps every home number, then the business number, with their use codes', () => {
    const adt = extract(
      'PID|1||M1^^^LAKESHORE^MR||ROE^ANA||19600101|F|||1 LAKE DR^APT 2^CHICAGO^IL^60601^USA||' +
        '^PRN^PH^^^312^5550100~^ORN^CP^^^312^5550199|^WPN^PH^^^312^5550111^22|SPA^Spanish^ISO639',
    );
    expect(adt.patient.address).toEqual({
      street: '1 LAKE DR',
      otherDesignation: 'APT 2',
      city: 'CHICAGO',
      state: 'IL',
      postalCode: '60601',
      country: 'USA',
    });
    expect(adt.patient.phones).toEqual([
      { number: '312 5550100', use: 'PRN', equipment: 'PH' },
      { number: '312 5550199', use: 'ORN', equipment: 'CP' },
      { number: '312 5550111 x22', use: 'WPN', equipment: 'PH' },
    ]);
    expect(adt.patient.language).toEqual({ code: 'SPA', text: 'Spanish', codingSystem: 'ISO639' });
  });

  it('takes the primary care provider from PD1-4', () => {
    const adt = extract('PID|1||M1^^^LAKESHORE^MR||ROE^ANA', 'PD1|||LAKESHORE CLINIC|4455^NGUYEN^LINH^^^MD');
    expect(adt.primaryCareProvider).toEqual({ id: '4455', family: 'NGUYEN', given: 'LINH' });
  });

  it('falls back to the ROL segment whose role is PP, not another role', () => {
    const adt = extract(
      'PID|1||M1^^^LAKESHORE^MR||ROE^ANA',
      'ROL|1|AD|AT^Attending|1234^SMITH^ALAN',
      'ROL|2|AD|PP^Primary Care Provider|7788^OKAFOR^CHI',
    );
    expect(adt.primaryCareProvider).toEqual({ id: '7788', family: 'OKAFOR', given: 'CHI' });
  });

  it('leaves every contact part out when the feed sends none', () => {
    const adt = extract('PID|1||M1^^^LAKESHORE^MR||ROE^ANA');
    expect(adt.patient).toEqual({
      identifiers: [{ id: 'M1', assigningAuthority: 'LAKESHORE', typeCode: 'MR' }],
      name: { family: 'ROE', given: 'ANA' },
    });
    expect(adt.primaryCareProvider).toBeUndefined();
  });
});
