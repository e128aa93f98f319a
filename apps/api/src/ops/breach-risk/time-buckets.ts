import { facilityCalendar } from '@ct/domain';
import { localDayEnd } from '../facility-days';
import { breachedSql } from '../sql';

export const BUCKETS = ['breached', 'dueWithin4h', 'dueToday', 'later'] as const;
export type Bucket = (typeof BUCKETS)[number];

export const SOON_HOURS = 4;

/** The instants that split a facility's open steps into buckets at `now`. */
export interface BucketWindows {
  now: Date;
  /** now + 4 h: due by then (and not breached) is dueWithin4h, even past local midnight. */
  soonEnd: Date;
  /** The start of the facility's next local day: due before it (and after soonEnd) is dueToday. */
  dayEnd: Date;
}

export function bucketWindows(now: Date, timeZone: string): BucketWindows {
  return {
    now,
    soonEnd: new Date(now.getTime() + SOON_HOURS * 3_600_000),
    dayEnd: localDayEnd(now, timeZone),
  };
}

export function facilityWindows(now: Date, facility: string, defaultTimeZone: string): BucketWindows {
  return bucketWindows(now, facilityCalendar(facility, defaultTimeZone).timeZone);
}

/**
 * Breached: the clock recorded a breach, or the due time has passed (the breach timer may not
 * have fired yet). Then by time left: within 4 h, before the facility's local midnight, later.
 */
export function bucketOf(dueAt: Date, breachedAt: Date | null, windows: BucketWindows): Bucket {
  if (breachedAt || dueAt.getTime() <= windows.now.getTime()) return 'breached';
  if (dueAt.getTime() <= windows.soonEnd.getTime()) return 'dueWithin4h';
  if (dueAt.getTime() < windows.dayEnd.getTime()) return 'dueToday';
  return 'later';
}

/** Seconds until due; negative once it has passed. */
export const timeLeftSeconds = (dueAt: Date, now: Date) =>
  Math.round((dueAt.getTime() - now.getTime()) / 1000);

/**
 * `bucketOf` in SQL, for counting and paging in the database: $now, $soonEnd and the facility's
 * day end as SQL expressions (see facility-days.ts).
 */
export const bucketSql = (now: string, soonEnd: string, dayEnd: string) => `CASE
  WHEN ${breachedSql(now)} THEN 'breached'
  WHEN t.due_at <= ${soonEnd} THEN 'dueWithin4h'
  WHEN t.due_at < ${dayEnd} THEN 'dueToday'
  ELSE 'later' END`;

/** SQL of the instants that split the buckets; the day end per facility, and its earliest and latest. */
export interface BucketWindowsSql {
  now: string;
  soonEnd: string;
  dayEnd: string;
  firstDayEnd: string;
  lastDayEnd: string;
}

/**
 * `bucketOf` as ranges of due_at, each scanned soonest first: breached twice over (due, and marked
 * by the clock yet due later, ix_tasks_active_breached_due). The bounds by the earliest and latest
 * day end keep the scans of dueToday and later within their range whatever the facility.
 */
export const bucketRangesSql = (w: BucketWindowsSql): [Bucket, string][] => [
  ['breached', `t.due_at <= ${w.now}`],
  ['breached', `t.breached_at IS NOT NULL AND t.due_at > ${w.now}`],
  ['dueWithin4h', `t.breached_at IS NULL AND t.due_at > ${w.now} AND t.due_at <= ${w.soonEnd}`],
  [
    'dueToday',
    `t.breached_at IS NULL AND t.due_at > ${w.soonEnd} AND t.due_at < ${w.lastDayEnd} AND t.due_at < ${w.dayEnd}`,
  ],
  [
    'later',
    `t.breached_at IS NULL AND t.due_at > ${w.soonEnd} AND t.due_at >= ${w.firstDayEnd} AND t.due_at >= ${w.dayEnd}`,
  ],
];
