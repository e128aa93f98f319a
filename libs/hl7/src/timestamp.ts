import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';

// Validating an IANA name builds an Intl formatter: do it once per zone, not once per timestamp.
const ianaZones = new Map<string, Zone>();
function ianaZone(name: string): Zone {
  let zone = ianaZones.get(name);
  if (!zone) {
    // as luxon reads a zone name: UTC and GMT are its fixed zero offset, printed as Z
    zone = /^(utc|gmt)$/i.test(name) ? FixedOffsetZone.utcInstance : IANAZone.create(name);
    if (!zone.isValid) throw new RangeError(`Unknown time zone "${name}"`);
    ianaZones.set(name, zone);
  }
  return zone;
}
import { Hl7ParseError } from './errors';

const DTM =
  /^(\d{4})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:\.(\d{1,4}))?)?)?)?)?)?(?:([+-])(\d{2})(\d{2}))?$/;

function bad(ts: string, why: string): Hl7ParseError {
  return new Hl7ParseError('BAD_VALUE', `"${ts}" is not a valid HL7 timestamp: ${why}`);
}

/**
 * Converts HL7 DTM/TS text (YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+/-ZZZZ]) to ISO 8601. An explicit offset is
 * kept; otherwise the time is read in the IANA zone `defaultZone`. A wall time that falls in a DST gap
 * moves forward; one that occurs twice takes the first (earlier) instant. Empty text gives undefined;
 * anything else that is not a timestamp throws Hl7ParseError('BAD_VALUE').
 */
export function parseHl7Timestamp(
  ts: string,
  defaultZone: string,
): { iso: string; hadOffset: boolean } | undefined {
  if (ts === '' || ts === '""') return undefined;
  const m = DTM.exec(ts);
  if (!m) throw bad(ts, 'expected YYYY[MM[DD[HH[MM[SS[.S]]]]]][+/-ZZZZ]');
  const hadOffset = m[8] !== undefined;
  let zone: Zone;
  if (hadOffset) {
    const hours = Number(m[9]);
    const minutes = Number(m[10]);
    if (hours > 14 || minutes > 59) throw bad(ts, 'offset out of range');
    zone = FixedOffsetZone.instance((m[8] === '-' ? -1 : 1) * (hours * 60 + minutes));
  } else {
    zone = ianaZone(defaultZone);
  }
  const fraction = m[7] ?? '';
  let dt = DateTime.fromObject(
    {
      year: Number(m[1]),
      month: m[2] ? Number(m[2]) : 1,
      day: m[3] ? Number(m[3]) : 1,
      hour: m[4] ? Number(m[4]) : 0,
      minute: m[5] ? Number(m[5]) : 0,
      second: m[6] ? Number(m[6]) : 0,
      millisecond: fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0,
    },
    { zone },
  );
  if (!dt.isValid) throw bad(ts, dt.invalidExplanation ?? dt.invalidReason ?? 'out of range');
  if (!hadOffset) dt = dt.getPossibleOffsets()[0] ?? dt;
  return { iso: dt.toISO({ suppressMilliseconds: true }) ?? '', hadOffset };
}
