/** When a step's clock starts and how long it runs. */
export type StepClock =
  | { kind: 'businessDays'; amount: number; from: 'discharge' | 'stepOpened' }
  | { kind: 'calendarDays'; amount: number; from: 'discharge' | 'stepOpened' }
  | { kind: 'hours'; amount: number; from: 'discharge' | 'stepOpened' };

export interface StepDefinition {
  key: string;
  title: string;
  role: string;
  clock: StepClock;
  /** Outcomes that complete the step and move on to the next. */
  completingOutcomes: readonly string[];
  /** Outcomes that are recorded but keep the step open (e.g. unable to reach, try again). */
  retryOutcomes: readonly string[];
}

export interface PathwayDefinition {
  id: string;
  version: number;
  steps: readonly StepDefinition[];
}
