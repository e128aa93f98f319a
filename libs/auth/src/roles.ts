/** The roles the hospital's identity provider grants; a route names the roles it admits. */
export const Role = {
  /** Works task lists: reads (with patient context), claims and completes tasks, reads transitions. */
  Coordinator: 'care-coordinator',
  /** Operations: quarantine and dead letters (replay, discard), reads transitions. */
  Ops: 'ops',
  /** A hospital interface engine sending ADT over HTTP or FHIR (MLLP has mutual TLS). */
  Feed: 'adt-feed',
  /** Privacy and compliance staff: read the access log of patient context (who read whom, when). */
  Compliance: 'compliance',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Who is calling, as the verified token says: an id, never a name. */
export interface Principal {
  subject: string;
  roles: readonly string[];
  /** Facility ids the caller works for (AUTH_FACILITIES_CLAIM); `*` grants all. Rows of others are 404. */
  facilities: readonly string[];
  /** Care teams the caller belongs to (AUTH_TEAMS_CLAIM). */
  teams: readonly string[];
}
