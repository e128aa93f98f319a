import { adtMessage } from '@ct/hl7/testing';
import { contentHash } from './content-hash';

describe('contentHash', () => {
  const base = { event: { recordedAt: '20261113141500' } };

  it('is the same for a copy rebuilt with a new MSH-7 or other line endings', () => {
    const first = adtMessage({ ...base, messageTime: '20261113141500' });
    const rebuilt = adtMessage({ ...base, messageTime: '20261113150000' }).replaceAll('\r', '\r\n');
    expect(contentHash(rebuilt)).toBe(contentHash(first));
  });

  it('differs when anything else differs', () => {
    const first = adtMessage(base);
    expect(contentHash(adtMessage({ ...base, visit: { visitNumber: { id: 'OTHER' } } }))).not.toBe(
      contentHash(first),
    );
    expect(contentHash(adtMessage({ ...base, trigger: 'A08' }))).not.toBe(contentHash(first));
  });
});
