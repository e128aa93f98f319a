import { createDataSource } from './data-source';

/** Runs pending migrations against DATABASE_URL; used by `npm start` and the test global setup. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = createDataSource(url, 'care-transitions-migrate');
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set');
    process.exit(2);
  }
  migrate(url).then(
    (names) =>
      process.stdout.write(`migrations applied: ${names.length ? names.join(', ') : 'none pending'}\n`),
    (error: unknown) => {
      console.error('migration failed:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
