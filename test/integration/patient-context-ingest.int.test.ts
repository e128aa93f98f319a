import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { adtMessage } from '@ct/hl7/testing';
import { dataSourceOptions } from '@ct/persistence';
import { postHl7, startGateway } from '../support/gateway';
import { testEnv } from '../support/test-env';

/** The gateway stores a message and its patient context in one transaction, before the ACK. */
describe('patient context at ingest (real Kafka and Postgres)', () => {
  const run = Date.now().toString(36).toUpperCase();
  const facility = `PI${run}`;
  let gateway: INestApplication;
  let url: string;
  let db: DataSource;

  const message = (controlId: string, visit: string, reuse?: { phone: string }) =>
    adtMessage({
      controlId: `${run}-${controlId}`,
      sendingApplication: `PI${run}`,
      sendingFacility: facility,
      event: { recordedAt: '20261113141500' },
      patient: {
        identifiers: [{ id: `M${run}`, assigningAuthority: facility, typeCode: 'MR' }],
        name: { family: 'DOE', given: 'JANE' },
        phones: [{ number: reuse?.phone ?? '(217)555-0101', use: 'PRN' }],
      },
      visit: { visitNumber: { id: visit }, location: { facility } },
    });
  const archived = async (controlId: string) =>
    (
      await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM inbound_messages WHERE sender = $1 AND control_id = $2`,
        [`PI${run}|${facility}`, `${run}-${controlId}`],
      )
    )[0].n;
  const contextOf = async (visit: string) =>
    (
      await db.query<{ patient: { phones: { number: string }[] } }[]>(
        `SELECT patient FROM patient_contexts WHERE transition_id = $1`,
        [`transition:${facility}:${visit}`],
      )
    )[0];

  beforeAll(async () => {
    ({ app: gateway, url } = await startGateway());
    db = await new DataSource(
      dataSourceOptions(testEnv.databaseUrl, 'patient-context-ingest-test'),
    ).initialize();
  });
  afterAll(async () => {
    await db?.destroy();
    await gateway?.close();
  });

  it('has the context once the message is acknowledged', async () => {
    expect(await (await postHl7(url, message('A', 'V1'))).text()).toContain('MSA|AA');
    expect((await contextOf('V1')).patient.phones).toEqual([{ number: '(217)555-0101', use: 'PRN' }]);
  });

  it('archives nothing when the context cannot be stored: a NAK asking for a resend, then both on the resend', async () => {
    // a trigger that fails the context of this one visit stands in for a failed write
    await db.query(`CREATE OR REPLACE FUNCTION ct_test_refuse_context() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'patient context refused for the test'; END $$ LANGUAGE plpgsql`);
    await db.query(`CREATE TRIGGER ct_test_refuse_context BEFORE INSERT ON patient_contexts
      FOR EACH ROW WHEN (NEW.transition_id = 'transition:${facility}:V2') EXECUTE FUNCTION ct_test_refuse_context()`);
    try {
      const nak = await postHl7(url, message('B', 'V2'));
      expect(nak.status).toBe(503);
      expect(await nak.text()).toContain('MSA|AE');
      expect(await archived('B')).toBe(0);
      expect(await contextOf('V2')).toBeUndefined();
    } finally {
      await db.query('DROP TRIGGER ct_test_refuse_context ON patient_contexts');
      await db.query('DROP FUNCTION ct_test_refuse_context()');
    }
    expect(await (await postHl7(url, message('B', 'V2'))).text()).toContain('MSA|AA');
    expect(await archived('B')).toBe(1);
    expect(await contextOf('V2')).toBeDefined();
  });

  it('takes nothing from a message refused for reusing a control id', async () => {
    expect(await (await postHl7(url, message('C', 'V3'))).text()).toContain('MSA|AA');
    const reused = await postHl7(url, message('C', 'V3', { phone: '(217)555-0999' }));
    expect(await reused.text()).toContain('MSA|AR');
    expect((await contextOf('V3')).patient.phones).toEqual([{ number: '(217)555-0101', use: 'PRN' }]);
  });
});
