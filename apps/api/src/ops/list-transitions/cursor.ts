import { createHash } from 'node:crypto';

/**
 * Where a page of transitions ended: the last row's (updated_at, id), updated_at to the microsecond
 * PostgreSQL keeps (a millisecond Date would skip or repeat rows that share one), and a fingerprint
 * of the filters it was read with, so a cursor is not replayed against another list.
 */
export interface TransitionCursor {
  updatedAt: string;
  id: string;
  filters: string;
}

const MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const MAX_ID = 300;

/** A short hash of the filters a list was read with (key order does not matter). */
export function filtersFingerprint(filters: Record<string, string | undefined>): string {
  const canonical = Object.keys(filters)
    .sort()
    .filter((key) => filters[key] !== undefined)
    .map((key) => [key, filters[key]]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 12);
}

export function encodeCursor(cursor: TransitionCursor): string {
  return Buffer.from(JSON.stringify([cursor.updatedAt, cursor.id, cursor.filters])).toString('base64url');
}

/** The cursor, or why it is not one of ours (the caller answers 400 naming `cursor`). */
export function decodeCursor(text: string): TransitionCursor | { error: string } {
  if (!/^[A-Za-z0-9_-]{1,600}$/.test(text)) return { error: 'not a cursor this API issued' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return { error: 'not a cursor this API issued' };
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string')) {
    return { error: 'not a cursor this API issued' };
  }
  const [updatedAt, id, filters] = parsed as [string, string, string];
  if (!MICROS.test(updatedAt) || Number.isNaN(Date.parse(updatedAt))) {
    return { error: 'not a cursor this API issued' };
  }
  if (id.length === 0 || id.length > MAX_ID) return { error: 'not a cursor this API issued' };
  return { updatedAt, id, filters };
}
