import type { Connection } from '@temporalio/client';

/** Tasks waiting on a task queue for a worker (workflow and activity), as the server estimates them. */
export async function taskQueueBacklog(
  connection: Connection,
  namespace: string,
  taskQueue: string,
): Promise<number> {
  let waiting = 0;
  for (const taskQueueType of [1, 2]) {
    const response = await connection.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue, kind: 1 },
      taskQueueType,
      reportStats: true,
    });
    waiting += Number(response.stats?.approximateBacklogCount ?? 0);
  }
  return waiting;
}
