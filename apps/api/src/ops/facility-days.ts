import { DateTime } from 'luxon';
import { FACILITY_CALENDARS, facilityCalendar } from '@ct/domain';

/**
 * When "today" ends for a facility: midnight at the start of its next local day (23 or 25 hours
 * after the last one on a DST change), from its business calendar's time zone.
 */
export function localDayEnd(now: Date, timeZone: string): Date {
  const local = DateTime.fromJSDate(now).setZone(timeZone);
  if (!local.isValid) throw new RangeError(`invalid time zone: ${timeZone}`);
  return local.startOf('day').plus({ days: 1 }).toJSDate();
}

/** Today's end for every facility with a calendar, and for the rest (FACILITY_TIME_ZONE). */
export interface FacilityDayEnds {
  /** facility → ISO instant, as SQL reads it: `($ends::jsonb ->> facility)::timestamptz`. */
  byFacility: Record<string, string>;
  fallback: string;
}

export function facilityDayEnds(now: Date, defaultTimeZone: string): FacilityDayEnds {
  const byFacility = Object.fromEntries(
    Object.keys(FACILITY_CALENDARS).map((facility) => [
      facility,
      localDayEnd(now, facilityCalendar(facility, defaultTimeZone).timeZone).toISOString(),
    ]),
  );
  return { byFacility, fallback: localDayEnd(now, defaultTimeZone).toISOString() };
}

/** SQL for the end of today at the facility in column `facility`, given $ends (jsonb) and $fallback. */
export const dayEndSql = (facility: string, ends: string, fallback: string) =>
  `COALESCE((${ends}::jsonb ->> ${facility})::timestamptz, ${fallback}::timestamptz)`;

/**
 * "Due before the facility's midnight" over many rows: the cheap comparisons with the earliest and
 * latest midnight first, so the jsonb lookup of `dayEndSql` runs only for the few due between them
 * (per row it took most of a pass over 100,000 open steps, docs/benchmarks.md).
 */
export function dueBeforeDayEndSql(
  due: string,
  facility: string,
  ends: FacilityDayEnds,
  p: { add(value: unknown): string },
) {
  const instants = [...Object.values(ends.byFacility), ends.fallback].map((end) => Date.parse(end));
  const first = p.add(new Date(Math.min(...instants)));
  const last = p.add(new Date(Math.max(...instants)));
  const dayEnd = dayEndSql(facility, p.add(JSON.stringify(ends.byFacility)), p.add(ends.fallback));
  return `(${due} < ${first} OR (${due} < ${last} AND ${due} < ${dayEnd}))`;
}
