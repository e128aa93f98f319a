import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { APP_ENV, type OrchestratorEnv } from '@ct/config';
import type { AdtEventV1 } from '@ct/contracts';
import { US_FEDERAL_HOLIDAYS } from '@ct/domain';
import { transitionWorkflowId } from '@ct/temporal';
import { adtEventSignal, type TransitionEvent } from '@ct/workflows/care-transition.messages';
import { HandleAdtEventCommand, type HandleAdtEventResult } from './handle-adt-event.command';

function toTransitionEvent(event: AdtEventV1): TransitionEvent {
  return {
    eventId: event.eventId,
    type: event.type,
    occurredAt: event.occurredAt,
    patientKey: event.patient.key,
    dischargeAt: event.visit?.dischargeAt,
    dischargeDisposition: event.visit?.dischargeDisposition,
    patientClass: event.visit?.patientClass,
  };
}

/**
 * A discharge starts (or, when redelivered, just signals) the transition keyed by facility and
 * visit; a cancel reaches an existing one. Other events do not concern transitions yet.
 */
@CommandHandler(HandleAdtEventCommand)
export class HandleAdtEventHandler implements ICommandHandler<HandleAdtEventCommand> {
  private readonly logger = new Logger(HandleAdtEventHandler.name);

  constructor(
    private readonly temporal: Client,
    @Inject(APP_ENV) private readonly env: OrchestratorEnv,
  ) {}

  async execute({ event }: HandleAdtEventCommand): Promise<HandleAdtEventResult> {
    if (!event.visit) return 'not-relevant';
    const workflowId = transitionWorkflowId(event.facility, event.visit.number);
    const signal = toTransitionEvent(event);

    if (event.type === 'patient.discharged') {
      await this.temporal.workflow.signalWithStart('careTransitionWorkflow', {
        workflowId,
        taskQueue: this.env.TEMPORAL_TASK_QUEUE,
        args: [
          {
            transitionId: workflowId,
            facility: event.facility,
            visitNumber: event.visit.number,
            timeZone: this.env.FACILITY_TIME_ZONE,
            holidays: [...US_FEDERAL_HOLIDAYS],
          },
        ],
        signal: adtEventSignal,
        signalArgs: [signal],
      });
      this.logger.log({ eventId: event.eventId, workflowId }, 'transition started or signalled');
      return 'started-or-signalled';
    }

    if (event.type === 'discharge.cancelled') {
      try {
        await this.temporal.workflow.getHandle(workflowId).signal(adtEventSignal, signal);
        return 'signalled';
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
        this.logger.warn({ eventId: event.eventId, workflowId }, 'cancel for a transition that does not run');
        return 'no-transition';
      }
    }
    return 'not-relevant';
  }
}
