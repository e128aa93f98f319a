import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@ct/persistence';
import { testEnv } from '../support/test-env';

/**
 * What TypeORM's schema builder would run to make the migrated database fit the entities: a
 * column, type, default, index or constraint in one and not the other. Checks are matched by
 * name only (TypeORM does not compare their SQL), so an entity's @Check copies the migration's.
 */
async function pendingSchemaChanges(db: DataSource): Promise<string[]> {
  const sql = await db.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}

describe('entities and migrations agree (real PostgreSQL, migrated test database)', () => {
  it('leaves TypeORM nothing to change', async () => {
    const db = await new DataSource(dataSourceOptions(testEnv.databaseUrl, 'schema-drift-test')).initialize();
    try {
      const changes = await pendingSchemaChanges(db);
      if (changes.length > 0)
        throw new Error(
          `the entities and the migrated schema disagree; TypeORM would run:\n  ${changes.join('\n  ')}`,
        );
    } finally {
      await db.destroy();
    }
  });
});
