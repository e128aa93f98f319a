import { z } from 'zod';

/**
 * How long a value may be, chosen so every downstream store takes it: a workflow id
 * (`transition:<facility>:<visit>`) stays far below Temporal's 1,000-byte limit, and keys stay
 * small enough for PostgreSQL's btree indexes.
 */
export const TEXT_LIMITS = { id: 100, authority: 200, code: 64, text: 500 } as const;

// PostgreSQL refuses NUL in text and JSON; no other control character belongs in an id or a code
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
// free text may break lines, nothing else
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const NO_CONTROL_BUT_LINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const noControl = 'must not contain control characters';

/** An identifier or key: 1 to `max` characters, no control characters. */
export const idText = (max: number = TEXT_LIMITS.id) =>
  z.string().min(1).max(max).regex(NO_CONTROL, noControl);

/** A code or short value that may be empty. */
export const codeText = (max: number = TEXT_LIMITS.code) => z.string().max(max).regex(NO_CONTROL, noControl);

/** Human text (names, descriptions): line breaks allowed, other control characters not. */
export const freeText = (max: number = TEXT_LIMITS.text) =>
  z.string().max(max).regex(NO_CONTROL_BUT_LINES, noControl);
