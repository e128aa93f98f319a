import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { referralEventSignal, type ReferralEvent } from '@ct/workflows/care-transition.messages';
import { TransitionStarter } from '../transition-starter';
import { HandleReferralEventCommand } from './handle-referral-event.command';

/** A referral without a visit still needs a stable key: its originating referral id (RF1-6). */
export function referralTransitionKey(event: { visitNumber?: string; referral: { id: string } }): string {
  return event.visitNumber ?? `referral-${event.referral.id}`;
}

/**
 * A referral joins the transition of its visit (e.g. home health after a discharge) or, with no
 * such transition yet, starts one that runs the referral pathway; I13/I14 reach the same workflow.
 */
@CommandHandler(HandleReferralEventCommand)
export class HandleReferralEventHandler implements ICommandHandler<HandleReferralEventCommand> {
  private readonly logger = new Logger(HandleReferralEventHandler.name);

  constructor(private readonly starter: TransitionStarter) {}

  async execute({ event }: HandleReferralEventCommand): Promise<'started-or-signalled'> {
    const signal: ReferralEvent = {
      eventId: event.eventId,
      type: event.type,
      occurredAt: event.occurredAt,
      patientKey: event.patient.key,
      referralId: event.referral.id,
      expiresAt: event.referral.expiresAt,
    };
    const visit = referralTransitionKey(event);
    const workflowId = await this.starter.signalWithStart(event.facility, visit, referralEventSignal, signal);
    this.logger.log({ eventId: event.eventId, workflowId }, 'referral routed to its transition');
    return 'started-or-signalled';
  }
}
