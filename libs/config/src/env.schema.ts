import { isIP } from 'node:net';
import { z } from 'zod';
import { authEnvFields, checkAuthEnv, unsetWhenEmpty } from './auth-env';

// 0 asks the OS for a free port (tests)
const port = z.coerce.number().int().min(0).max(65535);
const csv = z
  .string()
  .min(1)
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

/** Where an app that uses Kafka finds it (the gateway, orchestrator and worker). */
export const kafkaEnvFields = {
  KAFKA_BROKERS: csv.default(['127.0.0.1:9092']),
  KAFKA_CLIENT_ID: z.string().min(1).default('care-transitions'),
  /** Put before every topic name: a benchmark or a second stack shares a broker without mixing in. */
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" or "-"')
    .default(''),
};

/** Where an app that uses Temporal finds it (the orchestrator, worker and api). */
export const temporalEnvFields = {
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('care-transitions'),
};

/** Settings every app needs: its database, how to log, how to stop. */
export const coreEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HTTP_HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  FACILITY_TIME_ZONE: z.string().min(1).default('America/New_York'),
  /** Longest a PostgreSQL statement may run (the apps' pools; migrations have none): nothing waits forever. */
  PG_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** PostgreSQL's JIT compilation in the app's sessions (docs/benchmarks.md); the api turns it off. */
  PG_JIT: z.enum(['on', 'off']).default('on'),
});

/** An app on all three servers (orchestrator, worker). Each app validates only what it uses. */
export const baseEnvSchema = coreEnvSchema.extend({ ...kafkaEnvFields, ...temporalEnvFields });

const httpUrl = z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ''));
const origin = z
  .url({ protocol: /^https?$/ })
  .refine((value) => URL.canParse(value) && new URL(value).origin === value, {
    message: 'an origin: scheme://host[:port], no path or trailing slash',
  });

/**
 * The ops console the api serves under /console: what the browser gets from GET /api/v1/console/config.
 * Sign-in is OpenID Connect code + PKCE against AUTH_ISSUER (or CONSOLE_OIDC_AUTHORITY, if the
 * browser reaches the provider at another address), as a public client.
 */
export const consoleEnvFields = {
  CONSOLE_OIDC_CLIENT_ID: z.string().min(1).default('ops-console'),
  /** Where the provider sends the browser back; default: this api's own /console/callback. */
  CONSOLE_OIDC_REDIRECT_URI: unsetWhenEmpty(httpUrl.optional()),
  CONSOLE_OIDC_AUTHORITY: unsetWhenEmpty(httpUrl.optional()),
  CONSOLE_OIDC_SCOPE: z
    .string()
    .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'space-separated scopes')
    .default('openid'),
  /** Temporal UI, for the link from a transition to its workflow (workflow id = transition id). */
  CONSOLE_TEMPORAL_UI_URL: httpUrl.default('http://127.0.0.1:8233'),
  /** The ADT gateway's HTTP API (quarantine), as the browser reaches it; it must list this api in CONSOLE_ORIGINS. */
  CONSOLE_GATEWAY_URL: httpUrl.default('http://127.0.0.1:3001'),
};

const tokenRole = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]+$/, 'a role name: letters, digits, "_", ".", ":" or "-"');

/** Who may work which steps (the api): token roles that hold each pathway role, and supervisors. */
export const worklistEnvFields = {
  /**
   * JSON: pathway role → token roles that hold it, e.g. {"transitional-care-nurse":["rn"]}.
   * A pathway role not named is held by the token role of the same name.
   */
  PATHWAY_ROLES: z
    .string()
    .default('{}')
    .transform((value, ctx): Record<string, string[]> => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON: give {"pathway-role": ["token-role", ...]}' });
        return z.NEVER;
      }
      const checked = z.record(tokenRole, z.array(tokenRole).min(1)).safeParse(parsed);
      if (!checked.success) {
        ctx.addIssue({ code: 'custom', message: 'give {"pathway-role": ["token-role", ...]}' });
        return z.NEVER;
      }
      return checked.data;
    }),
  /** Token roles that may reassign and complete any step of their facilities. */
  SUPERVISOR_ROLES: csv
    .pipe(z.array(tokenRole))
    .default([
      'care-team-supervisor',
      'scheduling-supervisor',
      'behavioral-health-supervisor',
      'care-team-lead',
    ]),
};

