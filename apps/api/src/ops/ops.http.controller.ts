import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, RequireRoles, Role, scopedFacilities, type Principal } from '@ct/auth';
import { ZodValidationPipe } from '@ct/observability';
import {
  breachRiskFilterSchema,
  GetBreachRiskQuery,
  type BreachRiskFilter,
} from './breach-risk/breach-risk.query';
import { requireEveryFacility } from './facility-scope';
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

const SCOPED =
  'Only the caller’s facilities (the token’s facilities claim); a facility asked for outside them answers empty.';
const EVERY_FACILITY =
  'Not kept per facility: only for a token granting every facility (facilities claim *), else 403.';

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
      'Escalated: priority above routine, or an escalation.* timeline entry in the task’s current episode. ' +
      SCOPED,
  })
  summary(
    @Query(new ZodValidationPipe(summaryFilterSchema)) filter: SummaryFilter,
    @Actor() caller: Principal,
  ) {
    return this.queries.execute(new GetSummaryQuery(filter, scopedFacilities(caller, filter.facility)));
  }

  @Get('breach-risk')
  @ApiOperation({
    summary:
      'Breach-risk board: open and claimed steps by time left (breached, due within 4 h, due today, later)',
    description:
      'Filters: facility, pathway, stepKey, role; limit = items per bucket (1–200, default 50), soonest due ' +
      'first; counts are complete. Today is the facility’s local day (its business calendar’s time zone). ' +
      SCOPED,
  })
  breachRisk(
    @Query(new ZodValidationPipe(breachRiskFilterSchema)) filter: BreachRiskFilter,
    @Actor() caller: Principal,
  ) {
    return this.queries.execute(new GetBreachRiskQuery(filter, scopedFacilities(caller, filter.facility)));
  }

  @Get('daily')
  @ApiOperation({
    summary: 'Breaches and completed steps per local day, the last `days` days (1–90, default 14)',
    description:
      'From the timeline: breach.recorded and step.completed entries. Filters: facility, pathway. Days ' +
      'are local to the facility’s calendar with a facility filter, else to FACILITY_TIME_ZONE; today last. ' +
      SCOPED,
  })
  daily(@Query(new ZodValidationPipe(dailyFilterSchema)) filter: DailyFilter, @Actor() caller: Principal) {
    return this.queries.execute(new GetDailyQuery(filter, scopedFacilities(caller, filter.facility)));
  }

  @Get('stuck-transitions')
  @ApiOperation({
    summary: 'Active transitions with no timeline entry for `hours` (default 24), and failed ones',
    description:
      'Each with its open dead letters (worker and outbox stages). Filters: facility; limit per list. ' +
      SCOPED,
  })
  stuck(@Query(new ZodValidationPipe(stuckFilterSchema)) filter: StuckFilter, @Actor() caller: Principal) {
    return this.queries.execute(
      new GetStuckTransitionsQuery(filter, scopedFacilities(caller, filter.facility)),
    );
  }

  @Get('feeds')
  @ApiOperation({
    summary: 'Feed health per sender: last message, messages and refusals in the last hour, quarantined',
    description: `Filter: sender (MSH-3|MSH-4 as archived). ${EVERY_FACILITY}`,
  })
  feeds(
    @Query(new ZodValidationPipe(feedHealthFilterSchema)) filter: FeedHealthFilter,
    @Actor() caller: Principal,
  ) {
    requireEveryFacility(caller, 'Feed health (per sender)');
    return this.queries.execute(new GetFeedHealthQuery(filter));
  }

  @Get('pipeline')
  @ApiOperation({
    summary: 'Outbox backlog (unsent, age of the oldest) and dead letters open by stage',
    description: `Kafka consumer lag is in the metrics, not here. ${EVERY_FACILITY}`,
  })
  pipeline(
    @Query(new ZodValidationPipe(pipelineFilterSchema)) filter: PipelineFilter,
    @Actor() caller: Principal,
  ) {
    requireEveryFacility(caller, 'The pipeline (outbox and dead letters by stage)');
    return this.queries.execute(new GetPipelineQuery(filter));
  }

  @Get('transitions')
  @ApiOperation({
    summary: 'Transitions, newest change first, a page at a time (cursor)',
    description:
      'Filters: facility, pathway, status, dischargedFrom (inclusive), dischargedTo (exclusive), ISO 8601 ' +
      'with offset; limit 1–200 (default 50); cursor = the previous page’s nextCursor, same filters. ' +
      SCOPED,
  })
  transitions(
    @Query(new ZodValidationPipe(transitionListFilterSchema)) filter: TransitionListFilter,
    @Actor() caller: Principal,
  ) {
    return this.queries.execute(new ListTransitionsQuery(filter, scopedFacilities(caller, filter.facility)));
  }
}
