import { migrate } from '../../libs/persistence/src/migrate';
import { assertTestDatabase, testEnv } from './test-env';

export default async function globalSetup(): Promise<void> {
  assertTestDatabase(testEnv.databaseUrl);
  await migrate(testEnv.databaseUrl);
}
