import type { DataSource } from 'typeorm';
import { recordDeadLetter } from '@ct/persistence';
import { postWebhook, type TryResult } from './post-webhook';
import { retryDelayMs, type RetrySettings } from './retry-schedule';
import type { WebhookMetrics } from './webhook.metrics';

export interface SenderSettings extends RetrySettings {
  timeoutMs: number;
  concurrency: number;
  /** The topic named on dead letters (with the deployment's prefix). */
  topic: string;
}

interface Claimed {
  id: string;
  subscription_id: string;
  event_id: string;
  body: string;
  attempts: number;
  created_at: Date;
  url: string;
  secret: string;
}

// a receiver in trouble holds at most this many of the sender's slots
const PER_SUBSCRIPTION = 2;

/**
 * Sends due deliveries. A claim moves next_attempt_at past the try's timeout (a lease), so other
 * worker replicas skip it and a crash mid-try only delays it; no transaction is held during the
 * HTTP call. A failed try is retried after a backoff; the last one becomes a dead letter.
 */
export class WebhookSender {
  private readonly inFlight = new Map<string, number>();
  private readonly tries = new Set<Promise<void>>();
  private running = 0;

  constructor(
    private readonly db: DataSource,
    private readonly settings: SenderSettings,
    private readonly metrics: WebhookMetrics,
  ) {}

  /** Free slots, for the loop to know whether to claim. */
  get free(): number {
    return this.settings.concurrency - this.running;
  }

  /**
   * Claims due deliveries for the free slots and starts them without waiting: a slow receiver
   * holds its own slots only. Returns how many were started.
   */
  async startDue(): Promise<number> {
    const rows = await this.claim(this.free);
    for (const row of rows) {
      const attempt: Promise<void> = this.send(row)
        .catch(() => undefined) // the lease runs out and the try is made again
        .finally(() => this.tries.delete(attempt));
      this.tries.add(attempt);
    }
    return rows.length;
  }

  /** Resolves when one try in flight ends (at once if none is). */
  async oneDone(): Promise<void> {
    if (this.tries.size) await Promise.race(this.tries);
  }

  /** Waits for every try in flight (shutdown). */
  async drain(): Promise<void> {
    await Promise.all(this.tries);
  }

  private async claim(limit: number): Promise<Claimed[]> {
    if (limit <= 0) return [];
    const busy = [...this.inFlight].filter(([, n]) => n >= PER_SUBSCRIPTION).map(([id]) => id);
    const leaseSeconds = this.settings.timeoutMs / 1000 + 30;
    const rows = await this.db.query<[Claimed[], number]>(
      `UPDATE webhook_deliveries d SET attempts = d.attempts + 1, updated_at = now(),
         next_attempt_at = now() + make_interval(secs => $3)
       FROM webhook_subscriptions s
       WHERE s.id = d.subscription_id AND d.id IN (
         SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now() AND id IN (
           SELECT id FROM (
             SELECT w.id, row_number() OVER (PARTITION BY w.subscription_id ORDER BY w.next_attempt_at) AS n
             FROM webhook_deliveries w JOIN webhook_subscriptions ws ON ws.id = w.subscription_id AND ws.enabled
             WHERE w.status = 'pending' AND w.next_attempt_at <= now() AND NOT (w.subscription_id = ANY ($2::uuid[]))
           ) ranked WHERE n <= ${PER_SUBSCRIPTION})
         ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING d.id, d.subscription_id, d.event_id, d.body, d.attempts, d.created_at, s.url, s.secret`,
      [limit, busy, leaseSeconds],
    );
    return rows[0];
  }

  private async send(row: Claimed): Promise<void> {
    this.running += 1;
    this.inFlight.set(row.subscription_id, (this.inFlight.get(row.subscription_id) ?? 0) + 1);
    try {
      const started = process.hrtime.bigint();
      const result = await postWebhook(
        { deliveryId: row.id, url: row.url, secret: row.secret, body: row.body },
        this.settings.timeoutMs,
      );
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.attemptDuration.observe({ outcome: result.outcome }, seconds);
      await this.record(row, result);
    } finally {
      this.running -= 1;
      const left = (this.inFlight.get(row.subscription_id) ?? 1) - 1;
      if (left > 0) this.inFlight.set(row.subscription_id, left);
      else this.inFlight.delete(row.subscription_id);
    }
  }

  private async record(row: Claimed, result: TryResult): Promise<void> {
    if (result.outcome === 'ok') {
      await this.db.query(
        `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), last_status = $2,
           last_error = NULL, updated_at = now() WHERE id = $1`,
        [row.id, result.status],
      );
      this.metrics.deliveries.inc({ outcome: 'delivered' });
      this.metrics.latency.observe((Date.now() - new Date(row.created_at).getTime()) / 1000);
      return;
    }
    const wait = retryDelayMs(row.attempts, this.settings);
    if (wait !== undefined) {
      await this.db.query(
        `UPDATE webhook_deliveries SET next_attempt_at = now() + make_interval(secs => $2),
           last_status = $3, last_error = $4, updated_at = now() WHERE id = $1`,
        [row.id, wait / 1000, result.status, result.reason],
      );
      this.metrics.retries.inc();
      return;
    }
    await this.deadLetter(row, result);
  }

  private async deadLetter(row: Claimed, result: TryResult): Promise<void> {
    const reason = `subscription ${row.subscription_id}: ${result.reason ?? 'failed'} on the last of ${row.attempts} tries`;
    await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE webhook_deliveries SET status = 'dead', last_status = $2, last_error = $3, updated_at = now()
         WHERE id = $1`,
        [row.id, result.status, result.reason],
      );
      await recordDeadLetter(tx, {
        stage: 'webhook',
        code: 'WEBHOOK_UNDELIVERED',
        reason,
        topic: this.settings.topic,
        sourceRef: `webhook/${row.id}`,
        key: null,
        value: row.body,
        headers: { 'webhook-id': row.id, 'subscription-id': row.subscription_id },
        eventId: row.event_id,
        attempts: row.attempts,
      });
    });
    this.metrics.deliveries.inc({ outcome: 'dead-lettered' });
    this.metrics.deadLetters.inc();
  }
}
