import { scrubMessage } from './scrub-message';

/** An error as a log line shows it: what an operator acts on, none of the values it carried. */
export interface SafeError {
  type: string;
  message: string;
  stack?: string;
  code?: string | number;
  constraint?: string;
  table?: string;
  column?: string;
  cause?: unknown;
  errors?: unknown[];
}

// pg's schema names say which rule broke, never whose row
const NAMED_FIELDS = ['constraint', 'table', 'column'] as const;
const MAX_DEPTH = 5;
const MAX_ERRORS = 10;
const FRAME = /^\s+at /;

type Fields = Record<string, unknown>;

/**
 * The `err`/`error` serializer. An allow-list, so `query`, `parameters`, `detail`, `where`,
 * `internalQuery`, `driverError` and whatever else a library hangs on its errors never reach a log.
 * A string (the `String(error)` style) gets the same message scrubbing.
 */
export function safeError(value: unknown): unknown {
  return serialize(value, 0, new Set());
}

/** pino `formatters.log`: an Error under any other key is made safe the same way. */
export function safeErrorFields(fields: Fields): Fields {
  let copy: Fields | undefined;
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'err' || key === 'error' || !(value instanceof Error)) continue;
    copy ??= { ...fields };
    copy[key] = safeError(value);
  }
  return copy ?? fields;
}

function serialize(value: unknown, depth: number, seen: Set<object>): unknown {
  if (typeof value === 'string') return scrubMessage(value);
  if (typeof value !== 'object' || value === null) return value;
  const source = unwrapStdSerialized(value) as Fields;
  const type = typeOf(source);
  if (seen.has(source) || depth > MAX_DEPTH) return { type, message: '[cause chain cut]' };
  seen.add(source);

  const message = typeof source.message === 'string' ? scrubMessage(source.message) : '';
  const safe: SafeError = { type, message };
  const frames =
    typeof source.stack === 'string' ? source.stack.split('\n').filter((line) => FRAME.test(line)) : [];
  if (frames.length > 0) safe.stack = [`${type}: ${message}`, ...frames].join('\n');
  if (typeof source.code === 'string' || typeof source.code === 'number') safe.code = source.code;
  for (const field of NAMED_FIELDS) {
    if (typeof source[field] === 'string') safe[field] = source[field];
  }
  if (source.cause !== undefined) safe.cause = serialize(source.cause, depth + 1, seen);
  if (Array.isArray(source.errors)) {
    safe.errors = source.errors.slice(0, MAX_ERRORS).map((inner) => serialize(inner, depth + 1, seen));
  }
  return safe;
}

// pino-http runs pino's std err serializer first and hands us its output; the original is on `.raw`
function unwrapStdSerialized(value: object): object {
  if (value instanceof Error || !('raw' in value)) return value;
  const { raw } = value;
  return typeof raw === 'object' && raw !== null ? raw : value;
}

// the class name (pg's DatabaseError calls itself "error"); a serialized error keeps its `type`
function typeOf(source: Fields): string {
  if (source instanceof Error) {
    const className = source.constructor?.name;
    return className && className !== 'Error' ? className : source.name || 'Error';
  }
  if (typeof source.type === 'string') return source.type;
  return typeof source.name === 'string' ? source.name : 'Error';
}
