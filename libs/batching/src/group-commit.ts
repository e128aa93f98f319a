/**
 * Group commit: while one flush is in flight, submissions queue up and go together in the next.
 * An idle system flushes each item at once (no added latency); a busy one amortizes the round
 * trip (Kafka acks=all, a Postgres commit) over the whole batch.
 */
export class GroupCommit<TIn, TOut> {
  private queue: { item: TIn; resolve: (value: TOut) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;

  constructor(
    private readonly flush: (items: TIn[]) => Promise<TOut[]>,
    private readonly options: { maxBatch: number; maxInFlight?: number } = { maxBatch: 500 },
  ) {}

  submit(item: TIn): Promise<TOut> {
    return new Promise<TOut>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.queue.length > 0 && this.inFlight < (this.options.maxInFlight ?? 1)) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      void this.run(batch);
    }
  }

  private async run(batch: typeof this.queue): Promise<void> {
    try {
      const results = await this.flush(batch.map((entry) => entry.item));
      if (results.length !== batch.length)
        throw new Error(`flush returned ${results.length} results for ${batch.length} items`);
      batch.forEach((entry, index) => entry.resolve(results[index]));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      this.inFlight -= 1;
      this.drain();
    }
  }
}
