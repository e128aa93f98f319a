import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/workflow';
import { APP_ENV, type OrchestratorEnv } from '@ct/config';
import { facilityCalendar } from '@ct/domain';
import { transitionWorkflowId } from '@ct/temporal';
import {
  CARE_TRANSITION_WORKFLOW,
  type CareTransitionWorkflow,
} from '@ct/workflows/care-transition.messages';
import { OpenTransitionsLookup } from './handle-adt-event/open-transitions.lookup';
import { TransitionMetrics } from './transition.metrics';

/** started-or-signalled: it runs and has the event; finished: it ended, and the event cannot reopen it. */
export type StartOutcome = 'started-or-signalled' | 'reopened' | 'finished';

/**
 * signalWithStart of the transition keyed by facility and visit: starts it with the facility's
 * calendar if it does not run, and delivers the signal either way. Starting twice is success.
 * A transition that has ended is never started again by a late or repeated event, except that
 * a discharge after the cancel that ended it opens a new episode (`reopensCancelled`), and so does
 * a discharge after bad data ended it (the sender's corrected resend).
 */
const reopens = (ended: { status: string; reason: string | null } | undefined) =>
  ended?.reason === 'discharge-cancelled' || ended?.status === 'failed';

@Injectable()
export class TransitionStarter {
  constructor(
    private readonly temporal: Client,
    private readonly lookup: OpenTransitionsLookup,
    @Inject(APP_ENV) private readonly env: OrchestratorEnv,
    private readonly metrics: TransitionMetrics,
  ) {}

  async signalWithStart<T>(
    facility: string,
    visitNumber: string,
    signal: SignalDefinition<[T]>,
    arg: T,
    reopensCancelled = false,
  ): Promise<{ workflowId: string; outcome: StartOutcome }> {
    const started = await this.signalOrStart(facility, visitNumber, signal, arg, reopensCancelled);
    this.metrics.started(signal.name, started.outcome);
    return started;
  }

  private async signalOrStart<T>(
    facility: string,
    visitNumber: string,
    signal: SignalDefinition<[T]>,
    arg: T,
    reopensCancelled = false,
  ): Promise<{ workflowId: string; outcome: StartOutcome }> {
    const workflowId = transitionWorkflowId(facility, visitNumber);
    const start = (workflowIdReusePolicy: WorkflowIdReusePolicy) =>
      this.start(workflowId, facility, visitNumber, signal, arg, workflowIdReusePolicy);
    try {
      await start(WorkflowIdReusePolicy.REJECT_DUPLICATE);
      return { workflowId, outcome: 'started-or-signalled' };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    // the run is closed; its read-model row was written before it closed
    if (!reopensCancelled || !reopens(await this.lookup.statusOf(workflowId))) {
      return { workflowId, outcome: 'finished' };
    }
    await start(WorkflowIdReusePolicy.ALLOW_DUPLICATE);
    return { workflowId, outcome: 'reopened' };
  }

  private async start<T>(
    workflowId: string,
    facility: string,
    visitNumber: string,
    signal: SignalDefinition<[T]>,
    arg: T,
    workflowIdReusePolicy: WorkflowIdReusePolicy,
  ): Promise<void> {
    const calendar = facilityCalendar(facility, this.env.FACILITY_TIME_ZONE);
    await this.temporal.workflow.signalWithStart<CareTransitionWorkflow, [T]>(CARE_TRANSITION_WORKFLOW, {
      workflowId,
      taskQueue: this.env.TEMPORAL_TASK_QUEUE,
      workflowIdReusePolicy,
      args: [
        {
          transitionId: workflowId,
          facility,
          visitNumber,
          timeZone: calendar.timeZone,
          holidays: [...calendar.holidays],
        },
      ],
      signal,
      signalArgs: [arg],
    });
  }
}
