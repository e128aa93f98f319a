export * from './common/patient-key';
export * from './common/event-parts';
export * from './adt-events-v1';
export * from './referral-events-v1';
export * from './adt-dlq-v1';
export * from './headers';
export * from './care-events-v1';
export * from './topics';
