import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { DeadLetterStage } from '@ct/persistence';

/** Nothing to choose: the pipeline is one. Kafka consumer lag is in the metrics, not here. */
export const pipelineFilterSchema = z.object({}).strict();
export type PipelineFilter = z.infer<typeof pipelineFilterSchema>;

export interface StageDeadLetters {
  stage: DeadLetterStage;
  open: number;
  oldestOpenAt: string | null;
  oldestOpenAgeSeconds: number | null;
  /** Asked for a replay, not yet replayed (replay-requested, replaying). */
  replayPending: number;
}

export interface Pipeline {
  generatedAt: string;
  outbox: {
    /** Records the relay has still to publish (not sent, not set aside as dead letters). */
    unsent: number;
    oldestUnsentAt: string | null;
    oldestUnsentAgeSeconds: number | null;
    /** Records Kafka refused for good, waiting on ops (stage outbox). */
    deadLettered: number;
  };
  deadLetters: StageDeadLetters[];
}

export class GetPipelineQuery extends Query<Pipeline> {
  constructor(readonly filter: PipelineFilter) {
    super();
  }
}
