// Unit tests sit beside the code (*.spec.ts, mocks allowed); integration and end-to-end tests
// live in test/ (*.int.test.ts, *.e2e.test.ts) and run against the real servers.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  },
];
const moduleNameMapper = {
  '^@ct/workflows/(.*)$': '<rootDir>/workflows/src/$1',
  '^@ct/hl7/testing$': '<rootDir>/libs/hl7/src/testing',
  '^@ct/mllp/testing$': '<rootDir>/libs/mllp/src/testing',
  '^@ct/auth/testing$': '<rootDir>/libs/auth/src/testing',
  '^@ct/domain/workflow-safe$': '<rootDir>/libs/domain/src/workflow-safe',
  '^@ct/([a-z0-9-]+)$': '<rootDir>/libs/$1/src',
};
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,workflows}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.{int,e2e}.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/timeout.ts', '<rootDir>/test/support/quiet-temporal.ts'],
    },
    // Kills servers: only with the servers of its own that test/faults/faults.sh starts (npm run test:faults).
    ...(process.env.CT_FAULTS === '1'
      ? [{ ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/*.faults.test.ts'] }]
      : []),
  ],
};
