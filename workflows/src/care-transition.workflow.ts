import {
  allHandlersFinished,
  condition,
  continueAsNew,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { sameLocalDay } from '@ct/domain/workflow-safe';
import {
  adtEventSignal,
  completeStepUpdate,
  recordAttemptUpdate,
  referralEventSignal,
  stateQuery,
  type CARE_TRANSITION_WORKFLOW,
  type CareTransitionInput,
  type CareTransitionWorkflow,
  type CompleteStepRequest,
  type RecordAttemptRequest,
  type TransitionState,
} from './care-transition.messages';
import { checkActualTime, doneAt } from './actual-times';
import { recordAttempt, validateAttempt } from './outreach-attempts';
import { checkCompleter } from './claim-rules';
import { handleStepClaims } from './step-claims';
import { nextWakeUp } from './step-clocks';
import { TransitionEvents, type Inbound } from './transition-events';
import { TransitionRunner } from './transition-runner';
import { openRun, openSteps, readySteps, revisionOf, TERMINAL, type CarriedState } from './transition-state';
import { searchAttributePublisher } from './search-attributes';

/** Past this many history events, or events applied, a run continues as new carrying its state. */
const MAX_HISTORY_EVENTS = 5_000;
const MAX_EVENTS_PER_RUN = 500;

/**
 * One care transition, for any pathway: waits for its discharge (or referral), chooses the pathway
 * from the event, opens each step as a task when the steps before it are done, runs reminders,
 * breaches and escalation ladders on the clock, and reacts to later ADT and referral events.
 */
export async function careTransitionWorkflow(input: CareTransitionInput): Promise<TransitionState> {
  const state: CarriedState = input.carried ?? {
    status: 'waiting-for-discharge',
    episode: workflowInfo().firstExecutionRunId,
    facts: [],
    steps: [],
    seen: [],
    eventsSeen: 0,
    seq: 0,
  };
  const runner = new TransitionRunner(input, state);
  const events = new TransitionEvents(runner);
  const seen = new Set(state.seen);
  const inbox: Inbound[] = [];
  const eventsAtStart = state.eventsSeen;
  const publishSearchAttributes = searchAttributePublisher(input, state);
  let wake = false;

  const accept = (item: Inbound) => {
    if (seen.has(item.event.eventId)) return; // redelivered: already applied
    seen.add(item.event.eventId);
    state.eventsSeen += 1;
    inbox.push(item);
  };
  setHandler(stateQuery, () => view(state));
  setHandler(adtEventSignal, (event) => accept({ source: 'adt', event }));
  setHandler(referralEventSignal, (event) => accept({ source: 'referral', event }));
  setHandler(
    completeStepUpdate,
    async (request) => {
      const { run, def, pathway } = openStepOf(runner, request.stepKey);
      const done = doneAt(runner, request.occurredAt);
      if (!def.completingOutcomes.includes(request.outcome)) {
        run.outcome = request.outcome;
        const detail = {
          outcome: request.outcome,
          by: request.completedBy,
          ...(done ? { doneAt: done } : {}),
        };
        await runner.record([runner.entry('step.retried', [run.key, ++state.seq], detail, run.key)]);
        return { stepKey: request.stepKey, accepted: false, revision: revisionOf(run) };
      }
      await runner.closeStep(run, 'completed', request.outcome, request.completedBy, { doneAt: done });
      wake = true;
      const nextStepKey = readySteps(pathway, state.steps)[0]?.def.key;
      const revision = revisionOf(run);
      return { stepKey: request.stepKey, accepted: true, ...(nextStepKey ? { nextStepKey } : {}), revision };
    },
    { validator: (request: CompleteStepRequest) => validateCompletion(runner, request) },
  );
  handleStepClaims(runner);
  setHandler(
    recordAttemptUpdate,
    async (request) => {
      const result = await recordAttempt(runner, request);
      wake ||= result.metBy !== undefined; // the step completed: open what follows
      return result;
    },
    { validator: (request: RecordAttemptRequest) => validateAttempt(runner, request) },
  );

  /** The next event to apply, while the transition goes on. */
  const nextInbound = () => (TERMINAL.includes(state.status) ? undefined : inbox.shift());

  while (!TERMINAL.includes(state.status)) {
    try {
      for (let item = nextInbound(); item; item = nextInbound()) await events.apply(item);
      if (state.status === 'waiting-for-discharge') await events.startIfReady(state);
      if (state.status === 'active') await events.advance(state);
      if (TERMINAL.includes(state.status)) break;
      publishSearchAttributes();

      const info = workflowInfo();
      const applied = state.eventsSeen - eventsAtStart;
      if (
        info.continueAsNewSuggested ||
        info.historyLength > MAX_HISTORY_EVENTS ||
        applied >= (input.maxEventsPerRun ?? MAX_EVENTS_PER_RUN)
      ) {
        await condition(allHandlersFinished);
        if (inbox.length === 0) {
          state.seen = [...seen].slice(-500);
          await continueAsNew<CareTransitionWorkflow>({ ...input, carried: state });
        }
        continue;
      }
      const next = events.waitingUntil() ?? nextWakeUp(state, runner.pathway);
      const woken = () => inbox.length > 0 || wake;
      if (next === undefined) await condition(woken);
      else if (!(await condition(woken, Math.max(next - Date.now(), 1)))) events.timeReached();
      wake = false;
    } catch (error) {
      // bad data ended it (recorded by the runner); anything else is the SDK's to handle
      if (state.status !== 'failed') throw error;
    }
  }
  await condition(allHandlersFinished);
  return view(state);
}

// The orchestrator starts it by the name and the signature in care-transition.messages.ts: checked here.
({ careTransitionWorkflow }) satisfies Record<typeof CARE_TRANSITION_WORKFLOW, CareTransitionWorkflow>;

/** An open step with its definition. */
function openStepOf(runner: TransitionRunner, stepKey: string) {
  const run = openRun(runner.state, stepKey);
  const pathway = runner.pathway;
  const def = pathway?.steps.find((s) => s.key === stepKey);
  if (!pathway || !def) throw new Error(`step ${stepKey} is not open in this transition`);
  return { run, def, pathway };
}

function validateCompletion(runner: TransitionRunner, request: CompleteStepRequest): void {
  const { run, def } = openStepOf(runner, request.stepKey);
  checkCompleter(run, request);
  const allowed = [...def.completingOutcomes, ...def.retryOutcomes];
  if (!allowed.includes(request.outcome)) {
    throw new Error(
      `outcome ${request.outcome} is not valid for step ${request.stepKey}; use one of: ${allowed.join(', ')}`,
    );
  }
  if (request.occurredAt) checkActualTime(runner, 'occurredAt', request.occurredAt);
  const dischargeDay = runner.state.dischargedAt;
  if (def.notOnDischargeDay && dischargeDay && def.completingOutcomes.includes(request.outcome)) {
    // the day the visit happened, not the day it is recorded
    if (sameLocalDay(new Date(request.occurredAt ?? Date.now()), dischargeDay, runner.calendar))
      throw new Error(`a visit on the discharge day does not count for step ${request.stepKey}`);
  }
}

function view(state: CarriedState): TransitionState {
  const open = openSteps(state.steps);
  return {
    status: state.status,
    reason: state.reason,
    pathwayId: state.pathway?.id,
    pathwayVersion: state.pathway?.version,
    currentStep: open[0]?.key,
    dueAt: open[0]?.dueAt,
    eventsSeen: state.eventsSeen,
    steps: state.steps.map((run) => ({
      key: run.key,
      role: run.role,
      status: run.status,
      priority: run.priority,
      dueAt: run.dueAt,
      breached: run.breached,
      outcome: run.outcome,
      attempts: run.attempts?.length ?? 0,
      metBy: run.metBy,
      assignee: run.claimedBy,
      revision: revisionOf(run),
    })),
  };
}
