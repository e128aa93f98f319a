// What workflow code may load: deterministic, and without zod or node modules (every workflow
// sandbox evaluates these modules again, so each one costs CPU per workflow).
export * from './calendar/business-calendar';
export * from './calendar/facility-calendars';
export * from './calendar/us-federal-holidays';
export * from './pathways/pathway';
export * from './pathways/pathway-registry';
export * from './pathways/outreach';
export * from './pathways/readmission';
export * from './pathways/select-pathway';
export * from './pathways/step-deadline';
export * from './pathways/definitions/tcm-discharge-home.pathway';
export * from './pathways/definitions/home-health.pathway';
export * from './pathways/definitions/mental-health.pathway';
export * from './pathways/definitions/referral.pathway';
