import { useState } from 'react';
import { Badge, Link, Panel, TransitionLink } from '../components';
import { useConsole } from '../context';
import { timeLeft, when } from '../format';
import { usePoll } from '../poll';
import { navigate, taskHref } from '../router';
import { WORKLIST_VIEWS, type Worklist, type WorklistTask, type WorklistView } from '../types';

const VIEW_LABELS: Record<WorklistView, string> = { mine: 'My tasks', pool: 'Pool', all: 'All' };
const SORTS = [
  ['risk', 'Breach risk'],
  ['due', 'Due time'],
  ['priority', 'Priority'],
  ['age', 'Oldest first'],
] as const;

/** A coordinator's worklist: my tasks, the pool for my roles, or all of my facilities' tasks. */
export function WorklistPage({ search }: { search: string }) {
  const { api, config } = useConsole();
  const params = new URLSearchParams(search);
  const view = (WORKLIST_VIEWS as readonly string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as WorklistView)
    : 'mine';
  const sort = SORTS.some(([value]) => value === params.get('sort')) ? params.get('sort')! : 'risk';
  const breachedOnly = params.get('breached') === 'true';
  const query = new URLSearchParams({ view, sort, limit: '50' });
  if (breachedOnly) query.set('breached', 'true');
  const [pages, setPages] = useState<{ key: string; cursor: string; items: WorklistTask[] }[]>([]);
  const list = usePoll(
    `worklist?${query}`,
    () => api.get<Worklist>(`/api/v1/tasks?${query}`),
    config.refreshSeconds,
  );
  const more = pages.filter((page) => page.key === String(query));
  const shown = [...(list.data?.items ?? []), ...more.flatMap((page) => page.items)];
  const nextCursor = more.length ? more.at(-1)!.cursor : list.data?.nextCursor;

  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams({ view, sort, ...(breachedOnly ? { breached: 'true' } : {}) });
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) next.delete(name);
      else next.set(name, value);
    }
    navigate(`/console/tasks?${next}`);
  };
  const loadMore = async () => {
    if (!nextCursor) return;
    const page = await api.get<Worklist>(`/api/v1/tasks?${query}&cursor=${nextCursor}`);
    setPages((old) => [...old, { key: String(query), cursor: page.nextCursor ?? '', items: page.items }]);
  };

  return (
    <>
      <nav className="tabs" aria-label="Worklist views">
        {WORKLIST_VIEWS.map((name) => (
          <Link
            key={name}
            href={`/console/tasks?view=${name}&sort=${sort}`}
            className={name === view ? 'tab current' : 'tab'}
          >
            {VIEW_LABELS[name]} <span className="count">{list.data?.counts[name] ?? '…'}</span>
          </Link>
        ))}
      </nav>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Sort by{' '}
          <select value={sort} onChange={(event) => go({ sort: event.target.value })}>
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={breachedOnly}
            onChange={(event) => go({ breached: event.target.checked ? 'true' : null })}
          />{' '}
          Breached only ({list.data?.counts.breached ?? '…'})
        </label>
      </form>
      <Panel title={VIEW_LABELS[view]} polled={list}>
        {shown.length === 0 ? (
          <p className="muted">{view === 'mine' ? 'Nothing assigned to you.' : 'No tasks here.'}</p>
        ) : (
          <table className="worklist">
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Due</th>
                <th scope="col">Facility</th>
                <th scope="col">Role</th>
                <th scope="col">Assignee</th>
                <th scope="col">Transition</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((task) => (
                <tr key={task.id}>
                  <td>
                    <Link href={taskHref(task.id)}>{task.title}</Link>{' '}
                    {task.breached && <Badge tone="bad">breached</Badge>}
                    {task.priority !== 'routine' && <Badge tone="warn">{task.priority}</Badge>}
                    <span className="muted mono"> {task.stepKey}</span>
                  </td>
                  <td className={task.breached ? 'overdue' : undefined}>
                    {when(task.dueAt)}
                    <span className="muted"> ({timeLeft((Date.parse(task.dueAt) - Date.now()) / 1000)})</span>
                  </td>
                  <td>{task.facility}</td>
                  <td className="mono">{task.role}</td>
                  <td className="mono">{task.assignee ?? '—'}</td>
                  <td>
                    <TransitionLink id={task.transitionId} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {nextCursor && (
          <button type="button" className="secondary more" onClick={() => void loadMore()}>
            Show more (of {list.data?.total})
          </button>
        )}
      </Panel>
    </>
  );
}
