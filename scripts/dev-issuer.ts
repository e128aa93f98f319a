import { LocalIssuer } from '@ct/auth/testing';

/** The local token issuer of `npm start` (never production): its key lives in DEV_ISSUER_DIR. */
export function openDevIssuer(): Promise<LocalIssuer> {
  const dir = process.env.DEV_ISSUER_DIR;
  if (!dir) throw new Error('DEV_ISSUER_DIR is not set (npm start sets it under the infra state dir)');
  return LocalIssuer.open(dir);
}
