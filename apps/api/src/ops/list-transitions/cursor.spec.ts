import { decodeCursor, encodeCursor, filtersFingerprint } from './cursor';

describe('transition list cursor', () => {
  const cursor = {
    updatedAt: '2026-11-16T15:04:05.123456Z',
    id: 'transition:RIVERSIDE:V1',
    filters: filtersFingerprint({ facility: 'RIVERSIDE' }),
  };

  it('decodes what it encoded, microseconds and all, as opaque url-safe text', () => {
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it('fingerprints filters whatever their order, leaving out unset ones', () => {
    expect(filtersFingerprint({ facility: 'A', status: 'active', pathway: undefined })).toBe(
      filtersFingerprint({ status: 'active', facility: 'A' }),
    );
    expect(filtersFingerprint({ facility: 'A' })).not.toBe(filtersFingerprint({ facility: 'B' }));
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/=='],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['an object', Buffer.from('{"u":"x"}').toString('base64url')],
    ['two parts', Buffer.from('["2026-11-16T15:04:05.123456Z","id"]').toString('base64url')],
    ['a number', Buffer.from('[1,"id","f"]').toString('base64url')],
    ['milliseconds', Buffer.from('["2026-11-16T15:04:05.123Z","id","f"]').toString('base64url')],
    ['no such time', Buffer.from('["2026-13-45T15:04:05.123456Z","id","f"]').toString('base64url')],
    ['an empty id', Buffer.from('["2026-11-16T15:04:05.123456Z","","f"]').toString('base64url')],
    ['too long', 'a'.repeat(601)],
  ])('rejects a cursor that is %s', (_, text) => {
    expect(decodeCursor(text)).toEqual({ error: 'not a cursor this API issued' });
  });
});
