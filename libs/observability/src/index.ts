export * from './logger.module';
export * from './health/health.module';
export * from './health/readiness.indicators';
export * from './http/problem-details.filter';
export * from './http/zod-validation.pipe';
export * from './bootstrap';
export * from './app-foundation';
