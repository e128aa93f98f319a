/** What a scrubbed value is replaced with. */
export const REDACTED = '[redacted]';

// pg's "Key (patient_key)=(HOSP|12345) already exists": greedy to the line's last ")" so no value survives
const keyValues = /\)=\(.*\)/g;
// pg's "Failing row contains (…)." lists the whole row
const failingRow = /(Failing row contains )\(.*\)/g;
// Postgres and JSON.parse quote the offending value; a quote left open runs to the end of the line.
// A name of the schema Postgres quotes after its kind (column "status", relation "tasks", encoding
// "UTF8") is ours, not data, and is what tells an operator what broke: it stays.
const doubleQuoted =
  /(\b(?:column|relation|table|constraint|index|function|schema|database|role|encoding|sequence|view|trigger|extension) )?"(?:[^"\\\n]|\\.)*(?:"|$)/gm;
// an apostrophe inside a word ("can't", "patients'") opens no quote
const singleQuoted = /(?<!\w)'(?:[^'\\\n]|\\.)*(?:'|$)/gm;

/**
 * Removes the values an error quotes back: quoted strings and pg key/row details. The sentence
 * around them ("duplicate key value violates unique constraint") is what an operator needs.
 */
export function scrubMessage(text: string): string {
  return text
    .replace(keyValues, `)=(${REDACTED})`)
    .replace(failingRow, `$1(${REDACTED})`)
    .replace(doubleQuoted, (quoted, kind?: string) => (kind ? quoted : `"${REDACTED}"`))
    .replace(singleQuoted, `'${REDACTED}'`);
}

/** Scrubs each string value of a flat record: for library log metadata whose fields we do not choose. */
export function scrubStrings(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      typeof value === 'string' ? scrubMessage(value) : value,
    ]),
  );
}
