export * from './labels';
export * from './metrics.module';
export * from './metrics.registry';
export * from './scrape-cache';
