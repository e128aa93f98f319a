/** A parsed "PID-3[2].4.1" / "DG1[2]-3.1" style path. */
export interface Hl7Path {
  segment: string;
  sequence: number;
  field: number;
  repetition: number;
  component: number;
  subcomponent: number;
}

const PATH = /^([A-Z][A-Z0-9]{2})(?:\[(\d+)\])?-(\d+)(?:\[(\d+)\])?(?:\.(\d+)(?:\.(\d+))?)?$/;
const cache = new Map<string, Hl7Path>();

/** Parses a field path; throws RangeError for a malformed one (a programming error, not bad input). */
export function parsePath(path: string): Hl7Path {
  const hit = cache.get(path);
  if (hit) return hit;
  const m = PATH.exec(path);
  if (!m) throw new RangeError(`Invalid HL7 path "${path}" (expected e.g. PID-3[1].4.1)`);
  const parsed: Hl7Path = {
    segment: m[1],
    sequence: m[2] ? Number(m[2]) : 1,
    field: Number(m[3]),
    repetition: m[4] ? Number(m[4]) : 1,
    component: m[5] ? Number(m[5]) : 0,
    subcomponent: m[6] ? Number(m[6]) : 0,
  };
  if (parsed.sequence < 1 || parsed.field < 1 || parsed.repetition < 1) {
    throw new RangeError(`Invalid HL7 path "${path}" (indexes are 1-based)`);
  }
  if (cache.size < 1000) cache.set(path, parsed);
  return parsed;
}
