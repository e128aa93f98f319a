import type { z } from 'zod';

/** The IssueType codes this endpoint answers with (http://hl7.org/fhir/issue-type). */
export type IssueCode =
  | 'invalid'
  | 'structure'
  | 'required'
  | 'not-supported'
  | 'not-found'
  | 'transient'
  | 'login'
  | 'forbidden'
  | 'processing'
  | 'duplicate';

export interface OperationOutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: IssueCode;
  diagnostics: string;
  expression?: string[];
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}

/** Input we will not take; `status` is 400 when it is not a message Bundle at all, 422 otherwise. */
export class FhirInputError extends Error {
  constructor(
    readonly issues: OperationOutcomeIssue[],
    readonly status: 400 | 422 = 422,
  ) {
    super(
      issues.map((i) => (i.expression ? `${i.expression[0]}: ${i.diagnostics}` : i.diagnostics)).join('; '),
    );
  }

  /** The first issue's code, for the quarantine reason an operator reads. */
  get code(): IssueCode {
    return this.issues[0].code;
  }

  static of(code: IssueCode, diagnostics: string, expression?: string): FhirInputError {
    return new FhirInputError([
      { severity: 'error', code, diagnostics, expression: expression ? [expression] : undefined },
    ]);
  }
}

export function operationOutcome(issues: OperationOutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues };
}

/** A zod path as FHIRPath below `prefix`, e.g. Bundle.entry[0].resource.eventCoding. */
export function expressionOf(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`),
    prefix,
  );
}

/** One issue per zod issue; a value that is simply absent is 'required', anything else 'invalid'. */
export function issuesFromZod(error: z.ZodError, prefix: string, input: unknown): OperationOutcomeIssue[] {
  return error.issues.map((issue) => ({
    severity: 'error',
    code: issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined ? 'required' : 'invalid',
    diagnostics: issue.message,
    expression: [expressionOf(prefix, issue.path)],
  }));
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
