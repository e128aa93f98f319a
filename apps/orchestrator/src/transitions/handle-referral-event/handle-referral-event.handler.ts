import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { referralEventSignal, type ReferralEvent } from '@ct/workflows/care-transition.messages';
import { referralTransitionKey } from '@ct/domain';
import { TransitionStarter, type StartOutcome } from '../transition-starter';
import { HandleReferralEventCommand } from './handle-referral-event.command';

/** Routes I12/I13/I14 to their transition (they carry the same RF1-3 and RF1-6 as the I12). */
@CommandHandler(HandleReferralEventCommand)
export class HandleReferralEventHandler implements ICommandHandler<HandleReferralEventCommand> {
  private readonly logger = new Logger(HandleReferralEventHandler.name);

  constructor(private readonly starter: TransitionStarter) {}

  async execute({ event }: HandleReferralEventCommand): Promise<StartOutcome> {
    const signal: ReferralEvent = {
      eventId: event.eventId,
      type: event.type,
      occurredAt: event.occurredAt,
      patientKey: event.patient.key,
      referralId: event.referral.id,
      visitNumber: event.visitNumber,
      referralType: event.referral.type?.code,
      expiresAt: event.referral.expiresAt,
    };
    const visit = referralTransitionKey(event);
    const { workflowId, outcome } = await this.starter.signalWithStart(
      event.facility,
      visit,
      referralEventSignal,
      signal,
    );
    this.logger.log({ eventId: event.eventId, workflowId, outcome }, 'referral routed to its transition');
    return outcome;
  }
}
