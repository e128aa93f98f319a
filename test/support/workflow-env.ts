import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { workflowBundleOptions } from '../../apps/worker/src/temporal/workflow-bundle';

/** The Java time-skipping server that infra/up.sh provisions (with a CDS archive, to start in < 5 s). */
export function testServerPath(): string {
  const given = process.env.TEMPORAL_TEST_SERVER_PATH;
  const cache = process.env.CT_CACHE_DIR ?? path.join(os.homedir(), '.cache/care-transitions');
  const resolved = given ?? path.join(cache, 'bin/temporal-test-server');
  if (!existsSync(resolved))
    throw new Error(`${resolved} is missing: run "bash infra/up.sh temporal-test-server"`);
  return resolved;
}

const KEYWORD = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;

/** The dashboard search attributes the workflows set (infra/env.sh registers them on the dev server). */
export const SEARCH_ATTRIBUTES = {
  CtPathway: KEYWORD,
  CtStep: KEYWORD,
  CtFacility: KEYWORD,
  CtBreached: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  CtDueAt: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

export async function startTimeSkipping(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServerPath() } },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: SEARCH_ATTRIBUTES,
  });
  return env;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundles the workflow code once per test file; each Worker then starts in milliseconds. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  const { workflowsPath, bundlerOptions } = workflowBundleOptions();
  bundle ??= bundleWorkflowCode({ workflowsPath: workflowsPath!, ...bundlerOptions, logger: quietLogger });
  return bundle;
}

export async function createTestWorker(
  env: TestWorkflowEnvironment,
  taskQueue: string,
  activities: object,
): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
    // No sticky queue: a workflow left running by an earlier test's (stopped) worker must not hold
    // its next task on that worker's queue, which would stall time skipping for everyone.
    maxCachedWorkflows: 0,
  });
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => console.error(message),
};
