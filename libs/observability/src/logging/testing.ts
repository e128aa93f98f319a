import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';

/** A patient identifier as our ADT feeds carry it; tests look for its digits in every log line. */
export const MRN = 'HOSP|48213077';
export const MRN_DIGITS = '48213077';

/** Log lines written to memory instead of stdout. */
export function captureLogs() {
  const lines: string[] = [];
  return {
    lines,
    stream: { write: (line: string) => void lines.push(line) },
    parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

function pgError(message: string, fields: Partial<DatabaseError>): DatabaseError {
  return Object.assign(new DatabaseError(message, 0, 'error'), fields);
}

/** What TypeORM throws for a duplicate patient: the MRN in parameters, detail, where and internalQuery. */
export function uniqueViolation(): QueryFailedError {
  const driverError = pgError('duplicate key value violates unique constraint "uq_patient_key"', {
    code: '23505',
    detail: `Key (patient_key)=(${MRN}) already exists.`,
    where: `SQL statement "INSERT INTO patients VALUES ('${MRN}')"`,
    internalQuery: `SELECT 1 FROM patients WHERE patient_key = '${MRN}'`,
    schema: 'public',
    table: 'patients',
    constraint: 'uq_patient_key',
  });
  return new QueryFailedError('INSERT INTO "patients"("patient_key") VALUES ($1)', [MRN], driverError);
}

/** What TypeORM throws when an MRN lands in a uuid column: pg quotes the value in the message. */
export function invalidUuid(): QueryFailedError {
  const driverError = pgError(`invalid input syntax for type uuid: "${MRN}"`, { code: '22P02' });
  return new QueryFailedError('SELECT * FROM "transitions" WHERE "id" = $1', [MRN], driverError);
}
