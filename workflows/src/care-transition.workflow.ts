import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { stepDeadline, tcmDischargeHome, type StepDefinition } from '@ct/domain';
import type { TransitionActivities } from './care-transition.activities';
import {
  adtEventSignal,
  completeStepUpdate,
  stateQuery,
  type CareTransitionInput,
  type CompleteStepRequest,
  type TransitionEvent,
  type TransitionState,
} from './care-transition.messages';

const activities = proxyActivities<TransitionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** One care transition: waits for its discharge, then runs the pathway's steps as tasks. */
export async function careTransitionWorkflow(input: CareTransitionInput): Promise<TransitionState> {
  const pathway = tcmDischargeHome;
  const calendar = { timeZone: input.timeZone, holidays: input.holidays };
  const seen = new Set<string>();
  const state: TransitionState = { status: 'waiting-for-discharge', eventsSeen: 0 };
  let discharge: TransitionEvent | undefined;
  let cancelled = false;
  let open: { step: StepDefinition; completion?: CompleteStepRequest } | undefined;

  setHandler(stateQuery, () => state);
  setHandler(adtEventSignal, (event) => {
    if (seen.has(event.eventId)) return; // redelivered: already applied
    seen.add(event.eventId);
    state.eventsSeen += 1;
    if (event.type === 'patient.discharged') discharge ??= event;
    if (event.type === 'discharge.cancelled') cancelled = true;
  });
  setHandler(
    completeStepUpdate,
    async (request) => {
      const current = open!;
      const completes = current.step.completingOutcomes.includes(request.outcome);
      if (completes) {
        await activities.closeTask({
          transitionId: input.transitionId,
          stepKey: request.stepKey,
          status: 'completed',
          outcome: request.outcome,
          closedBy: request.completedBy,
        });
        current.completion = request;
      }
      return { stepKey: request.stepKey, accepted: completes };
    },
    {
      validator: (request) => {
        if (!open || open.completion || open.step.key !== request.stepKey) {
          throw new Error(`step ${request.stepKey} is not open in this transition`);
        }
        const allowed = [...open.step.completingOutcomes, ...open.step.retryOutcomes];
        if (!allowed.includes(request.outcome)) {
          throw new Error(
            `outcome ${request.outcome} is not valid for step ${request.stepKey}; use one of: ${allowed.join(', ')}`,
          );
        }
      },
    },
  );

  await condition(() => discharge !== undefined || cancelled);
  if (cancelled || !discharge) return finish('cancelled');

  const dischargedAt = discharge.dischargeAt ?? discharge.occurredAt;
  const patientKey = discharge.patientKey;
  state.status = 'active';
  state.pathwayId = pathway.id;
  await activities.recordTransition({
    transitionId: input.transitionId,
    facility: input.facility,
    patientKey,
    pathway: pathway.id,
    status: 'active',
    dischargedAt,
  });

  for (const step of pathway.steps) {
    const dueAt = stepDeadline(
      step.clock,
      { discharge: dischargedAt, stepOpened: new Date() },
      calendar,
    ).toISOString();
    open = { step };
    state.currentStep = step.key;
    state.dueAt = dueAt;
    const task = { transitionId: input.transitionId, stepKey: step.key, role: step.role, title: step.title };
    await activities.openTask({ ...task, facility: input.facility, patientKey, dueAt });
    await condition(() => open?.completion !== undefined || cancelled);
    if (cancelled) {
      await activities.closeTask({
        ...task,
        status: 'cancelled',
        outcome: 'discharge-cancelled',
        closedBy: 'adt',
      });
      return finish('cancelled');
    }
  }
  return finish('completed');

  async function finish(status: 'completed' | 'cancelled'): Promise<TransitionState> {
    state.status = status;
    state.currentStep = undefined;
    state.dueAt = undefined;
    if (discharge) {
      await activities.recordTransition({
        transitionId: input.transitionId,
        facility: input.facility,
        patientKey: discharge.patientKey,
        pathway: pathway.id,
        status,
      });
    }
    await condition(allHandlersFinished);
    return state;
  }
}
