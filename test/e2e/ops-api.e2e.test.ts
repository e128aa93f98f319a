import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@ct/auth';
import { careEventKey, type CareEventType } from '@ct/contracts';
import { createDataSource } from '@ct/persistence';
import { appendTimeline } from '../../apps/worker/src/tasks/timeline.writer';
import { bucketOf, facilityWindows, type Bucket } from '../../apps/api/src/ops/breach-risk/time-buckets';
import { dayRange } from '../../apps/api/src/ops/daily/days';
import { localDayEnd } from '../../apps/api/src/ops/facility-days';
import { authHeaders, testIssuer } from '../support/auth';
import { startApi, type RunningApi } from '../support/api';
import { testEnv } from '../support/test-env';

const HOUR = 3_600_000;
const ZONE = 'America/New_York'; // the run's facility has no calendar: FACILITY_TIME_ZONE

interface Item {
  taskId: string;
  transitionId: string;
  facility: string;
  stepKey: string;
  dueAt: string;
  breachedAt: string | null;
  timeLeftSeconds: number;
  escalated: boolean;
  assignee: string | null;
}
type Board = { generatedAt: string; buckets: Record<Bucket, { count: number; items: Item[] }> };

/** The ops API over rows seeded straight into the read models, under a facility of this run's own. */
describe('ops API (real PostgreSQL, api in process)', () => {
  let api: RunningApi;
  let db: DataSource;
  let facility: string;
  /** A second facility: the scoped caller (granted `facility` only) must never see it. */
  let other: string;
  let sender: string;
  const now = new Date();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const id = (name: string) => `transition:${facility}:${name}`;

  const get = async (path: string, role: Role | null = Role.Ops) =>
    fetch(`${api.url}/api/v1/ops/${path}`, { headers: role ? await authHeaders(role, 'ops-7') : {} });
  const json = async <T>(path: string): Promise<T> => {
    const response = await get(path);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  /** GET as an ops caller whose token grants `facility` only. */
  const scoped = async (path: string) => {
    const token = await (
      await testIssuer()
    ).token({
      roles: [Role.Ops],
      subject: 'ops-one-facility',
      facilities: [facility],
    });
    return fetch(`${api.url}/api/v1/${path}`, { headers: { authorization: `Bearer ${token}` } });
  };
  const scopedJson = async <T>(path: string): Promise<T> => {
    const response = await scoped(path);
    expect([path, response.status]).toEqual([path, 200]);
    return (await response.json()) as T;
  };

  const transition = (name: string, status: string, updatedAt: string, dischargedAt: Date | null = null) =>
    db.query(
      `INSERT INTO transitions (id, facility, patient_key, pathway, status, discharged_at, created_at, updated_at)
       VALUES ($1, $2, $3, 'tcm-discharge-home', $4, $5, $6, $6)`,
      [id(name), facility, `${facility}|MRN-${name}`, status, dischargedAt, updatedAt],
    );
  const task = (name: string, step: string, fields: Record<string, unknown>) =>
    db.query(
      `INSERT INTO tasks (transition_id, step_key, role, title, facility, patient_key, due_at, status, priority,
         assignee, episode, breached_at, pathway)
       VALUES ($1, $2, 'care-coordinator', 'Call the patient', $3, $4, $5, $6, $7, $8, $9, $10,
         'tcm-discharge-home') RETURNING id`,
      [
        id(name),
        step,
        facility,
        `${facility}|MRN-${name}`,
        fields.dueAt,
        fields.status ?? 'open',
        fields.priority ?? 'routine',
        fields.assignee ?? null,
        fields.episode ?? 'ep-1',
        fields.breachedAt ?? null,
      ],
    );
  // through the worker's own writer: it keeps the marks the ops API reads (last progress, escalated)
  const entry = (
    name: string,
    kind: CareEventType,
    occurredAt: Date,
    step: string | null = null,
    episode = 'ep-1',
    at = facility,
  ) => {
    const transitionId = `transition:${at}:${name}`;
    const dedupeKey = `${transitionId}|${episode}|${kind}|${step ?? ''}|${randomUUID()}`;
    return db.transaction((tx) =>
      appendTimeline(tx, { transitionId, facility: at, pathway: 'tcm-discharge-home' }, [
        { kind, stepKey: step ?? undefined, occurredAt: occurredAt.toISOString(), dedupeKey },
      ]),
    );
  };
  const deadLetter = (stage: string, key: string) =>
    db.query(
      `INSERT INTO dead_letters (stage, code, reason, topic, source_ref, key)
       VALUES ($1, 'BAD_DATA', 'test', 'temporal', $2, $3) RETURNING id`,
      [stage, `ops-test/${randomUUID()}`, key],
    );
  const message = (status: string, receivedAt: Date) =>
    db.query(
      `INSERT INTO inbound_messages (sender, control_id, transport, raw, status, received_at)
       VALUES ($1, $2, 'http', 'MSH|...', $3, $4)`,
      [sender, randomUUID(), status, receivedAt],
    );

  // what today's window holds depends on the hour in New York: seed into it only when it is open
  const dayEnd = localDayEnd(now, ZONE);
  const todayOpen = dayEnd.getTime() - now.getTime() > 4 * HOUR + 20 * 60_000;
  const dueToday = new Date((now.getTime() + 4 * HOUR + dayEnd.getTime()) / 2);
  const t2Due = new Date(now.getTime() + 2 * HOUR);
  const t3Due = todayOpen ? dueToday : new Date(now.getTime() + 30 * HOUR);
  const today = (due: Date) => (due < dayEnd ? 1 : 0);

  beforeAll(async () => {
    api = await startApi();
    facility = `OPS${api.runId}`.toUpperCase();
    sender = `OPSAPP|${facility}`;
    db = createDataSource(testEnv.databaseUrl, 'ops-api-test');
    await db.initialize();

    const base = ago(10 * 60_000)
      .toISOString()
      .replace('Z', '');
    const at = (us: number) => `${base.slice(0, 19)}.${String(100_000 + us).padStart(6, '0')}Z`;
    // T1..T7 by updated_at, newest first T7; T3 and T4 share their updated_at (the id breaks the tie)
    await transition('T1', 'active', at(1), ago(50 * HOUR));
    await transition('T2', 'active', at(2), ago(30 * HOUR));
    await transition('T3', 'active', at(3), ago(20 * HOUR));
    await transition('T4', 'active', at(3), ago(10 * HOUR));
    await transition('T5', 'active', at(5));
    await transition('T6', 'failed', at(6));
    await transition('T7', 'completed', at(7), ago(5 * HOUR));
    await entry('T1', 'transition.active', ago(30 * HOUR)); // stuck past 24 h
    await entry('T2', 'transition.active', ago(1 * HOUR));
    await db.query(`UPDATE transitions SET created_at = $2 WHERE id = $1`, [id('T1'), ago(40 * HOUR)]);

    await task('T1', 'tcm-contact', { dueAt: ago(HOUR) }); // breached by time
    await task('T2', 'tcm-contact', { dueAt: t2Due, priority: 'high' });
    await task('T3', 'tcm-visit', {
      dueAt: t3Due,
      status: 'claimed',
      assignee: 'coord-7',
    });
    await task('T4', 'tcm-visit', { dueAt: new Date(now.getTime() + 72 * HOUR) });
    await entry('T4', 'escalation.notify', ago(HOUR), 'tcm-visit'); // this episode: escalated
    await task('T5', 'tcm-visit', { dueAt: new Date(now.getTime() + 96 * HOUR), breachedAt: ago(HOUR) });
    await entry('T5', 'escalation.reassign', ago(HOUR), 'tcm-visit', 'ep-0'); // an earlier episode: not
    await task('T7', 'tcm-visit', { dueAt: ago(HOUR), status: 'completed' }); // done: not counted

    await deadLetter('worker', id('T6'));
    await deadLetter('outbox', careEventKey(id('T6')));

    // the other facility: a stuck transition with a breached step, a breach today, a failed one
    other = `OPSX${api.runId}`.toUpperCase();
    for (const [name, status] of [
      ['O1', 'active'],
      ['O2', 'failed'],
    ]) {
      await db.query(
        `INSERT INTO transitions (id, facility, patient_key, pathway, status, created_at, updated_at)
         VALUES ($1, $2, $3, 'tcm-discharge-home', $4, $5, $5)`,
        [`transition:${other}:${name}`, other, `${other}|MRN-${name}`, status, ago(40 * HOUR)],
      );
    }
    await entry('O1', 'transition.active', ago(30 * HOUR), null, 'ep-1', other);
    await entry('O1', 'breach.recorded', ago(HOUR), 'tcm-contact', 'ep-1', other);
    await db.query(
      `INSERT INTO tasks (transition_id, step_key, role, title, facility, patient_key, due_at, episode, pathway)
       VALUES ($1, 'tcm-contact', 'care-coordinator', 'Call the patient', $2, $3, $4, 'ep-1', 'tcm-discharge-home')`,
      [`transition:${other}:O1`, other, `${other}|MRN-O1`, ago(HOUR)],
    );

    await message('published', ago(10 * 60_000));
    await message('rejected', ago(20 * 60_000));
    await message('failed', ago(30 * 60_000));
    await message('rejected', ago(2 * HOUR));
  });
  afterAll(async () => {
    if (db?.isInitialized) {
      for (const at of [facility, other]) {
        const like = `transition:${at}:%`;
        await db.query(`DELETE FROM tasks WHERE facility = $1`, [at]);
        await db.query(`DELETE FROM transition_timeline WHERE transition_id LIKE $1`, [like]);
        await db.query(`DELETE FROM outbox WHERE value->>'transitionId' LIKE $1`, [like]);
        await db.query(`DELETE FROM transitions WHERE facility = $1`, [at]);
      }
      await db.query(`DELETE FROM dead_letters WHERE key = ANY($1)`, [[id('T6'), careEventKey(id('T6'))]]);
      await db.query(`DELETE FROM inbound_messages WHERE sender = $1`, [sender]);
      await db.destroy();
    }
    await api?.stop();
  });

  it('admits ops only: 401 without a token, 403 for a coordinator', async () => {
    for (const path of [
      'summary',
      'breach-risk',
      'daily',
      'stuck-transitions',
      'feeds',
      'pipeline',
      'transitions',
    ]) {
      expect([path, (await get(path, null)).status]).toEqual([path, 401]);
      expect([path, (await get(path, Role.Coordinator)).status]).toEqual([path, 403]);
    }
  });

  it('counts steps not yet done by facility × pathway × step', async () => {
    const summary = await json<{ items: unknown[]; totals: unknown }>(`summary?facility=${facility}`);
    const row = { facility, pathway: 'tcm-discharge-home' };
    expect(summary.items).toEqual([
      {
        ...row,
        stepKey: 'tcm-contact',
        open: 2,
        claimed: 0,
        dueToday: today(t2Due),
        breached: 1,
        escalated: 1,
      },
      {
        ...row,
        stepKey: 'tcm-visit',
        open: 2,
        claimed: 1,
        dueToday: today(t3Due),
        breached: 1,
        escalated: 1,
      },
    ]);
    expect(summary.totals).toEqual({
      open: 4,
      claimed: 1,
      dueToday: today(t2Due) + today(t3Due),
      breached: 2,
      escalated: 2,
    });
    const none = await json<{ items: unknown[] }>(`summary?facility=${facility}&pathway=home-health`);
    expect(none.items).toEqual([]);
  });

  it('buckets open steps by time left across the facility’s local day', async () => {
    const board = await json<Board>(`breach-risk?facility=${facility}`);
    const ids = (bucket: Bucket) => board.buckets[bucket].items.map((item) => item.transitionId);
    expect(ids('breached')).toEqual([id('T1'), id('T5')]);
    expect(ids('dueWithin4h')).toEqual([id('T2')]);
    expect(ids('dueToday')).toEqual(todayOpen ? [id('T3')] : []);
    expect(ids('later')).toEqual(todayOpen ? [id('T4')] : [id('T3'), id('T4')]);
    expect(board.buckets.breached.count).toBe(2);

    const t2 = board.buckets.dueWithin4h.items[0];
    expect(t2).toMatchObject({ stepKey: 'tcm-contact', escalated: true, assignee: null });
    expect(t2.timeLeftSeconds).toBeGreaterThan(2 * 3600 - 120);
    expect(t2.timeLeftSeconds).toBeLessThanOrEqual(2 * 3600);
    expect(Object.keys(t2).sort()).not.toContain('patientKey');
    // the database's buckets are the ones time-buckets.ts defines
    const windows = facilityWindows(new Date(board.generatedAt), facility, ZONE);
    for (const [bucket, { items }] of Object.entries(board.buckets)) {
      for (const item of items) {
        expect(
          bucketOf(new Date(item.dueAt), item.breachedAt ? new Date(item.breachedAt) : null, windows),
        ).toBe(bucket);
      }
    }
  });

  it('filters the board and cuts each bucket to the limit, keeping the count', async () => {
    const visits = await json<Board>(
      `breach-risk?facility=${facility}&stepKey=tcm-visit&role=care-coordinator`,
    );
    expect(visits.buckets.breached.items.map((item) => item.transitionId)).toEqual([id('T5')]);
    expect(visits.buckets.dueWithin4h.count).toBe(0);
    const cut = await json<Board>(`breach-risk?facility=${facility}&limit=1`);
    expect(cut.buckets.breached).toMatchObject({ count: 2, items: [{ transitionId: id('T1') }] });
    const nobody = await json<Board>(`breach-risk?facility=${facility}&role=pharmacist`);
    expect(Object.values(nobody.buckets).map((bucket) => bucket.count)).toEqual([0, 0, 0, 0]);
  });

  it('counts breaches and completed steps per local day, oldest first, today last', async () => {
    type Daily = { timeZone: string; items: { day: string; breaches: number; completions: number }[] };
    await entry('T7', 'breach.recorded', ago(3 * 24 * HOUR), 'tcm-visit');
    await entry('T7', 'step.completed', ago(3 * 24 * HOUR), 'tcm-visit');
    await entry('T7', 'step.completed', ago(5 * 60_000), 'tcm-contact');
    await entry('T5', 'breach.recorded', ago(20 * 24 * HOUR), 'tcm-visit'); // before the 14 days
    const daily = await json<Daily>(`daily?facility=${facility}`);
    expect(daily.timeZone).toBe(ZONE);
    const range = dayRange(now, ZONE, 14);
    const dayOf = (at: Date) =>
      range.days.find((day) => day === at.toLocaleDateString('en-CA', { timeZone: ZONE }));
    const expected = range.days.map((day) => ({ day, breaches: 0, completions: 0 }));
    for (const [at, field] of [
      [ago(3 * 24 * HOUR), 'breaches'],
      [ago(3 * 24 * HOUR), 'completions'],
      [ago(5 * 60_000), 'completions'],
    ] as const) {
      const slot = expected.find((item) => item.day === dayOf(at));
      if (slot) slot[field] += 1;
    }
    expect(daily.items).toEqual(expected);
    expect(daily.items.at(-1)!.day).toBe(now.toLocaleDateString('en-CA', { timeZone: ZONE }));
    const three = await json<Daily>(`daily?facility=${facility}&days=3&pathway=home-health`);
    expect(three.items.map((item) => item.breaches + item.completions)).toEqual([0, 0, 0]);
  });

  it('lists stuck and failed transitions with their open dead letters', async () => {
    type Stuck = { transitionId: string; openDeadLetters: { stage: string }[]; hoursSinceProgress: number };
    type Lists = { stuck: { count: number; items: Stuck[] }; failed: { count: number; items: Stuck[] } };
    const day = await json<Lists>(`stuck-transitions?facility=${facility}`);
    expect(day.stuck.items.map((item) => item.transitionId)).toEqual([id('T1')]);
    expect(day.stuck.items[0].hoursSinceProgress).toBeGreaterThanOrEqual(29.9);
    expect(day.failed.items.map((item) => item.transitionId)).toEqual([id('T6')]);
    expect(day.failed.items[0].openDeadLetters.map((letter) => letter.stage).sort()).toEqual([
      'outbox',
      'worker',
    ]);
    const twoDays = await json<Lists>(`stuck-transitions?facility=${facility}&hours=48`);
    expect(twoDays.stuck.count).toBe(0);
    const recent = await json<Lists>(`stuck-transitions?facility=${facility}&hours=1`);
    // longest stuck first: T1's last entry is 30 h old, T2's, T4's and T5's 1 h; T3 has none, 10 min old
    expect(recent.stuck.items.map((item) => item.transitionId)).toEqual(['T1', 'T2', 'T4', 'T5'].map(id));
  });

  it('tells each sender’s feed health from the inbound archive', async () => {
    const { items } = await json<{ items: unknown[] }>(`feeds?sender=${encodeURIComponent(sender)}`);
    expect(items).toEqual([
      {
        sender,
        lastMessageAt: ago(10 * 60_000).toISOString(),
        secondsSinceLastMessage: expect.any(Number),
        messagesLastHour: 3,
        refusalsLastHour: 2,
        quarantined: 3,
      },
    ]);
    const all = await json<{ items: { sender: string }[] }>('feeds');
    expect(all.items.map((item) => item.sender)).toContain(sender);
  });

  it('shows the outbox backlog and the dead letters open by stage', async () => {
    type Pipeline = { outbox: Record<string, unknown>; deadLetters: { stage: string; open: number }[] };
    const pipeline = await json<Pipeline>('pipeline');
    expect(pipeline.outbox).toEqual({
      unsent: expect.any(Number),
      oldestUnsentAt: pipeline.outbox.unsent ? expect.any(String) : null,
      oldestUnsentAgeSeconds: pipeline.outbox.unsent ? expect.any(Number) : null,
      deadLettered: expect.any(Number),
    });
    expect(pipeline.deadLetters.map((stage) => stage.stage)).toEqual([
      'orchestrator',
      'outbox',
      'worker',
      'webhook',
    ]);
    expect(pipeline.deadLetters.find((stage) => stage.stage === 'worker')!.open).toBeGreaterThanOrEqual(1);
    expect(pipeline.deadLetters.find((stage) => stage.stage === 'outbox')!.open).toBeGreaterThanOrEqual(1);
  });

  it('pages transitions newest first with no duplicates and no gaps, even as new ones arrive', async () => {
    type Page = { items: { id: string }[]; nextCursor: string | null };
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await json<Page>(
        `transitions?facility=${facility}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      // a transition that arrives while paging goes to the front: the pages after are unchanged
      if ((pages += 1) === 1) await transition(`NEW${pages}`, 'active', new Date().toISOString());
    } while (cursor);
    expect(seen).toEqual(['T7', 'T6', 'T5', 'T4', 'T3', 'T2', 'T1'].map(id));
    expect(pages).toBe(4);

    const failed = await json<Page>(`transitions?facility=${facility}&status=failed`);
    expect(failed).toEqual({
      items: [expect.objectContaining({ id: id('T6'), status: 'failed' })],
      nextCursor: null,
    });
    const from = ago(35 * HOUR).toISOString();
    const to = ago(6 * HOUR).toISOString();
    const discharged = await json<Page>(
      `transitions?facility=${facility}&dischargedFrom=${from}&dischargedTo=${to}`,
    );
    expect(discharged.items.map((item) => item.id)).toEqual([id('T4'), id('T3'), id('T2')]);
  });

  it('shows a caller granted one facility only its counts, board, chart, stuck and listed transitions', async () => {
    type Summary = { items: { facility: string }[]; totals: Record<string, number> };
    const everyone = await json<Summary>(`summary?facility=${other}`);
    expect(everyone.totals.breached).toBe(1); // the '*' caller sees the other facility
    const mine = await scopedJson<Summary>('ops/summary');
    expect(mine.items.length).toBeGreaterThan(0);
    expect(new Set(mine.items.map((item) => item.facility))).toEqual(new Set([facility]));
    expect(mine.totals).toEqual((await json<Summary>(`summary?facility=${facility}`)).totals);
    const theirs = await scopedJson<Summary>(`ops/summary?facility=${other}`);
    expect(theirs.items).toEqual([]);
    expect(Object.values(theirs.totals)).toEqual([0, 0, 0, 0, 0]);

    const board = await scopedJson<Board>('ops/breach-risk?limit=200');
    const listed = Object.values(board.buckets).flatMap((bucket) => bucket.items);
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed.map((item) => item.facility))).toEqual(new Set([facility]));
    const blind = await scopedJson<Board>(`ops/breach-risk?facility=${other}`);
    expect(Object.values(blind.buckets).map((bucket) => bucket.count)).toEqual([0, 0, 0, 0]);

    type Daily = { items: { breaches: number }[] };
    const chart = await scopedJson<Daily>(`ops/daily?facility=${other}`);
    expect(chart.items.reduce((sum, day) => sum + day.breaches, 0)).toBe(0);
    const theirChart = await json<Daily>(`daily?facility=${other}`);
    expect(theirChart.items.reduce((sum, day) => sum + day.breaches, 0)).toBe(1);

    type Lists = {
      stuck: { items: { transitionId: string }[] };
      failed: { items: { transitionId: string }[] };
    };
    const stuck = await scopedJson<Lists>('ops/stuck-transitions?hours=1');
    expect(stuck.stuck.items.map((item) => item.transitionId)).toEqual(['T1', 'T2', 'T4', 'T5'].map(id));
    expect(stuck.failed.items.map((item) => item.transitionId)).toEqual([id('T6')]);
    const theirStuck = await json<Lists>(`stuck-transitions?facility=${other}&hours=1`);
    expect(theirStuck.stuck.items.map((item) => item.transitionId)).toEqual([`transition:${other}:O1`]);

    type Page = { items: { id: string }[] };
    const page = await scopedJson<Page>('ops/transitions?limit=200');
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((item) => item.id.startsWith(`transition:${facility}:`))).toBe(true);
    expect((await scopedJson<Page>(`ops/transitions?facility=${other}`)).items).toEqual([]);
  });

  it('answers another facility’s transition exactly as a missing one: 404', async () => {
    const mine = await scoped(`transitions/${encodeURIComponent(id('T1'))}`);
    expect(mine.status).toBe(200);
    const theirs = await scoped(`transitions/${encodeURIComponent(`transition:${other}:O1`)}`);
    const missing = await scoped(`transitions/${encodeURIComponent(`transition:${other}:NOPE`)}`);
    expect([theirs.status, missing.status]).toEqual([404, 404]);
    const body = async (response: Response) => {
      const { type, title, status, detail } = (await response.json()) as Record<string, string>;
      return { type, title, status, detail: detail.replace(/:O1|:NOPE/, ':…') };
    };
    expect(await body(theirs)).toEqual(await body(missing));
    const everyone = await fetch(
      `${api.url}/api/v1/transitions/${encodeURIComponent(`transition:${other}:O1`)}`,
      {
        headers: await authHeaders(Role.Ops, 'ops-7'),
      },
    );
    expect(everyone.status).toBe(200);
  });

  it('keeps the views with no facility (feeds, pipeline, dead letters) to callers granted every facility', async () => {
    for (const path of ['ops/feeds', 'ops/pipeline', 'ops/dead-letters']) {
      const response = await scoped(path);
      const problem = (await response.json()) as { title: string; detail: string };
      expect([path, response.status, response.headers.get('content-type')]).toEqual([
        path,
        403,
        expect.stringContaining('application/problem+json'),
      ]);
      expect(problem.title).toBe('This view needs access to every facility');
      expect(problem.detail).toContain('"*"');
    }
    const post = await fetch(`${api.url}/api/v1/ops/dead-letters/${randomUUID()}/replay`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await (await testIssuer()).token({ roles: [Role.Ops], facilities: [facility] })}`,
      },
    });
    expect(post.status).toBe(403);
  });

  it('answers 400 naming the field for every bad query parameter', async () => {
    const first = await json<{ nextCursor: string }>(`transitions?facility=${facility}&limit=1`);
    const cases: [string, string][] = [
      ['transitions?limit=201', 'limit'],
      ['transitions?limit=0', 'limit'],
      ['transitions?cursor=not-a-cursor', 'cursor'],
      [`transitions?cursor=${Buffer.from('["x","y","z"]').toString('base64url')}`, 'cursor'],
      [`transitions?facility=${facility}&status=active&cursor=${first.nextCursor}`, 'cursor'],
      ['transitions?status=lost', 'status'],
      ['transitions?dischargedFrom=yesterday', 'dischargedFrom'],
      ['transitions?dischargedFrom=2026-11-02T00:00:00Z&dischargedTo=2026-11-01T00:00:00Z', 'dischargedTo'],
      ['stuck-transitions?hours=0', 'hours'],
      ['stuck-transitions?hours=abc', 'hours'],
      ['breach-risk?limit=500', 'limit'],
      ['breach-risk?facility=', 'facility'],
      ['summary?colour=blue', ''],
      ['pipeline?stage=outbox', ''],
      ['daily?days=0', 'days'],
      ['daily?days=91', 'days'],
    ];
    for (const [path, field] of cases) {
      const response = await get(path);
      const problem = (await response.json()) as { status: number; errors?: { path: string }[] };
      expect([path, response.status, response.headers.get('content-type')]).toEqual([
        path,
        400,
        expect.stringContaining('application/problem+json'),
      ]);
      expect([path, problem.errors?.map((error) => error.path)]).toEqual([path, [field]]);
    }
  });
});
