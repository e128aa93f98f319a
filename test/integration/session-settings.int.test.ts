import { createDataSource } from '@ct/persistence';
import { testEnv } from '../support/test-env';

/** What a pool's sessions are set to at connect (real PostgreSQL). */
describe('pooled session settings (real PostgreSQL)', () => {
  it.each([
    ['off', 'off'],
    [undefined, 'on'],
  ] as const)('PG_JIT %s gives sessions with jit %s', async (jit, expected) => {
    const db = await createDataSource(testEnv.databaseUrl, 'session-settings-test', {
      statementTimeoutMs: 5_000,
      jit,
    }).initialize();
    try {
      const [{ jit: setting }]: { jit: string }[] = await db.query('SHOW jit');
      expect(setting).toBe(expected);
    } finally {
      await db.destroy();
    }
  });
});
