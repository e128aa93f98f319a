import * as path from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';

/** Where the workflow code is, in the source tree (tests) or in dist (after `npm run build`). */
export function workflowsPath(): string {
  return path.resolve(__dirname, '../../../../workflows/src');
}

/**
 * Workflow code may use the pure part of @ct/domain (@ct/domain/workflow-safe). After the build tsc-alias has rewritten that
 * import; from sources (tests), the bundler needs the alias.
 */
export function workflowBundleOptions(): Pick<WorkerOptions, 'workflowsPath' | 'bundlerOptions'> {
  const dir = workflowsPath();
  return {
    workflowsPath: dir,
    bundlerOptions: {
      webpackConfigHook: (config) => {
        config.resolve = config.resolve ?? {};
        config.resolve.alias = {
          ...config.resolve.alias,
          '@ct/domain': path.resolve(dir, '../../libs/domain/src'),
        };
        return config;
      },
    },
  };
}
