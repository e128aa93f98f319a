export * from './calendar/business-calendar';
export * from './pathways/pathway';
export * from './pathways/step-deadline';
export * from './pathways/tcm-discharge-home.pathway';
export * from './calendar/us-federal-holidays';
