import { decodeWorklistCursor, encodeWorklistCursor } from './worklist-cursor';
import { keyValueValid, SORT_KEYS } from './worklist-sort';

describe('worklist cursor', () => {
  const cursor = {
    keys: ['2', '2026-11-16T15:04:05.123456Z'],
    id: '0b6c8f5e-4d3a-4b2c-9a1f-123456789abc',
    filters: 'abc123',
  };

  it('decodes what it encoded as opaque url-safe text', () => {
    const text = encodeWorklistCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeWorklistCursor(text, 2)).toEqual(cursor);
  });

  it.each([
    ['for a sort with another number of keys', encodeWorklistCursor(cursor), 1],
    ['not base64url', 'abc+/==', 2],
    ['not JSON', Buffer.from('{oops').toString('base64url'), 2],
    ['without an id that is a uuid', encodeWorklistCursor({ ...cursor, id: 'transition:X:V1' }), 2],
    [
      'with a key that is not text',
      Buffer.from(JSON.stringify([[2, 'x'], cursor.id, 'f'])).toString('base64url'),
      2,
    ],
    ['too long', 'a'.repeat(601), 2],
  ])('rejects a cursor %s', (_, text, keys) => {
    expect(decodeWorklistCursor(text, keys)).toEqual({ error: 'not a cursor this API issued' });
  });

  it('takes back only values its sort keys can be cast from', () => {
    const [rank, due] = SORT_KEYS.priority;
    expect(keyValueValid(rank, '1')).toBe(true);
    expect(keyValueValid(rank, "1'; DROP TABLE tasks")).toBe(false);
    expect(keyValueValid(due, '2026-11-16T15:04:05.123456Z')).toBe(true);
    expect(keyValueValid(due, '2026-13-45T15:04:05.123456Z')).toBe(false);
    expect(keyValueValid(due, 'now')).toBe(false);
  });
});
