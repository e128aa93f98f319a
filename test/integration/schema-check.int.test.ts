import { DataSource } from 'typeorm';
import { dataSourceOptions, missingMigrations, SchemaCheck } from '@ct/persistence';
import { testEnv } from '../support/test-env';

class NotYetApplied1999999999999 {
  name = 'NotYetApplied1999999999999';
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}

describe('an app does not start on a database that lacks a migration (real PostgreSQL)', () => {
  const open = async (extra: (new () => NotYetApplied1999999999999)[] = []) => {
    const options = dataSourceOptions(testEnv.databaseUrl, 'schema-check-test');
    const db = new DataSource({ ...options, migrations: [...(options.migrations as []), ...extra] });
    return db.initialize();
  };

  it('finds nothing missing on the migrated test database', async () => {
    const db = await open();
    try {
      expect(await missingMigrations(db)).toEqual([]);
      await expect(new SchemaCheck(db).onModuleInit()).resolves.toBeUndefined();
    } finally {
      await db.destroy();
    }
  });

  it('names the migration the database lacks and refuses to start', async () => {
    const db = await open([NotYetApplied1999999999999]);
    try {
      expect(await missingMigrations(db)).toEqual(['NotYetApplied1999999999999']);
      await expect(new SchemaCheck(db).onModuleInit()).rejects.toThrow(
        'the database lacks 1 migration(s) (NotYetApplied1999999999999): run the migrations (npm run migrate) first',
      );
    } finally {
      await db.destroy();
    }
  });
});
