import { DataSource } from 'typeorm';
import { Role } from '@ct/auth';
import { createDataSource } from '@ct/persistence';
import { startApi, type RunningApi } from '../support/api';
import { testIssuer } from '../support/auth';
import { testEnv } from '../support/test-env';

const HOUR = 3_600_000;

interface Task {
  id: string;
  facility: string;
  stepKey: string;
  role: string;
  status: string;
  priority: string;
  assignee: string | null;
  dueAt: string;
  breached: boolean;
  patientKey: string;
}
interface Worklist {
  items: Task[];
  total: number;
  counts: { all: number; mine: number; pool: number; breached: number };
  nextCursor: string | null;
}

/** The coordinators' worklist over rows seeded straight into the read model, in two facilities of this run. */
describe('worklist (real PostgreSQL, api in process)', () => {
  let api: RunningApi;
  let db: DataSource;
  let here: string;
  let there: string;
  const now = Date.now();
  const tokens: Record<string, string> = {};

  const call = async (token: string, path: string, init: RequestInit = {}) =>
    fetch(`${api.url}/api/v1/tasks${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
  const list = async (token: string, query: string): Promise<Worklist> => {
    const response = await call(token, `?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Worklist;
  };

  let seq = 0;
  const task = async (facility: string, fields: Partial<Record<string, unknown>> = {}) => {
    seq += 1;
    const [{ id }] = await db.query<{ id: string }[]>(
      `INSERT INTO tasks (transition_id, step_key, role, title, facility, patient_key, due_at, status, priority,
         assignee, breached_at, created_at)
       VALUES ($1, $2, $3, 'Work it', $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        `transition:${facility}:V${seq}`,
        fields.stepKey ?? 'tcm-contact',
        fields.role ?? 'transitional-care-nurse',
        facility,
        fields.patientKey ?? `${facility}|MRN-${seq}`,
        new Date(now + ((fields.dueInHours as number | undefined) ?? 24) * HOUR),
        fields.status ?? 'open',
        fields.priority ?? 'routine',
        fields.assignee ?? null,
        fields.breachedAt ?? null,
        new Date(now - seq * 60_000),
      ],
    );
    return id;
  };

  beforeAll(async () => {
    api = await startApi();
    db = createDataSource(testEnv.databaseUrl);
    await db.initialize();
    here = `WL${api.runId}A`.toUpperCase();
    there = `WL${api.runId}B`.toUpperCase();
    const issuer = await testIssuer();
    const token = (subject: string, roles: string[], facilities: string[]) =>
      issuer.token({ subject, roles: [Role.Coordinator, ...roles], facilities });
    tokens.nurse = await token('nurse-a', ['transitional-care-nurse'], [here]);
    tokens.otherNurse = await token('nurse-b', ['transitional-care-nurse'], [here]);
    tokens.scheduler = await token('sched-a', ['scheduler'], [here]);
    tokens.supervisor = await token('super-a', ['care-team-supervisor'], [here]);
    tokens.both = await token('nurse-c', ['transitional-care-nurse'], [here, there]);
  });
  afterAll(async () => {
    await db?.query(`DELETE FROM tasks WHERE facility = ANY($1)`, [[here, there]]);
    await db?.destroy();
    await api?.stop();
  });

  it("lists only the caller's facilities: another facility's tasks are not there, even when asked for", async () => {
    const mine = await task(here);
    const theirs = await task(there);
    const nurse = await list(tokens.nurse, 'limit=500');
    expect(nurse.items.map((t) => t.id)).toContain(mine);
    expect(nurse.items.map((t) => t.id)).not.toContain(theirs);
    expect(nurse.items.every((t) => t.facility === here)).toBe(true);
    const asked = await list(tokens.nurse, `facility=${there}`);
    expect(asked).toMatchObject({ items: [], total: 0, counts: { all: 0, mine: 0, pool: 0 } });
    const both = await list(tokens.both, `facility=${there}`);
    expect(both.items.map((t) => t.id)).toEqual([theirs]);
  });

  it('shows my tasks, and a pool of open unassigned tasks of the roles I hold (every role for a supervisor)', async () => {
    await db.query(`DELETE FROM tasks WHERE facility = ANY($1)`, [[here, there]]);
    const nursePool = await task(here, { dueInHours: 5 });
    const schedulerPool = await task(here, { role: 'scheduler', stepKey: 'follow-up-visit', dueInHours: 6 });
    const claimedByMe = await task(here, { status: 'claimed', assignee: 'nurse-a', dueInHours: 7 });
    const claimedByOther = await task(here, { status: 'claimed', assignee: 'nurse-b', dueInHours: 8 });
    const doneByMe = await task(here, { status: 'completed', assignee: 'nurse-a', dueInHours: 1 });

    const mine = await list(tokens.nurse, 'view=mine');
    expect(mine.items.map((t) => t.id)).toEqual([claimedByMe]);
    expect((await list(tokens.nurse, 'view=mine&status=completed')).items.map((t) => t.id)).toEqual([
      doneByMe,
    ]);
    expect((await list(tokens.nurse, 'view=pool')).items.map((t) => t.id)).toEqual([nursePool]);
    expect((await list(tokens.scheduler, 'view=pool')).items.map((t) => t.id)).toEqual([schedulerPool]);
    expect((await list(tokens.supervisor, 'view=pool')).items.map((t) => t.id)).toEqual([
      nursePool,
      schedulerPool,
    ]);

    const all = await list(tokens.nurse, 'view=all');
    expect(all.items.map((t) => t.id)).toEqual([nursePool, schedulerPool, claimedByMe, claimedByOther]);
    const any = await list(tokens.nurse, 'status=any');
    expect(any.items.map((t) => t.id)).toEqual([
      doneByMe,
      nursePool,
      schedulerPool,
      claimedByMe,
      claimedByOther,
    ]);
    expect(all.counts).toEqual({ all: 4, mine: 1, pool: 1, breached: 0 });
    expect((await list(tokens.otherNurse, 'view=mine')).items.map((t) => t.id)).toEqual([claimedByOther]);
  });

  it('filters by priority, breach, due time and step, and sorts by breach risk, priority or age', async () => {
    await db.query(`DELETE FROM tasks WHERE facility = ANY($1)`, [[here, there]]);
    const later = await task(here, { dueInHours: 48 });
    const urgent = await task(here, { dueInHours: 30, priority: 'urgent' });
    const pastDue = await task(here, { dueInHours: -2 });
    // the clock recorded a breach and escalation moved the due time on: breached, though not past due
    const breachedRescheduled = await task(here, { dueInHours: 3, breachedAt: new Date(now - HOUR) });
    const soon = await task(here, { dueInHours: 2, stepKey: 'medication-reconciliation' });

    const ids = async (query: string) => (await list(tokens.nurse, query)).items.map((t) => t.id);
    expect(await ids('sort=due')).toEqual([pastDue, soon, breachedRescheduled, urgent, later]);
    expect(await ids('sort=risk')).toEqual([pastDue, breachedRescheduled, soon, urgent, later]);
    expect(await ids('sort=priority')).toEqual([urgent, pastDue, soon, breachedRescheduled, later]);
    // each task seeded a minute before the one before it: the last seeded is the oldest
    expect(await ids('sort=age')).toEqual([soon, breachedRescheduled, pastDue, urgent, later]);
    expect(await ids('priority=urgent')).toEqual([urgent]);
    expect(await ids('breached=true')).toEqual([pastDue, breachedRescheduled]);
    expect(await ids('breached=false')).toEqual([soon, urgent, later]);
    const dueBefore = new Date(now + 4 * HOUR).toISOString();
    expect(await ids(`dueBefore=${encodeURIComponent(dueBefore)}`)).toEqual([
      pastDue,
      soon,
      breachedRescheduled,
    ]);
    expect(await ids('stepKey=medication-reconciliation')).toEqual([soon]);
    await db.query(`UPDATE tasks SET pathway = 'mental-health-follow-up' WHERE id = $1`, [later]);
    expect(await ids('pathway=mental-health-follow-up')).toEqual([later]);
    const page = await list(tokens.nurse, 'breached=false');
    expect(page.items.every((t) => !t.breached)).toBe(true);
    expect((await list(tokens.nurse, '')).counts.breached).toBe(2);
  });

  it('pages with a cursor in every sort: each task once, in order, and refuses a cursor of another list', async () => {
    await db.query(`DELETE FROM tasks WHERE facility = ANY($1)`, [[here, there]]);
    // ties on due time and priority: the id decides, so no page repeats or skips one
    const made: string[] = [];
    for (let i = 0; i < 13; i++)
      made.push(await task(here, { dueInHours: 10 + (i % 3), priority: i % 4 ? 'routine' : 'high' }));
    for (const sort of ['risk', 'due', 'priority', 'age']) {
      const whole = (await list(tokens.nurse, `sort=${sort}&limit=500`)).items.map((t) => t.id);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Worklist = await list(
          tokens.nurse,
          `sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.total).toBe(13);
        paged.push(...page.items.map((t) => t.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(whole);
      expect(new Set(paged)).toEqual(new Set(made));
    }
    const first = await list(tokens.nurse, 'sort=due&limit=4');
    const other = await call(tokens.nurse, `?sort=age&limit=4&cursor=${first.nextCursor}`);
    expect(other.status).toBe(400);
    expect(JSON.stringify(await other.json())).toContain('cursor');
    expect((await call(tokens.nurse, '?cursor=not-ours')).status).toBe(400);
  });

  it('finds a patient by MRN in a POST body only, never from a URL', async () => {
    await db.query(`DELETE FROM tasks WHERE facility = ANY($1)`, [[here, there]]);
    const patients = await task(here, { patientKey: `${here}|MRN-777` });
    await task(here, { patientKey: `${here}|MRN-778` });
    const elsewhere = await task(there, { patientKey: `${there}|MRN-777` });
    const search = async (token: string, body: object) => {
      const response = await call(token, '/search', { method: 'POST', body: JSON.stringify(body) });
      expect(response.status).toBe(200);
      return ((await response.json()) as Worklist).items.map((t) => t.id);
    };
    expect(await search(tokens.nurse, { mrn: 'MRN-777' })).toEqual([patients]);
    expect(await search(tokens.both, { mrn: 'MRN-777', authority: there })).toEqual([elsewhere]);
    expect((await call(tokens.nurse, '?mrn=MRN-777')).status).toBe(400);
    const noMrn = await call(tokens.nurse, '/search', {
      method: 'POST',
      body: JSON.stringify({ authority: here }),
    });
    expect(noMrn.status).toBe(400);
  });
});
