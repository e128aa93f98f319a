// DEV ONLY: the people and machines of `npm start`'s OpenID Connect provider (scripts/dev-oidc.ts).
// No passwords: whoever opens the sign-in page picks one. A hospital's own provider replaces all of this.
import { Role } from '@ct/auth';

export interface Persona {
  /** The token's `sub`: an id, never a name. */
  id: string;
  name: string;
  /** What the persona does, shown on the sign-in page. */
  description: string;
  roles: readonly string[];
  /** Facility ids the persona works for (`*`: all), the token's `facilities` claim. */
  facilities: readonly string[];
  /** Care teams, the token's `teams` claim. */
  teams: readonly string[];
}

export const personas: readonly Persona[] = [
  {
    id: 'ops-1',
    name: 'Olu Ops',
    description: 'operations lead: quarantine, dead letters, replay, the ops dashboards',
    roles: [Role.Ops],
    facilities: ['*'],
    teams: [],
  },
  {
    id: 'nurse-1',
    name: 'Nadia Nurse',
    description: 'care coordinator at Riverside: works the task list',
    roles: [Role.Coordinator, 'transitional-care-nurse'],
    facilities: ['RIVERSIDE'],
    teams: ['riverside-tcm'],
  },
  {
    id: 'supervisor-1',
    name: 'Sam Supervisor',
    description: 'care team supervisor at Riverside: gets reassigned and escalated tasks',
    roles: [Role.Coordinator, 'care-team-supervisor'],
    facilities: ['RIVERSIDE'],
    teams: ['riverside-tcm'],
  },
  {
    id: 'compliance-1',
    name: 'Chris Compliance',
    description: 'privacy officer at Riverside: reads the access log of patient context',
    roles: [Role.Compliance],
    facilities: ['RIVERSIDE'],
    teams: [],
  },
];

export const personaById = (id: string): Persona | undefined => personas.find((p) => p.id === id);

/** The ops console: a public client (no secret), authorization code with PKCE (S256). */
export const CONSOLE_CLIENT_ID = 'ops-console';

/** The demo ADT feed of `npm start`: a confidential client, client credentials, role adt-feed. */
export const FEED_CLIENT_ID = 'demo-feed';

/** What machine clients get in their tokens (client credentials: `sub` is the client id). */
export const machineClientRoles: Readonly<Record<string, readonly string[]>> = {
  [FEED_CLIENT_ID]: [Role.Feed],
};
