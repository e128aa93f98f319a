/** The real servers an app can depend on; its readiness checks exactly the ones it uses. */
export type Server = 'postgres' | 'kafka' | 'temporal';

export const APP_SERVERS = Symbol('APP_SERVERS');
