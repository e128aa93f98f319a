export * from './auth-env';
export * from './env.schema';
export * from './validate-env';
export * from './config.module';
