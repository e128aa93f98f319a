/** The SQLSTATE of a PostgreSQL error (pg's, or TypeORM's QueryFailedError around it), if it is one. */
export function sqlStateOf(error: unknown): string | undefined {
  const { code, driverError } = (error ?? {}) as { code?: unknown; driverError?: { code?: unknown } };
  const value = driverError?.code ?? code;
  return typeof value === 'string' && /^[0-9A-Z]{5}$/.test(value) ? value : undefined;
}

/**
 * SQLSTATE classes that name the data, not the server: 22 (data exception: a NUL, a value too
 * long, a date out of range) and 23 (integrity: a value the schema forbids). Another try with the
 * same input fails the same way.
 */
export function isDataError(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && /^(22|23)/.test(state);
}