/** How long PHI and the record of its reads are kept (the api's retention purge). */
export const retentionEnvFields = {
  /** 2190 days = 6 years: HIPAA keeps required documentation six years (45 CFR 164.316(b)(2)). */
  ACCESS_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(2190),
  /**
   * Days patient context outlives its visit: past the discharge and the last message, and only
   * once the transition is no longer active or paused. 90 covers TCM's 30-day service period,
   * the 30-day readmission window and a month for late documentation and billing.
   */
  PATIENT_CONTEXT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** How often each api instance tries the purge (one at a time across instances: an advisory lock). */
  RETENTION_PURGE_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
};

/** The live worklist stream (GET /api/v1/tasks/stream): server-sent events from LISTEN ct_task_changes. */
export const taskStreamEnvFields = {
  /** Open streams per api process; one more is answered 503 with Retry-After. */
  TASK_STREAM_MAX: z.coerce.number().int().min(1).max(100_000).default(1_000),
  /** A comment line this often keeps proxies from closing an idle stream. */
  TASK_STREAM_HEARTBEAT_MS: z.coerce.number().int().min(1_000).max(120_000).default(15_000),
};

export const apiEnvSchema = coreEnvSchema
  .extend({
    PORT: port.default(3000),
    // short reads only: a misestimated plan never pays seconds of compiling (docs/benchmarks.md)
    PG_JIT: z.enum(['on', 'off']).default('off'),
    ...temporalEnvFields,
    ...authEnvFields,
    ...consoleEnvFields,
    ...worklistEnvFields,
    ...retentionEnvFields,
    ...taskStreamEnvFields,
  })
  .superRefine(checkAuthEnv);
/** Origins (scheme://host:port) whose pages may call the gateway's ops API from a browser (CORS). */
const consoleOrigins = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : value,
  z.array(origin).default([]),
);
/** `system=AUTHORITY,...` → a map; an entry is named by its position, never echoed (config may hold secrets). */
const identifierAuthorities = z
  .string()
  .default('')
  .transform((value, ctx): ReadonlyMap<string, string> => {
    const map = new Map<string, string>();
    const entries = value.split(',').map((entry) => entry.trim());
    for (const [index, entry] of entries.filter(Boolean).entries()) {
      const at = entry.lastIndexOf('=');
      const [system, authority] = [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
      if (at < 1 || !system || !authority) {
        ctx.addIssue({ code: 'custom', message: `entry ${index + 1} is not system=AUTHORITY` });
        return z.NEVER;
      }
      map.set(system, authority);
    }
    return map;
  });

const pemFile = z.string().min(1).optional();

export const gatewayEnvSchema = coreEnvSchema
  .extend({
    PORT: port.default(3001),
    ...kafkaEnvFields,
    MLLP_HOST: z.string().default('127.0.0.1'),
    MLLP_PORT: port.default(2575),
    MLLP_MAX_FRAME_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    MLLP_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(300_000),
    /** MLLP over TLS: the listener's certificate and private key (PEM files), both or neither. */
    MLLP_TLS_CERT_FILE: pemFile,
    MLLP_TLS_KEY_FILE: pemFile,
    /** With a CA (PEM), senders must present a certificate it signed (mutual TLS). */
    MLLP_TLS_CA_FILE: pemFile,
    /**
     * FHIR identifier systems and the HL7 assigning authority (CX.4) each stands for, as
     * `system=AUTHORITY` pairs separated by commas: a patient then has one key whichever way its
     * hospital sends (e.g. `urn:oid:2.16.840.1.113883.19.5=RIVERSIDE`).
     */
    FHIR_IDENTIFIER_AUTHORITIES: identifierAuthorities,
    /** Longest a sender waits on archive + publish before a NAK that asks it to resend. */
    HANDOFF_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2_000),
    /** The ops console's origin(s), e.g. http://127.0.0.1:3000: they may call /api/v1/ops/quarantine. */
    CONSOLE_ORIGINS: consoleOrigins,
    ...authEnvFields,
  })
  .superRefine((env, ctx) => {
    checkAuthEnv(env, ctx);
    if (!env.MLLP_TLS_CERT_FILE !== !env.MLLP_TLS_KEY_FILE) {
      const path = [env.MLLP_TLS_CERT_FILE ? 'MLLP_TLS_KEY_FILE' : 'MLLP_TLS_CERT_FILE'];
      ctx.addIssue({
        code: 'custom',
        path,
        message: 'MLLP over TLS needs both a certificate and a key file',
      });
    }
    if (env.MLLP_TLS_CA_FILE && !env.MLLP_TLS_CERT_FILE) {
      const message = 'a client CA means mutual TLS: set MLLP_TLS_CERT_FILE and MLLP_TLS_KEY_FILE too';
      ctx.addIssue({ code: 'custom', path: ['MLLP_TLS_CA_FILE'], message });
    }
  });
