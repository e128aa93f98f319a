import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/workflow';
import { APP_ENV, type OrchestratorEnv } from '@ct/config';
import { facilityCalendar } from '@ct/domain';
import { transitionWorkflowId } from '@ct/temporal';

/**
 * signalWithStart of the transition keyed by facility and visit: starts it with the facility's
 * calendar if it does not run, and delivers the signal either way. Starting twice is success.
 */
@Injectable()
export class TransitionStarter {
  constructor(
    private readonly temporal: Client,
    @Inject(APP_ENV) private readonly env: OrchestratorEnv,
  ) {}

  async signalWithStart<T>(facility: string, visitNumber: string, signal: SignalDefinition<[T]>, arg: T) {
    const workflowId = transitionWorkflowId(facility, visitNumber);
    const calendar = facilityCalendar(facility, this.env.FACILITY_TIME_ZONE);
    await this.temporal.workflow.signalWithStart('careTransitionWorkflow', {
      workflowId,
      taskQueue: this.env.TEMPORAL_TASK_QUEUE,
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
    return workflowId;
  }
}
