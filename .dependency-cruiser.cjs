// Layering of the monorepo, checked by `npm run lint:deps` (dependency-cruiser).
//
//   apps/<app>/src   may use libs/* and, of workflows/, only its contracts (*.messages, *.activities)
//   libs/<lib>/src   may use other libs and the same workflow contracts, never apps/
//   workflows/src    runs in Temporal's sandbox: @temporalio/workflow, @ct/domain/workflow-safe and
//                    its own folder at run time (type-only imports are free); what workflow-safe
//                    loads at run time stays free of zod, other libs and node built-ins
//   test, bench, scripts: anything
// and no import cycles anywhere.

/** What apps and libs may import from workflows/: its messages and the activities' interface. */
const WORKFLOW_CONTRACTS = '^workflows/src/[^/]+[.](messages|activities)[.]ts$';
const SPEC = '[.]spec[.]ts$';
const DOMAIN_SCHEMA = '^libs/domain/src/pathways/pathway[.]schema[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other (at run time they load each other half-initialised).',
      from: {},
      // type-only edges count too (there are none today): a cycle of types is still a tangle
      to: { circular: true },
    },
    {
      name: 'app-not-to-other-app',
      severity: 'error',
      comment: 'Apps deploy on their own: shared code lives in libs/.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'lib-not-to-app',
      severity: 'error',
      comment: 'Libs sit below the apps.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'not-to-workflow-internals',
      severity: 'error',
      comment:
        'Apps and libs reach workflows/ only through its contracts (*.messages.ts, *.activities.ts); ' +
        'workflow code itself is for the worker bundle (workflowsPath), not an import.',
      from: { path: '^(apps|libs)/' },
      to: { path: '^workflows/', pathNot: WORKFLOW_CONTRACTS },
    },
    {
      name: 'workflow-sandbox-imports',
      severity: 'error',
      comment:
        'Workflow code must be deterministic and light in the sandbox: at run time it imports only ' +
        '@temporalio/workflow, @ct/domain/workflow-safe and files in workflows/src.',
      from: { path: '^workflows/src/', pathNot: SPEC },
      to: {
        dependencyTypesNot: ['type-only'],
        pathNot: [
          '^workflows/src/',
          '^node_modules/@temporalio/workflow/',
          '^libs/domain/src/workflow-safe[.]ts$',
        ],
      },
    },
    {
      name: 'workflow-safe-stays-safe',
      severity: 'error',
      comment:
        'What @ct/domain/workflow-safe loads runs in every workflow sandbox: domain code loads no zod, ' +
        'no other lib and not pathway.schema.ts at run time (type-only imports are fine). The schema ' +
        '(zod, node:util) is for the worker boot and tests; index.ts re-exports it.',
      from: { path: '^libs/domain/src/', pathNot: [SPEC, '^libs/domain/src/index[.]ts$', DOMAIN_SCHEMA] },
      to: {
        dependencyTypesNot: ['type-only'],
        path: ['^node_modules/zod/', '^libs/(?!domain/)', DOMAIN_SCHEMA],
      },
    },
    {
      name: 'workflow-safe-no-node-builtins',
      severity: 'error',
      comment: 'Node built-ins do not exist in the workflow sandbox (see workflow-safe-stays-safe).',
      from: { path: '^libs/domain/src/', pathNot: [SPEC, '^libs/domain/src/index[.]ts$', DOMAIN_SCHEMA] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'not-to-testing-from-production',
      severity: 'error',
      comment: 'Test helpers (src/testing) are for specs, test/ and benches, not for code that ships.',
      from: { path: '^(apps|libs|workflows)/', pathNot: [SPEC, '/src/testing/'] },
      to: { path: '/src/testing/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing (a typo, or a @ct/* alias tsconfig.json lacks).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage)/' },
    // see type-only imports as such: the sandbox and cycle rules let them through
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
    moduleSystems: ['cjs', 'es6'],
    cache: false,
  },
};
