import type { DataSource } from 'typeorm';
import { createDataSource, TransitionEntity, type TransitionStatus } from '@ct/persistence';
import { OpenTransitionsLookup } from '../../apps/orchestrator/src/transitions/handle-adt-event/open-transitions.lookup';
import { assertTestDatabase, testEnv } from '../support/test-env';

describe('OpenTransitionsLookup against real Postgres', () => {
  const run = Date.now().toString(36).toUpperCase();
  const patientKey = `TEST${run}|MRN1`;
  let db: DataSource;
  let lookup: OpenTransitionsLookup;

  beforeAll(async () => {
    assertTestDatabase(testEnv.databaseUrl);
    db = await createDataSource(testEnv.databaseUrl, 'open-transitions-test').initialize();
    await db.runMigrations();
    const row = (visit: string, status: TransitionStatus, patient = patientKey) => ({
      id: `transition:TEST${run}:${visit}`,
      facility: `TEST${run}`,
      patientKey: patient,
      pathway: 'tcm-discharge-home',
      status,
    });
    await db
      .getRepository(TransitionEntity)
      .insert([
        row('V1', 'active'),
        row('V2', 'paused'),
        row('V3', 'completed'),
        row('V4', 'cancelled'),
        row('V5', 'paused', `TEST${run}|OTHER`),
      ]);
    lookup = new OpenTransitionsLookup(db.getRepository(TransitionEntity));
  });

  afterAll(async () => {
    await db?.getRepository(TransitionEntity).delete({ facility: `TEST${run}` });
    await db?.destroy();
  });

  it("finds a patient's transitions that can still change, and only the paused ones when asked", async () => {
    expect((await lookup.idsFor(patientKey)).sort()).toEqual([
      `transition:TEST${run}:V1`,
      `transition:TEST${run}:V2`,
    ]);
    expect(await lookup.idsFor(patientKey, ['paused'])).toEqual([`transition:TEST${run}:V2`]);
    expect(await lookup.idsFor(`TEST${run}|NOBODY`)).toEqual([]);
  });
});
