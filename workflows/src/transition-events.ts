import { workflowInfo } from '@temporalio/workflow';
import { applyAdt } from './adt-rules';
import type { ReferralEvent, TransitionEvent } from './care-transition.messages';
import { advance } from './clock-loop';
import { startIfReady } from './pathway-choice';
import { applyReferral } from './referrals';
import { TransitionLog } from './transition-log';
import type { TransitionRunner } from './transition-runner';
import type { ActiveState, WaitingState } from './transition-state';

export type Inbound =
  { source: 'adt'; event: TransitionEvent } | { source: 'referral'; event: ReferralEvent };

/** A transition started by an out-of-order event waits this long for its discharge. */
const WAIT_FOR_DISCHARGE_MS = 7 * 24 * 3_600_000;

/**
 * How ADT and referral events change a transition (adt-rules.ts, referrals.ts, readmission.ts),
 * how its pathway starts (pathway-choice.ts) and how its clocks run (clock-loop.ts).
 */
export class TransitionEvents {
  private readonly log: TransitionLog;
  private waitExpired = false;

  constructor(private readonly runner: TransitionRunner) {
    this.log = new TransitionLog(runner);
  }

  waitingUntil(): number | undefined {
    if (this.runner.state.status !== 'waiting-for-discharge') return undefined;
    return workflowInfo().runStartTime.getTime() + WAIT_FOR_DISCHARGE_MS;
  }

  timeReached(): void {
    if (this.runner.state.status === 'waiting-for-discharge') this.waitExpired = true;
  }

  async apply(item: Inbound): Promise<void> {
    const { event } = item;
    this.log.note(
      this.runner.entry('event.received', [event.eventId], { eventId: event.eventId, type: event.type }),
    );
    switch (item.source) {
      case 'referral':
        await applyReferral(this.log, item.event);
        break;
      case 'adt':
        await applyAdt(this.log, item.event);
        break;
    }
    // while it waits, what it heard is written with the start (or the end)
    if (this.runner.state.status !== 'waiting-for-discharge') await this.log.flush();
  }

  /** Starts the pathway once the discharge (or referral) is known and not cancelled. */
  startIfReady(state: WaitingState): Promise<void> {
    return startIfReady(this.log, state, this.waitExpired);
  }

  /** Opens the steps that may start and runs whatever clock has come due. */
  advance(state: ActiveState): Promise<void> {
    return advance(this.log, state);
  }
}
