import type { PathwayDefinition, PathwayInput, StepDefinition } from './pathway.schema';

export type {
  EscalationRung,
  PathwayCriterion,
  PathwayDefinition,
  PathwayInput,
  StepClock,
  StepDefinition,
} from './pathway.schema';

type StepInput = PathwayInput['steps'][number];

function withStepDefaults(step: StepInput): StepDefinition {
  return {
    ...step,
    after: step.after ?? [],
    notOnDischargeDay: step.notOnDischargeDay ?? false,
    retryOutcomes: step.retryOutcomes ?? [],
    escalation: step.escalation ?? [],
  };
}

/**
 * A pathway definition with its defaults filled in, without loading zod: this runs inside every
 * workflow sandbox. `assertPathwaysValid` (pathway.schema.ts) checks each definition against the
 * schema at worker boot and in unit tests.
 */
export function definePathway(input: PathwayInput): PathwayDefinition {
  return { ...input, steps: input.steps.map(withStepDefaults) };
}
