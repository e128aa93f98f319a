export interface KeyedMessage {
  key: Buffer | string | null;
  offset: string;
}

export interface ByKeyResult {
  /** The last offset before the first message that did not succeed: safe to commit. */
  doneThrough?: string;
  /** The first failure in batch order; the caller rethrows it so the rest is redelivered. */
  error?: unknown;
}

/**
 * Handles one partition's batch with its keys (patients) in parallel and each key's messages in
 * order, at most `concurrency` keys at once. Once a message fails, its key stops and no new key
 * starts; what already ran finishes. Only the unbroken run of successes from the batch's start
 * may be committed: anything after the first failure comes again (handlers are idempotent).
 */
export async function runByKey<M extends KeyedMessage>(
  messages: readonly M[],
  handle: (message: M) => Promise<void>,
  concurrency: number,
): Promise<ByKeyResult> {
  const groups = new Map<string, number[]>();
  messages.forEach((message, index) => {
    const key = message.key === null ? '' : message.key.toString();
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  const done = new Array<boolean>(messages.length).fill(false);
  const failures = new Map<number, unknown>();
  const queue = [...groups.values()];

  const lane = async (): Promise<void> => {
    for (let group = queue.shift(); group && failures.size === 0; group = queue.shift()) {
      for (const index of group) {
        try {
          await handle(messages[index]);
          done[index] = true;
        } catch (error) {
          failures.set(index, error);
          break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, lane));

  const firstOpen = done.indexOf(false);
  const through = firstOpen === -1 ? messages.length - 1 : firstOpen - 1;
  const firstFailure = [...failures.keys()].sort((a, b) => a - b)[0];
  return {
    ...(through >= 0 ? { doneThrough: messages[through].offset } : {}),
    ...(firstFailure !== undefined ? { error: failures.get(firstFailure) } : {}),
  };
}
