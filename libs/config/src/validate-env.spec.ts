import { apiEnvSchema, gatewayEnvSchema, workerEnvSchema } from './env.schema';
import { ConfigError, validateEnv } from './validate-env';

describe('validateEnv', () => {
  const good = {
    DATABASE_URL: 'postgres://care:care@127.0.0.1:5432/care_transitions',
    AUTH_ISSUER: 'https://idp.example.org/realms/hospital',
    AUTH_AUDIENCE: 'care-transitions',
    AUTH_JWKS_URL: 'https://idp.example.org/realms/hospital/protocol/openid-connect/certs',
  };

  it('applies defaults and parses lists', () => {
    const env = validateEnv(gatewayEnvSchema, { ...good, KAFKA_BROKERS: 'a:1, b:2' });
    expect(env.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(env.MLLP_PORT).toBe(2575);
  });

  it('validates for each app only the servers it uses', () => {
    // the gateway never uses Temporal, the api never Kafka: their settings are not read
    expect(Object.keys(validateEnv(gatewayEnvSchema, good))).not.toContain('TEMPORAL_ADDRESS');
    const api = validateEnv(apiEnvSchema, good);
    expect(Object.keys(api)).not.toContain('KAFKA_BROKERS');
    expect(api.TEMPORAL_TASK_QUEUE).toBe('care-transitions');
  });

  it('names every bad variable without echoing its value', () => {
    const secret = 'mysql://root:hunter2@db/x';
    let error: unknown;
    try {
      validateEnv(gatewayEnvSchema, { DATABASE_URL: secret, MLLP_PORT: '70000' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('MLLP_PORT');
    expect(message).not.toContain('hunter2');
  });

  it("takes the Temporal SDK's metrics address as IP:port, off when unset", () => {
    const db = { DATABASE_URL: good.DATABASE_URL };
    expect(validateEnv(workerEnvSchema, db).TEMPORAL_METRICS_ADDRESS).toBeUndefined();
    for (const address of ['127.0.0.1:9464', '0.0.0.0:9464', '[::1]:9464'])
      expect(
        validateEnv(workerEnvSchema, { ...db, TEMPORAL_METRICS_ADDRESS: address }).TEMPORAL_METRICS_ADDRESS,
      ).toBe(address);
    for (const bad of ['localhost:9464', '127.0.0.1', '127.0.0.1:70000', '::1:9464', ':9464', ''])
      expect(() => validateEnv(workerEnvSchema, { ...db, TEMPORAL_METRICS_ADDRESS: bad })).toThrow(
        /TEMPORAL_METRICS_ADDRESS: an IP address and port/,
      );
  });

  it('takes a topic prefix of plain characters only', () => {
    expect(validateEnv(gatewayEnvSchema, good).KAFKA_TOPIC_PREFIX).toBe('');
    expect(validateEnv(gatewayEnvSchema, { ...good, KAFKA_TOPIC_PREFIX: 'bench.' }).KAFKA_TOPIC_PREFIX).toBe(
      'bench.',
    );
    expect(() => validateEnv(gatewayEnvSchema, { ...good, KAFKA_TOPIC_PREFIX: 'Bench/' })).toThrow(
      /KAFKA_TOPIC_PREFIX/,
    );
  });

  it('reads FHIR identifier systems and their HL7 authorities, and refuses a pair without one', () => {
    expect(validateEnv(gatewayEnvSchema, good).FHIR_IDENTIFIER_AUTHORITIES.size).toBe(0);
    const env = validateEnv(gatewayEnvSchema, {
      ...good,
      FHIR_IDENTIFIER_AUTHORITIES:
        'urn:oid:2.16.840.1.113883.19.5=RIVERSIDE, https://mercy.example/mrn = MERCY',
    });
    expect([...env.FHIR_IDENTIFIER_AUTHORITIES]).toEqual([
      ['urn:oid:2.16.840.1.113883.19.5', 'RIVERSIDE'],
      ['https://mercy.example/mrn', 'MERCY'],
    ]);
    for (const bad of ['urn:oid:1.2.3', 'urn:oid:1.2.3=', '=RIVERSIDE'])
      expect(() => validateEnv(gatewayEnvSchema, { ...good, FHIR_IDENTIFIER_AUTHORITIES: bad })).toThrow(
        /FHIR_IDENTIFIER_AUTHORITIES.*not system=AUTHORITY/,
      );
  });

  it('takes MLLP TLS files as a certificate and key pair, a client CA only with them', () => {
    const tls = { MLLP_TLS_CERT_FILE: '/etc/ct/mllp.pem', MLLP_TLS_KEY_FILE: '/etc/ct/mllp.key' };
    expect(validateEnv(gatewayEnvSchema, { ...good, ...tls })).toMatchObject(tls);
    expect(() => validateEnv(gatewayEnvSchema, { ...good, MLLP_TLS_CERT_FILE: '/etc/ct/mllp.pem' })).toThrow(
      /MLLP_TLS_KEY_FILE: MLLP over TLS needs both a certificate and a key file/,
    );
    expect(() => validateEnv(gatewayEnvSchema, { ...good, MLLP_TLS_CA_FILE: '/etc/ct/senders.pem' })).toThrow(
      /MLLP_TLS_CA_FILE: a client CA means mutual TLS/,
    );
  });

  it('needs an issuer, an audience and exactly one key source for bearer tokens', () => {
    const { AUTH_JWKS_URL: _url, ...noKeys } = good;
    expect(validateEnv(apiEnvSchema, good).AUTH_ROLES_CLAIM).toBe('roles');
    expect(validateEnv(apiEnvSchema, { ...noKeys, AUTH_JWKS_FILE: '/etc/ct/jwks.json' }).AUTH_JWKS_FILE).toBe(
      '/etc/ct/jwks.json',
    );
    expect(() => validateEnv(apiEnvSchema, noKeys)).toThrow(/AUTH_JWKS_URL: set one of AUTH_JWKS_URL/);
    expect(validateEnv(apiEnvSchema, { ...good, AUTH_JWKS_FILE: '' }).AUTH_JWKS_FILE).toBeUndefined();
    expect(() => validateEnv(gatewayEnvSchema, { ...good, AUTH_JWKS_FILE: '/etc/ct/jwks.json' })).toThrow(
      /AUTH_JWKS_URL: set one of/,
    );
    const { AUTH_AUDIENCE: _audience, ...noAudience } = good;
    expect(() => validateEnv(gatewayEnvSchema, noAudience)).toThrow(/AUTH_AUDIENCE/);
  });

  it('fetches token keys over https, plain http only from loopback', () => {
    const at = (url: string) => () => validateEnv(apiEnvSchema, { ...good, AUTH_JWKS_URL: url });
    expect(at('http://idp.example.org/certs')).toThrow(/AUTH_JWKS_URL: keys must be fetched over https/);
    expect(at('http://127.0.0.1:8080/certs')).not.toThrow();
    expect(at('ftp://idp.example.org/certs')).toThrow(/AUTH_JWKS_URL/);
    expect(() => validateEnv(apiEnvSchema, { ...good, AUTH_ROLES_CLAIM: 'realm_access..roles' })).toThrow(
      /AUTH_ROLES_CLAIM: a claim name or a dotted path/,
    );
  });

  it('bounds the hand-off and every PostgreSQL statement, 2 s and 5 s unless set, and names a bad value', () => {
    const env = validateEnv(gatewayEnvSchema, good);
    expect(env.HANDOFF_TIMEOUT_MS).toBe(2_000);
    expect(env.PG_STATEMENT_TIMEOUT_MS).toBe(5_000);
    expect(
      validateEnv(apiEnvSchema, { ...good, PG_STATEMENT_TIMEOUT_MS: '30000' }).PG_STATEMENT_TIMEOUT_MS,
    ).toBe(30_000);
    for (const bad of ['0', '50', '60000', 'soon'])
      expect(() => validateEnv(gatewayEnvSchema, { ...good, HANDOFF_TIMEOUT_MS: bad })).toThrow(
        /HANDOFF_TIMEOUT_MS/,
      );
    for (const bad of ['0', '99', '600001', '1.5'])
      expect(() => validateEnv(gatewayEnvSchema, { ...good, PG_STATEMENT_TIMEOUT_MS: bad })).toThrow(
        /PG_STATEMENT_TIMEOUT_MS/,
      );
  });

  it('turns PostgreSQL JIT off in the api’s sessions and leaves it to the server elsewhere, unless set', () => {
    expect(validateEnv(apiEnvSchema, good).PG_JIT).toBe('off');
    expect(validateEnv(gatewayEnvSchema, good).PG_JIT).toBe('on');
    expect(validateEnv(apiEnvSchema, { ...good, PG_JIT: 'on' }).PG_JIT).toBe('on');
    expect(() => validateEnv(apiEnvSchema, { ...good, PG_JIT: 'maybe' })).toThrow(/PG_JIT/);
  });

  it('configures the ops console: OpenID client, Temporal UI and gateway URLs, validated', () => {
    const env = validateEnv(apiEnvSchema, good);
    expect(env).toMatchObject({
      CONSOLE_OIDC_CLIENT_ID: 'ops-console',
      CONSOLE_OIDC_SCOPE: 'openid',
      CONSOLE_TEMPORAL_UI_URL: 'http://127.0.0.1:8233',
      CONSOLE_GATEWAY_URL: 'http://127.0.0.1:3001',
    });
    expect(env.CONSOLE_OIDC_REDIRECT_URI).toBeUndefined();
    const set = validateEnv(apiEnvSchema, {
      ...good,
      CONSOLE_TEMPORAL_UI_URL: 'https://temporal.example.org/',
      CONSOLE_OIDC_REDIRECT_URI: 'https://ops.example.org/console/callback',
      CONSOLE_OIDC_SCOPE: 'openid profile',
    });
    expect(set.CONSOLE_TEMPORAL_UI_URL).toBe('https://temporal.example.org');
    expect(set.CONSOLE_OIDC_REDIRECT_URI).toBe('https://ops.example.org/console/callback');
    for (const [name, bad] of [
      ['CONSOLE_TEMPORAL_UI_URL', 'temporal:8233'],
      ['CONSOLE_TEMPORAL_UI_URL', 'javascript:alert(1)'],
      ['CONSOLE_GATEWAY_URL', 'ftp://gw'],
      ['CONSOLE_OIDC_SCOPE', 'openid  "x"'],
      ['CONSOLE_OIDC_CLIENT_ID', ''],
    ])
      expect(() => validateEnv(apiEnvSchema, { ...good, [name]: bad })).toThrow(new RegExp(name));
  });

  it('lets only the listed console origins call the gateway from a browser', () => {
    expect(validateEnv(gatewayEnvSchema, good).CONSOLE_ORIGINS).toEqual([]);
    const env = validateEnv(gatewayEnvSchema, {
      ...good,
      CONSOLE_ORIGINS: 'https://ops.example.org, http://127.0.0.1:3000',
    });
    expect(env.CONSOLE_ORIGINS).toEqual(['https://ops.example.org', 'http://127.0.0.1:3000']);
    for (const bad of ['https://ops.example.org/console', 'ops.example.org', '*'])
      expect(() => validateEnv(gatewayEnvSchema, { ...good, CONSOLE_ORIGINS: bad })).toThrow(
        /CONSOLE_ORIGINS/,
      );
  });

  it('maps pathway roles to token roles from JSON, and names a bad map', () => {
    const api = validateEnv(apiEnvSchema, {
      ...good,
      PATHWAY_ROLES: '{"transitional-care-nurse":["rn","lpn"]}',
    });
    expect(api.PATHWAY_ROLES).toEqual({ 'transitional-care-nurse': ['rn', 'lpn'] });
    expect(validateEnv(apiEnvSchema, good).PATHWAY_ROLES).toEqual({});
    expect(validateEnv(apiEnvSchema, good).SUPERVISOR_ROLES).toContain('care-team-supervisor');
    for (const bad of ['{"nurse": "rn"}', '{"nurse": []}', 'rn', '{"nurse": ["has space"]}'])
      expect(() => validateEnv(apiEnvSchema, { ...good, PATHWAY_ROLES: bad })).toThrow(/PATHWAY_ROLES/);
    expect(validateEnv(apiEnvSchema, { ...good, SUPERVISOR_ROLES: 'lead, chief' }).SUPERVISOR_ROLES).toEqual([
      'lead',
      'chief',
    ]);
  });

  it('keeps the access log 6 years and ended visits 90 days unless set, and names a bad value', () => {
    const api = validateEnv(apiEnvSchema, good);
    expect(api.ACCESS_LOG_RETENTION_DAYS).toBe(2190);
    expect(api.PATIENT_CONTEXT_RETENTION_DAYS).toBe(90);
    expect(api.RETENTION_PURGE_INTERVAL_MS).toBe(3_600_000);
    const set = { ...good, ACCESS_LOG_RETENTION_DAYS: '3650', PATIENT_CONTEXT_RETENTION_DAYS: '30' };
    expect(validateEnv(apiEnvSchema, set)).toMatchObject({
      ACCESS_LOG_RETENTION_DAYS: 3650,
      PATIENT_CONTEXT_RETENTION_DAYS: 30,
    });
    for (const name of [
      'ACCESS_LOG_RETENTION_DAYS',
      'PATIENT_CONTEXT_RETENTION_DAYS',
      'RETENTION_PURGE_INTERVAL_MS',
    ])
      for (const bad of ['0', 'six years', '1.5'])
        expect(() => validateEnv(apiEnvSchema, { ...good, [name]: bad })).toThrow(new RegExp(name));
  });

  it('sets webhook retries (8 tries from 30 s) and the task stream (1000 streams, 15 s beat), and names a bad value', () => {
    const db = { DATABASE_URL: good.DATABASE_URL };
    expect(validateEnv(workerEnvSchema, db)).toMatchObject({
      WEBHOOKS_ENABLED: true,
      WEBHOOK_MAX_ATTEMPTS: 8,
      WEBHOOK_RETRY_BASE_MS: 30_000,
      WEBHOOK_CONSOLE_URL: 'http://127.0.0.1:3000/console',
    });
    expect(validateEnv(workerEnvSchema, { ...db, WEBHOOKS_ENABLED: 'false' }).WEBHOOKS_ENABLED).toBe(false);
    expect(() => validateEnv(workerEnvSchema, { ...db, WEBHOOK_MAX_ATTEMPTS: '0' })).toThrow(
      /WEBHOOK_MAX_ATTEMPTS/,
    );
    expect(() => validateEnv(workerEnvSchema, { ...db, WEBHOOK_CONSOLE_URL: 'console' })).toThrow(
      /WEBHOOK_CONSOLE_URL/,
    );
    expect(validateEnv(apiEnvSchema, good)).toMatchObject({
      TASK_STREAM_MAX: 1_000,
      TASK_STREAM_HEARTBEAT_MS: 15_000,
    });
    expect(() => validateEnv(apiEnvSchema, { ...good, TASK_STREAM_MAX: 'many' })).toThrow(/TASK_STREAM_MAX/);
  });

  it('requires DATABASE_URL', () => {
    expect(() => validateEnv(gatewayEnvSchema, {})).toThrow(/DATABASE_URL/);
  });
});
