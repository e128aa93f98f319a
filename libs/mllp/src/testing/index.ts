export * from './certificates';
export * from './test-server';
