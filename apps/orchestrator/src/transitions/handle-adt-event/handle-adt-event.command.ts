import { Command } from '@nestjs/cqrs';
import type { AdtEventV1 } from '@ct/contracts';

export type HandleAdtEventResult =
  'started-or-signalled' | 'reopened' | 'finished' | 'signalled' | 'no-transition' | 'not-relevant';

/** One validated ADT event, from Kafka or a replay; the handler decides what it means for transitions. */
export class HandleAdtEventCommand extends Command<HandleAdtEventResult> {
  constructor(readonly event: AdtEventV1) {
    super();
  }
}
