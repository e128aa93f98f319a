import { Badge, Panel } from '../components';
import { temporalWorkflowUrl } from '../config';
import { useConsole } from '../context';
import { when } from '../format';
import { usePoll } from '../poll';
import type { Transition } from '../types';

/** One transition: its state, its steps, its timeline (ids and codes), and its workflow in Temporal. */
export function TransitionPage({ id }: { id: string }) {
  const { api, config } = useConsole();
  const transition = usePoll(
    `transition:${id}`,
    () => api.get<Transition>(`/api/v1/transitions/${encodeURIComponent(id)}`),
    config.refreshSeconds,
  );
  const t = transition.data;
  return (
    <>
      <Panel
        title="Transition"
        polled={transition}
        actions={
          <a className="button-link" href={temporalWorkflowUrl(config, id)} target="_blank" rel="noreferrer">
            Open the workflow in Temporal UI<span className="visually-hidden"> (new tab)</span>
          </a>
        }
      >
        <p className="mono big">{id}</p>
        {t && (
          <dl className="facts">
            <div>
              <dt>Status</dt>
              <dd>
                <Badge tone={t.status === 'failed' ? 'bad' : t.status === 'active' ? 'info' : 'ok'}>
                  {t.status}
                </Badge>
                {t.reason && <span className="mono"> {t.reason}</span>}
              </dd>
            </div>
            <div>
              <dt>Facility</dt>
              <dd>{t.facility}</dd>
            </div>
            <div>
              <dt>Pathway</dt>
              <dd>{t.pathway}</dd>
            </div>
            <div>
              <dt>Discharged</dt>
              <dd>{when(t.dischargedAt)}</dd>
            </div>
            <div>
              <dt>Last change</dt>
              <dd>{when(t.updatedAt)}</dd>
            </div>
          </dl>
        )}
      </Panel>
      {t && (
        <>
          <Panel title="Steps">
            <table>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Due</th>
                  <th scope="col">Assignee</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {t.tasks.map((task) => (
                  <tr key={task.id}>
                    <td className="mono">{task.stepKey}</td>
                    <td>{task.role}</td>
                    <td>{task.status}</td>
                    <td>{task.priority}</td>
                    <td>{when(task.dueAt)}</td>
                    <td>{task.assignee ?? '—'}</td>
                    <td>{task.outcome ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
          <Panel title="Timeline">
            <ol className="timeline">
              {t.timeline.map((entry, index) => (
                <li key={index}>
                  <time dateTime={entry.occurredAt}>{when(entry.occurredAt)}</time>{' '}
                  <strong className="mono">{entry.kind}</strong>
                  {entry.stepKey && <span className="mono"> · {entry.stepKey}</span>}
                  {Object.keys(entry.detail).length > 0 && (
                    <span className="muted mono">
                      {' '}
                      {Object.entries(entry.detail)
                        .map(([key, value]) => `${key}=${String(value)}`)
                        .join(' ')}
                    </span>
                  )}
                </li>
              ))}
            </ol>
            {t.timeline.length === 0 && <p className="muted">Nothing recorded yet.</p>}
          </Panel>
        </>
      )}
    </>
  );
}
