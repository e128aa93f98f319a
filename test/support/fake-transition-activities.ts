import type {
  CloseTaskInput,
  OpenTaskInput,
  RecordTransitionInput,
  TransitionActivities,
} from '@ct/workflows/care-transition.activities';

/** In-memory activities for workflow tests: records every call, idempotent like the real ones. */
export class FakeTransitionActivities implements TransitionActivities {
  readonly opened: OpenTaskInput[] = [];
  readonly closed: CloseTaskInput[] = [];
  readonly recorded: RecordTransitionInput[] = [];

  async openTask(input: OpenTaskInput) {
    this.opened.push(input);
    return { taskId: `${input.transitionId}/${input.stepKey}` };
  }

  async closeTask(input: CloseTaskInput) {
    this.closed.push(input);
    return { changed: true };
  }

  async recordTransition(input: RecordTransitionInput) {
    this.recorded.push(input);
  }

  asActivities(): TransitionActivities {
    return {
      openTask: (input) => this.openTask(input),
      closeTask: (input) => this.closeTask(input),
      recordTransition: (input) => this.recordTransition(input),
    };
  }
}
