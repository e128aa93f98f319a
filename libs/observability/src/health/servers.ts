/** The real servers an app can depend on; its readiness checks exactly the ones it uses. */
export type Server = 'postgres' | 'kafka' | 'temporal';

export const APP_SERVERS = Symbol('APP_SERVERS');

/**
 * An app's own condition for being ready, beyond its servers (the orchestrator: its consumer has
 * joined the group). Provide it under APP_READINESS in the app's module; readiness then checks it too.
 */
export interface AppReadiness {
  readonly name: string;
  ready(): { up: true } | { up: false; reason: string };
}

export const APP_READINESS = Symbol('APP_READINESS');