export const orchestratorEnvSchema = baseEnvSchema.extend({
  PORT: port.default(3002),
  ORCHESTRATOR_GROUP_ID: z.string().min(1).default('orchestrator'),
  /** Patients handled at once per partition; one patient's events always go in order. */
  ORCHESTRATOR_KEY_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(64),
  /** Tries of an event that fails for an unknown reason before it becomes a dead letter. */
  ORCHESTRATOR_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** The wait before the second try; it doubles each time (5 tries ≈ 3 s at 200 ms). */
  ORCHESTRATOR_RETRY_BASE_MS: z.coerce.number().int().min(0).max(10_000).default(200),
  /**
   * How long the group waits for a silent member (one killed with SIGKILL) before its partitions
   * move: the pause a crash costs. Between the broker's group.min/max.session.timeout.ms.
   */
  ORCHESTRATOR_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(300_000).default(10_000),
});
/** `IP:port` (IPv6 in brackets): what the Temporal SDK's Rust core can bind; it resolves no host name. */
const socketAddress = z.string().refine((value) => {
  const at = value.lastIndexOf(':');
  const host = value.slice(0, at).replace(/^\[(.*)\]$/, '$1');
  const portText = value.slice(at + 1);
  const ipv6 = value.startsWith('[');
  return at > 0 && /^\d{1,5}$/.test(portText) && Number(portText) <= 65535 && isIP(host) === (ipv6 ? 6 : 4);
}, 'an IP address and port, such as 127.0.0.1:9464 or [::1]:9464 (not a host name)');

/** Outbound webhooks (the worker's dispatcher): retries with backoff, then a dead letter. */
export const webhookEnvFields = {
  /** Off: no consumer of care.events.v1 and no sender (deliveries wait in the table). */
  WEBHOOKS_ENABLED: z.stringbool().default(true),
  WEBHOOK_GROUP_ID: z.string().min(1).default('webhook-dispatcher'),
  /** Tries of a delivery before it becomes a dead letter; 8 at the defaults span about an hour. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  /** The wait after the first failed try; it doubles each time (±20 % jitter), up to WEBHOOK_RETRY_MAX_MS. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(10).max(86_400_000).default(1_800_000),
  /** How long a receiver may take to answer one try. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Tries in flight at once per worker; at most 2 of them for one subscription. */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** The console as receivers' users reach it: the links in webhook bodies. */
  WEBHOOK_CONSOLE_URL: httpUrl.default('http://127.0.0.1:3000/console'),
};

export const workerEnvSchema = baseEnvSchema.extend({
  PORT: port.default(3003),
  /** Where the Temporal SDK serves its own Prometheus metrics (workers, pollers, task latencies); unset: off. */
  TEMPORAL_METRICS_ADDRESS: socketAddress.optional(),
  ...webhookEnvFields,
});

export type CoreEnv = z.infer<typeof coreEnvSchema>;
export type KafkaEnv = z.infer<z.ZodObject<typeof kafkaEnvFields>>;
export type TemporalEnv = z.infer<z.ZodObject<typeof temporalEnvFields>>;
export type BaseEnv = z.infer<typeof baseEnvSchema>;
export type ApiEnv = z.infer<typeof apiEnvSchema>;
export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;
export type OrchestratorEnv = z.infer<typeof orchestratorEnvSchema>;
export type WorkerEnv = z.infer<typeof workerEnvSchema>;
export type WebhookEnv = z.infer<z.ZodObject<typeof webhookEnvFields>>;
