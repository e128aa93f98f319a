import { readFileSync } from 'node:fs';
import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

const read = (file: string) => createLocalJWKSet(JSON.parse(readFileSync(file, 'utf8')) as JSONWebKeySet);

/**
 * Keys from a JWKS file, read at boot (an unreadable file stops the boot). A token whose key id
 * is not in the set makes us read the file again, at most once per COOLDOWN: keys rotate without
 * a restart, and tokens with made-up key ids cannot make us read it on every request. A file that
 * cannot be read just then (half written) leaves the keys we had.
 */
export function keysFromFile(file: string, cooldownMs = 30_000): JWTVerifyGetKey {
  let keys: JWTVerifyGetKey;
  try {
    keys = read(file);
  } catch {
    throw new Error('AUTH_JWKS_FILE: cannot read a JSON Web Key Set from that file');
  }
  let readAt = Date.now();
  return async (header, token) => {
    try {
      return await keys(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || Date.now() - readAt < cooldownMs) throw error;
      readAt = Date.now();
      try {
        keys = read(file);
      } catch {
        throw error;
      }
      return keys(header, token);
    }
  };
}
