import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound webhooks: who is told of which care events (subscriptions), and one delivery per
 * (event, subscription) with its attempts. A delivery keeps the exact body it signs.
 */
export class Webhooks1765600000001 implements MigrationInterface {
  name = 'Webhooks1765600000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "webhook_subscriptions" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "facility" text NOT NULL,
      "team" text,
      "role" text,
      "event_kinds" text array NOT NULL,
      "url" text NOT NULL,
      "secret" text NOT NULL,
      "description" text,
      "enabled" boolean NOT NULL DEFAULT true,
      "created_by" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_webhook_subscriptions" PRIMARY KEY ("id"),
      CONSTRAINT "ck_webhook_subscriptions_kinds" CHECK (cardinality("event_kinds") > 0)
    )`);
    // the dispatcher's lookup: the enabled subscriptions of an event's facility (or *)
    await db.query(
      `CREATE INDEX "ix_webhook_subscriptions_facility" ON "webhook_subscriptions" ("facility") WHERE "enabled"`,
    );
    await db.query(`CREATE TABLE "webhook_deliveries" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "subscription_id" uuid NOT NULL,
      "event_id" uuid NOT NULL,
      "event_type" text NOT NULL,
      "facility" text NOT NULL,
      "body" text NOT NULL,
      "status" text NOT NULL DEFAULT 'pending',
      "attempts" integer NOT NULL DEFAULT 0,
      "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
      "last_status" integer,
      "last_error" text,
      "delivered_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "pk_webhook_deliveries" PRIMARY KEY ("id"),
      CONSTRAINT "ck_webhook_deliveries_status" CHECK ("status" IN ('pending','delivered','dead'))
    )`);
    // a redelivered Kafka record finds its delivery and adds none
    await db.query(
      `CREATE UNIQUE INDEX "uq_webhook_deliveries_event" ON "webhook_deliveries" ("event_id", "subscription_id")`,
    );
    await db.query(
      `CREATE INDEX "ix_webhook_deliveries_due" ON "webhook_deliveries" ("next_attempt_at") WHERE "status" = 'pending'`,
    );
    await db.query(
      `CREATE INDEX "ix_webhook_deliveries_subscription" ON "webhook_deliveries" ("subscription_id", "created_at")`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "webhook_deliveries"`);
    await db.query(`DROP TABLE "webhook_subscriptions"`);
  }
}
