import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';

const key = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case words joined by "-"');
const from = z.enum(['discharge', 'stepOpened', 'start']);
const whole = z.number().int().min(0);

/** When a step's clock starts and how long it runs. */
export const stepClockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('businessDays'), amount: whole, from }),
  z.object({ kind: z.literal('calendarDays'), amount: whole, from }),
  z.object({ kind: z.literal('hours'), amount: whole, from }),
  // the window a referral asks for (REF RF1-8 expiration), or a default when it names none
  z.object({ kind: z.literal('referralWindow'), fallbackDays: whole }),
]);

/** One rung of an escalation ladder, run `afterHours` past the step's deadline. */
export const escalationRungSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('reassign'), afterHours: z.number().min(0), role: key }),
  z.object({
    action: z.literal('raise-priority'),
    afterHours: z.number().min(0),
    priority: z.enum(['high', 'urgent']),
  }),
  z.object({ action: z.literal('notify'), afterHours: z.number().min(0), role: key }),
]);

export const stepSchema = z.object({
  key,
  title: z.string().min(1),
  role: key,
  /** Steps that must be completed (or expired) before this one opens; none = at the start. */
  after: z.array(key).default([]),
  clock: stepClockSchema,
  remindBeforeHours: z.number().positive().optional(),
  /** The outer bound: past it the task is closed as expired and the pathway goes on. */
  expiresAfter: stepClockSchema.optional(),
  /** HEDIS FUH: a completion on the local discharge day does not count. */
  notOnDischargeDay: z.boolean().default(false),
  /** Outcomes that complete the step and let the steps after it start. */
  completingOutcomes: z.array(z.string().min(1)).min(1),
  /** Outcomes recorded while the step stays open (unable to reach, try again). */
  retryOutcomes: z.array(z.string().min(1)).default([]),
  escalation: z.array(escalationRungSchema).default([]),
  /**
   * An outreach step: met by a contact (`reached`) or by this many documented unsuccessful
   * attempts within its window (discharge to deadline), recorded as outreach attempts.
   */
  attempts: z
    .object({ unsuccessfulToMeet: z.number().int().min(1) })
    .strict()
    .optional(),
});

/** Facts of an event a pathway is chosen by; within one criterion all given fields must match. */
export const criterionSchema = z.object({
  patientClasses: z.array(z.string().min(1)).optional(),
  dispositions: z.array(z.string().min(1)).optional(),
  services: z.array(z.string().min(1)).optional(),
  primaryDiagnosisPrefixes: z.array(z.string().min(1)).optional(),
  /** Types of an open referral the transition holds (RF1-3, HL7 table 0281, e.g. HOM home care). */
  referralTypes: z.array(z.string().min(1)).optional(),
});

export const pathwaySchema = z
  .object({
    id: key,
    version: z.number().int().min(1),
    title: z.string().min(1),
    trigger: z.enum(['discharge', 'referral']),
    /** When several pathways match, the highest priority wins. */
    priority: z.number().int(),
    /** Any one criterion matching selects the pathway. */
    appliesWhen: z.array(criterionSchema).min(1),
    onReadmission: z.enum(['close', 'pause']),
    /** When the whole transition ends, open tasks expiring (e.g. the 30-day TCM period). */
    horizon: stepClockSchema.optional(),
    steps: z.array(stepSchema).min(1),
  })
  .superRefine((pathway, ctx) => {
    const seen = new Set<string>();
    pathway.steps.forEach((step, index) => {
      if (seen.has(step.key))
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'key'],
          message: `duplicate step ${step.key}`,
        });
      // a step may only wait for earlier steps, which keeps the graph acyclic
      for (const before of step.after) {
        if (!seen.has(before))
          ctx.addIssue({
            code: 'custom',
            path: ['steps', index, 'after'],
            message: `${before} is not an earlier step`,
          });
      }
      const overlap = step.completingOutcomes.filter((o) => step.retryOutcomes.includes(o));
      if (overlap.length)
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index],
          message: `outcome both completes and retries: ${overlap.join(', ')}`,
        });
      seen.add(step.key);
    });
  });

export type StepClock = z.infer<typeof stepClockSchema>;
export type EscalationRung = z.infer<typeof escalationRungSchema>;
export type StepDefinition = z.infer<typeof stepSchema>;
export type PathwayCriterion = z.infer<typeof criterionSchema>;
export type PathwayDefinition = z.infer<typeof pathwaySchema>;
export type PathwayInput = z.input<typeof pathwaySchema>;

/** The problems of a definition, as "path: message" lines; empty when it is valid. */
export function pathwayIssues(definition: unknown): string[] {
  const result = pathwaySchema.safeParse(definition);
  if (!result.success) return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  // a definition filled in by definePathway must already be what the schema would make of it
  return isDeepStrictEqual(result.data, definition) ? [] : ['defaults differ from the schema'];
}

/**
 * Validates pathway definitions: at worker boot (a bad one fails loudly there, not mid-transition)
 * and in unit tests. Workflow code does not load zod: it gets the definitions already filled in.
 */
export function assertPathwaysValid(definitions: readonly unknown[]): void {
  const problems = definitions.flatMap((d) => {
    const { id = '?', version = '?' } = (d ?? {}) as { id?: string; version?: number };
    const issues = pathwayIssues(d);
    return issues.length ? [`pathway ${id} v${version} is invalid: ${issues.join('; ')}`] : [];
  });
  if (problems.length) throw new Error(problems.join('\n'));
}
