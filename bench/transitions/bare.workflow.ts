import { condition, defineSignal, proxyLocalActivities, setHandler, sleep } from '@temporalio/workflow';

export const go = defineSignal<[string]>('go');
const { reached } = proxyLocalActivities<{ reached(id: string): Promise<void> }>({
  startToCloseTimeout: '10 seconds',
});

/** The least a durable transition can do: take the signal, run one local activity, wait on a timer. */
export async function bareTransition(): Promise<void> {
  let id: string | undefined;
  setHandler(go, (value) => void (id = value));
  await condition(() => id !== undefined);
  await reached(id!);
  await sleep('30 days');
}
