import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRoles, Role } from '@ct/auth';
import { ZodValidationPipe } from '@ct/observability';
import {
  breachRiskFilterSchema,
  GetBreachRiskQuery,
  type BreachRiskFilter,
} from './breach-risk/breach-risk.query';
import { dailyFilterSchema, GetDailyQuery, type DailyFilter } from './daily/daily.query';
import {
  feedHealthFilterSchema,
  GetFeedHealthQuery,
  type FeedHealthFilter,
} from './feed-health/feed-health.query';
import {
  ListTransitionsQuery,
  transitionListFilterSchema,
  type TransitionListFilter,
} from './list-transitions/list-transitions.query';
import { GetPipelineQuery, pipelineFilterSchema, type PipelineFilter } from './pipeline/pipeline.query';
import {
  GetStuckTransitionsQuery,
  stuckFilterSchema,
  type StuckFilter,
} from './stuck-transitions/stuck-transitions.query';
import { GetSummaryQuery, summaryFilterSchema, type SummaryFilter } from './summary/summary.query';

/** Ops dashboards, from the PostgreSQL read models only (never Temporal's visibility store). */
@ApiTags('ops')
@ApiBearerAuth()
@RequireRoles(Role.Ops)
@Controller('api/v1/ops')
export class OpsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('summary')
  @ApiOperation({
    summary: 'Steps not yet done by facility × pathway × step: open, claimed, due today, breached, escalated',
    description:
      'Filters: facility, pathway. Due today: not breached and due before the facility’s local midnight. ' +
      'Escalated: priority above routine, or an escalation.* timeline entry in the task’s current episode.',
  })
  summary(@Query(new ZodValidationPipe(summaryFilterSchema)) filter: SummaryFilter) {
    return this.queries.execute(new GetSummaryQuery(filter));
  }

  @Get('breach-risk')
  @ApiOperation({
    summary:
      'Breach-risk board: open and claimed steps by time left (breached, due within 4 h, due today, later)',
    description:
      'Filters: facility, pathway, stepKey, role; limit = items per bucket (1–200, default 50), soonest due ' +
      'first; counts are complete. Today is the facility’s local day (its business calendar’s time zone).',
  })
  breachRisk(@Query(new ZodValidationPipe(breachRiskFilterSchema)) filter: BreachRiskFilter) {
    return this.queries.execute(new GetBreachRiskQuery(filter));
  }

  @Get('daily')
  @ApiOperation({
    summary: 'Breaches and completed steps per local day, the last `days` days (1–90, default 14)',
    description:
      'From the timeline: breach.recorded and step.completed entries. Filters: facility, pathway. Days ' +
      'are local to the facility’s calendar with a facility filter, else to FACILITY_TIME_ZONE; today last.',
  })
  daily(@Query(new ZodValidationPipe(dailyFilterSchema)) filter: DailyFilter) {
    return this.queries.execute(new GetDailyQuery(filter));
  }

  @Get('stuck-transitions')
  @ApiOperation({
    summary: 'Active transitions with no timeline entry for `hours` (default 24), and failed ones',
    description:
      'Each with its open dead letters (worker and outbox stages). Filters: facility; limit per list.',
  })
  stuck(@Query(new ZodValidationPipe(stuckFilterSchema)) filter: StuckFilter) {
    return this.queries.execute(new GetStuckTransitionsQuery(filter));
  }

  @Get('feeds')
  @ApiOperation({
    summary: 'Feed health per sender: last message, messages and refusals in the last hour, quarantined',
    description: 'Filter: sender (MSH-3|MSH-4 as archived).',
  })
  feeds(@Query(new ZodValidationPipe(feedHealthFilterSchema)) filter: FeedHealthFilter) {
    return this.queries.execute(new GetFeedHealthQuery(filter));
  }

  @Get('pipeline')
  @ApiOperation({
    summary: 'Outbox backlog (unsent, age of the oldest) and dead letters open by stage',
    description: 'Kafka consumer lag is in the metrics, not here.',
  })
  pipeline(@Query(new ZodValidationPipe(pipelineFilterSchema)) filter: PipelineFilter) {
    return this.queries.execute(new GetPipelineQuery(filter));
  }

  @Get('transitions')
  @ApiOperation({
    summary: 'Transitions, newest change first, a page at a time (cursor)',
    description:
      'Filters: facility, pathway, status, dischargedFrom (inclusive), dischargedTo (exclusive), ISO 8601 ' +
      'with offset; limit 1–200 (default 50); cursor = the previous page’s nextCursor, same filters.',
  })
  transitions(@Query(new ZodValidationPipe(transitionListFilterSchema)) filter: TransitionListFilter) {
    return this.queries.execute(new ListTransitionsQuery(filter));
  }
}
