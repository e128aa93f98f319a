import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@ct/persistence';
import { startApi, type RunningApi } from '../support/api';
import { testIssuer } from '../support/auth';
import { eventually } from '../support/processes';
import { SseClient } from '../support/sse-client';
import { testEnv } from '../support/test-env';

interface Change {
  id: string;
  facility: string;
  status: string;
  priority: string;
  assignee: string | null;
}

/** GET /api/v1/tasks/stream on the real PostgreSQL: the tasks trigger → LISTEN → the caller's streams. */
describe('live task stream (real PostgreSQL)', () => {
  const runId = randomUUID().slice(0, 8).toUpperCase();
  const [east, west] = [`SSE${runId}E`, `SSE${runId}W`];
  let api: RunningApi;
  let db: DataSource;
  const streams: SseClient[] = [];

  const headers = async (roles: string[], facilities: string[]) => ({
    authorization: `Bearer ${await (await testIssuer()).token({ roles, facilities, subject: `nurse-${facilities[0]}` })}`,
  });

  const open = async (
    facilities: string[],
    extra: Record<string, string> = {},
    roles = ['care-coordinator'],
  ) => {
    const stream = await SseClient.open(`${api.url}/api/v1/tasks/stream`, {
      ...(await headers(roles, facilities)),
      ...extra,
    });
    streams.push(stream);
    return stream;
  };

  const ready = (stream: SseClient, type = 'ready') =>
    eventually(async () => (stream.of(type).length ? true : undefined), `the stream's ${type} event`);

  const changesOf = (stream: SseClient) => stream.of('task').map((e) => JSON.parse(e.data) as Change);

  const seen = (stream: SseClient, predicate: (change: Change) => boolean, what: string) =>
    eventually(async () => changesOf(stream).find(predicate), what);

  const insertTask = async (facility: string) => {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO tasks (transition_id, step_key, role, title, facility, patient_key, due_at)
       VALUES ($1, 'tcm-contact', 'transitional-care-nurse', 'Call the patient', $2, 'SSE|MRN-1', now() + interval '1 day')
       RETURNING id`,
      [`transition:${facility}:V${randomUUID().slice(0, 6)}`, facility],
    );
    return row.id;
  };

  beforeAll(async () => {
    api = await startApi();
    db = createDataSource(testEnv.databaseUrl, 'task-stream-test');
    await db.initialize();
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await api?.stop().catch(() => undefined); // the last test stops it
    await db?.destroy();
  });

  it('shows a task change to a caller of its facility and not to a caller of another facility', async () => {
    const [mine, theirs] = [await open([east]), await open([west])];
    expect([mine.status, theirs.status]).toEqual([200, 200]);
    await Promise.all([ready(mine), ready(theirs)]);

    const eastTask = await insertTask(east);
    await db.query(`UPDATE tasks SET status = 'claimed', assignee = 'nurse-7' WHERE id = $1`, [eastTask]);
    // a later change of the other facility: once its stream has it, the east ones were fanned out too
    const westTask = await insertTask(west);

    const claimed = await seen(mine, (c) => c.id === eastTask && c.status === 'claimed', 'the claim');
    expect(claimed).toMatchObject({ facility: east, assignee: 'nurse-7' });
    expect(Object.keys(claimed).sort()).toEqual(
      [
        'id',
        'transitionId',
        'stepKey',
        'facility',
        'role',
        'status',
        'priority',
        'assignee',
        'dueAt',
        'breachedAt',
        'revision',
        'updatedAt',
      ].sort(),
    );
    await seen(theirs, (c) => c.id === westTask, "the other facility's task");
    expect(changesOf(theirs).filter((c) => c.facility === east)).toEqual([]);
    expect(changesOf(mine).filter((c) => c.facility === west)).toEqual([]);
    expect(JSON.stringify(mine.events)).not.toContain('MRN-1');
  });

  it('admits coordinators and ops, refuses other roles (403) and callers without a token (401)', async () => {
    expect((await open([east], {}, ['ops'])).status).toBe(200);
    expect((await open([east], {}, ['adt-feed'])).status).toBe(403);
    expect((await SseClient.open(`${api.url}/api/v1/tasks/stream`, {})).status).toBe(401);
  });

  it('gives a reconnect with Last-Event-ID the changes it missed, and an unknown id a reset', async () => {
    const first = await open([east]);
    await ready(first);
    const task = await insertTask(east);
    await seen(first, (c) => c.id === task, 'the new task');
    const lastId = first.lastId!;
    first.close();

    await db.query(`UPDATE tasks SET priority = 'urgent' WHERE id = $1`, [task]);
    const watcher = await open([east]);
    await ready(watcher);
    await db.query(`UPDATE tasks SET status = 'completed' WHERE id = $1`, [task]);
    await seen(watcher, (c) => c.id === task && c.status === 'completed', 'the completion');

    const again = await open([east], { 'last-event-id': lastId });
    const missed = await seen(again, (c) => c.id === task && c.status === 'completed', 'the missed changes');
    expect(missed).toMatchObject({ status: 'completed' });
    expect(changesOf(again).map((c) => [c.status, c.priority])).toEqual([
      ['open', 'urgent'],
      ['completed', 'urgent'],
    ]);
    expect(again.of('ready')).toHaveLength(0);

    const stale = await open([east], { 'last-event-id': 'deadbeef-1' });
    await ready(stale, 'reset');
  });

  it('ends open streams when the api shuts down', async () => {
    const stream = await open([east]);
    await ready(stream);
    await api.stop();
    await stream.finished();
    expect(stream.ended).toBe(true);
  });
});
