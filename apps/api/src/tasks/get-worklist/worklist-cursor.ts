/**
 * Where a page of the worklist ended: the last row's sort values (as text, times to the
 * microsecond PostgreSQL keeps) and id, and a fingerprint of the filters and sort it was read
 * with, so a cursor is not replayed against another list.
 */
export interface WorklistCursor {
  keys: string[];
  id: string;
  filters: string;
}

const NOT_OURS = { error: 'not a cursor this API issued' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeWorklistCursor(cursor: WorklistCursor): string {
  return Buffer.from(JSON.stringify([cursor.keys, cursor.id, cursor.filters])).toString('base64url');
}

/** The cursor, or why it is not one of ours; `keyCount`: how many sort values the sort has. */
export function decodeWorklistCursor(text: string, keyCount: number): WorklistCursor | { error: string } {
  if (!/^[A-Za-z0-9_-]{1,600}$/.test(text)) return NOT_OURS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return NOT_OURS;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return NOT_OURS;
  const [keys, id, filters] = parsed as unknown[];
  if (!Array.isArray(keys) || keys.length !== keyCount) return NOT_OURS;
  if (!keys.every((key) => typeof key === 'string' && key.length > 0 && key.length <= 40)) return NOT_OURS;
  if (typeof id !== 'string' || !UUID.test(id) || typeof filters !== 'string') return NOT_OURS;
  return { keys: keys as string[], id, filters };
}
