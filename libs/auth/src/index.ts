export * from './auth.guard';
export * from './auth.module';
export * from './decorators';
export * from './roles';
export * from './token-verifier';
export * from './scope';
export * from './pathway-roles';
