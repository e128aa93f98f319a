import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Migrations this code has that the database has not applied, in order. */
export async function missingMigrations(db: DataSource): Promise<string[]> {
  const applied = await db
    .query<{ name: string }[]>(`SELECT name FROM migrations`)
    .catch((error: Error) => (error.message.includes('does not exist') ? [] : Promise.reject(error)));
  const names = new Set(applied.map((row) => row.name));
  return db.migrations.map((migration) => migration.name ?? '').filter((name) => !names.has(name));
}

/**
 * An app whose database lacks a migration does not start: otherwise every write that touches the
 * new schema fails (each HL7 message answered AE, each activity retried) until someone notices.
 */
@Injectable()
export class SchemaCheck implements OnModuleInit {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    const missing = await missingMigrations(this.db);
    if (missing.length) {
      throw new Error(
        `the database lacks ${missing.length} migration(s) (${missing.join(', ')}): run the migrations (npm run migrate) first`,
      );
    }
  }
}
