import { readFileSync } from 'node:fs';
import type { GatewayEnv } from '@ct/config';
import type { MllpServerOptions } from '@ct/mllp';

type TlsEnv = Pick<GatewayEnv, 'MLLP_TLS_CERT_FILE' | 'MLLP_TLS_KEY_FILE' | 'MLLP_TLS_CA_FILE'>;

function readPem(variable: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`${variable}: cannot read ${file} (${code})`);
  }
}

/**
 * The MLLP listener's TLS settings from the environment, read once at boot: none (plain MLLP on a
 * trusted network), server TLS, or mutual TLS when a client CA is given.
 */
export function mllpTlsOptions(env: TlsEnv): MllpServerOptions['tls'] {
  if (!env.MLLP_TLS_CERT_FILE || !env.MLLP_TLS_KEY_FILE) return undefined;
  const cert = readPem('MLLP_TLS_CERT_FILE', env.MLLP_TLS_CERT_FILE);
  const key = readPem('MLLP_TLS_KEY_FILE', env.MLLP_TLS_KEY_FILE);
  if (!env.MLLP_TLS_CA_FILE) return { cert, key };
  const ca = readPem('MLLP_TLS_CA_FILE', env.MLLP_TLS_CA_FILE);
  return { cert, key, ca, requestCert: true, rejectUnauthorized: true };
}
