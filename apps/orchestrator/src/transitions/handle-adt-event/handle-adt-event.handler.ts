import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { AdtEventV1 } from '@ct/contracts';
import { transitionWorkflowId } from '@ct/temporal';
import { adtEventSignal, type TransitionEvent } from '@ct/workflows/care-transition.messages';
import { HandleAdtEventCommand, type HandleAdtEventResult } from './handle-adt-event.command';
import { TransitionStarter } from '../transition-starter';
import { TransitionMetrics } from '../transition.metrics';
import { OpenTransitionsLookup } from './open-transitions.lookup';
import { toTransitionEvent } from './to-transition-event';

/** Events that start the visit's transition if it does not run yet, so out-of-order arrivals wait in it. */
const STARTING = ['patient.discharged', 'discharge.cancelled'];
/** Events that reach the patient's other open transitions (found by patient key). */
const CROSS_VISIT = ['patient.admitted', 'patients.merged'];

/**
 * Routes an ADT event to care transitions: a discharge (or an A13 or A08 about a discharged visit
 * that may have overtaken it) signals-with-start the visit's transition, and a discharge also
 * reaches the patient's paused transitions; an admission or merge signals the patient's open
 * transitions; the workflow decides what each event means.
 */
@CommandHandler(HandleAdtEventCommand)
export class HandleAdtEventHandler implements ICommandHandler<HandleAdtEventCommand> {
  private readonly logger = new Logger(HandleAdtEventHandler.name);

  constructor(
    private readonly temporal: Client,
    private readonly lookup: OpenTransitionsLookup,
    private readonly starter: TransitionStarter,
    private readonly metrics: TransitionMetrics,
  ) {}

  async execute({ event }: HandleAdtEventCommand): Promise<HandleAdtEventResult> {
    const signal = toTransitionEvent(event);
    if (CROSS_VISIT.includes(event.type)) return this.crossVisit(event, signal);
    if (!event.visit) return 'not-relevant';
    const workflowId = transitionWorkflowId(event.facility, event.visit.number);
    const discharged = event.type === 'patient.updated' && event.visit.dischargeAt !== undefined;
    if (STARTING.includes(event.type) || discharged) {
      const isDischarge = event.type === 'patient.discharged';
      const { outcome } = await this.starter.signalWithStart(
        event.facility,
        event.visit.number,
        adtEventSignal,
        signal,
        isDischarge,
      );
      this.logger.log({ eventId: event.eventId, workflowId, outcome }, 'transition event routed');
      if (outcome === 'finished') return 'finished';
      if (isDischarge) await this.resumePaused(event, signal, workflowId);
      return outcome;
    }
    if (event.type === 'patient.updated' || event.type === 'patient.class-changed') {
      return (await this.signal(workflowId, signal)) ? 'signalled' : 'no-transition';
    }
    return 'not-relevant';
  }

  private async crossVisit(event: AdtEventV1, signal: TransitionEvent): Promise<HandleAdtEventResult> {
    // a merge names the retired patient; an admission names the patient itself
    const patientKey = event.type === 'patients.merged' ? event.merge?.priorPatientKey : event.patient.key;
    const ids = patientKey ? await this.lookup.idsFor(patientKey) : [];
    let reached = 0;
    for (const id of ids) if (await this.signal(id, signal)) reached += 1;
    this.logger.log({ eventId: event.eventId, transitions: reached }, 'patient event routed');
    return reached > 0 ? 'signalled' : 'no-transition';
  }

  /** The discharge from a readmission ends the pause of the patient's paused transitions. */
  private async resumePaused(event: AdtEventV1, signal: TransitionEvent, own: string): Promise<void> {
    const ids = (await this.lookup.idsFor(event.patient.key, ['paused'])).filter((id) => id !== own);
    for (const id of ids) await this.signal(id, signal);
    if (ids.length)
      this.logger.log({ eventId: event.eventId, transitions: ids.length }, 'paused transitions told');
  }

  private async signal(workflowId: string, signal: TransitionEvent): Promise<boolean> {
    try {
      await this.temporal.workflow.getHandle(workflowId).signal(adtEventSignal, signal);
      this.metrics.signalled(adtEventSignal.name, 'delivered');
      return true;
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      this.metrics.signalled(adtEventSignal.name, 'no-transition');
      this.logger.warn({ eventId: signal.eventId, workflowId }, 'event for a transition that does not run');
      return false;
    }
  }
}
