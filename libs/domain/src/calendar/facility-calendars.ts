import type { BusinessCalendar } from './business-calendar';
import { US_FEDERAL_HOLIDAYS } from './us-federal-holidays';

/**
 * Each facility's time zone and closed days. A facility not listed works Monday to Friday in the
 * default zone with the US federal holidays.
 */
export const FACILITY_CALENDARS: Readonly<Record<string, BusinessCalendar>> = {
  RIVERSIDE: {
    timeZone: 'America/New_York',
    holidays: [...US_FEDERAL_HOLIDAYS, '2026-11-27', '2026-12-24'],
  },
  LAKESHORE: { timeZone: 'America/Chicago', holidays: US_FEDERAL_HOLIDAYS },
  SUMMIT: { timeZone: 'America/Denver', holidays: US_FEDERAL_HOLIDAYS },
  BAYVIEW: { timeZone: 'America/Los_Angeles', holidays: US_FEDERAL_HOLIDAYS },
};

export function facilityCalendar(facility: string, defaultTimeZone = 'America/New_York'): BusinessCalendar {
  return FACILITY_CALENDARS[facility] ?? { timeZone: defaultTimeZone, holidays: US_FEDERAL_HOLIDAYS };
}
