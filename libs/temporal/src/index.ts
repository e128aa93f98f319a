export * from './temporal.tokens';
export * from './temporal-client.module';
export * from './workflow-ids';
