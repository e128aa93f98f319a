import { Command } from '@nestjs/cqrs';
import type { StartOutcome } from '../transition-starter';
import type { ReferralEventV1 } from '@ct/contracts';

/** One validated referral event (REF^I12/I13/I14) from referral.events.v1. */
export class HandleReferralEventCommand extends Command<StartOutcome> {
  constructor(readonly event: ReferralEventV1) {
    super();
  }
}
