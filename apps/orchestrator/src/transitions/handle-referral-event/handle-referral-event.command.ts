import { Command } from '@nestjs/cqrs';
import type { ReferralEventV1 } from '@ct/contracts';

/** One validated referral event (REF^I12/I13/I14) from referral.events.v1. */
export class HandleReferralEventCommand extends Command<'started-or-signalled'> {
  constructor(readonly event: ReferralEventV1) {
    super();
  }
}
