import { useState, type FormEvent } from 'react';
import { Badge, Panel, TransitionLink } from '../components';
import { useConsole } from '../context';
import { timeLeft, when } from '../format';
import { usePoll } from '../poll';
import { navigate } from '../router';
import { BUCKETS, type Board as BoardAnswer, type Bucket, type Summary } from '../types';

const FILTERS = [
  { name: 'facility', label: 'Facility' },
  { name: 'pathway', label: 'Pathway' },
  { name: 'stepKey', label: 'Step' },
  { name: 'role', label: 'Role' },
] as const;
type FilterName = (typeof FILTERS)[number]['name'];

const TITLES: Record<Bucket, string> = {
  breached: 'Breached',
  dueWithin4h: 'Due within 4 h',
  dueToday: 'Due today',
  later: 'Later',
};

/** The breach-risk board: open and claimed steps by time left, filtered from the address bar. */
export function Board({ search }: { search: string }) {
  const { api, config } = useConsole();
  const params = new URLSearchParams(search);
  const query = new URLSearchParams();
  for (const { name } of FILTERS) {
    const value = params.get(name)?.trim();
    if (value) query.set(name, value);
  }
  const filter = query.size ? `?${query}` : '';
  const board = usePoll(
    `board${filter}`,
    () => api.get<BoardAnswer>(`/api/v1/ops/breach-risk${filter}`),
    config.refreshSeconds,
  );
  // what to suggest in the filter fields: the codes of the steps not yet done
  const summary = usePoll('summary', () => api.get<Summary>('/api/v1/ops/summary'), 60);
  const roles = new Set<string>();
  for (const bucket of BUCKETS)
    for (const item of board.data?.buckets[bucket].items ?? []) roles.add(item.role);
  const suggestions: Record<FilterName, string[]> = {
    facility: unique(summary.data?.items.map((item) => item.facility)),
    pathway: unique(summary.data?.items.map((item) => item.pathway)),
    stepKey: unique(summary.data?.items.map((item) => item.stepKey)),
    role: [...roles].sort(),
  };

  return (
    <>
      <Filters key={filter} current={query} suggestions={suggestions} />
      <Panel title="Breach-risk board" polled={board}>
        <div className="board">
          {BUCKETS.map((bucket) => {
            const column = board.data?.buckets[bucket];
            return (
              <section
                key={bucket}
                className={`bucket bucket-${bucket}`}
                aria-labelledby={`bucket-${bucket}`}
              >
                <h3 id={`bucket-${bucket}`}>
                  {TITLES[bucket]} <span className="count">{column?.count ?? 0}</span>
                </h3>
                {column && column.items.length < column.count && (
                  <p className="muted">Soonest {column.items.length} shown.</p>
                )}
                <ul className="cards">
                  {column?.items.map((item) => (
                    <li key={item.taskId} className="card">
                      <p className="card-title">
                        <strong>{item.stepKey}</strong>
                        {item.escalated && <Badge tone="warn">escalated</Badge>}
                        {item.priority !== 'routine' && <Badge tone="info">{item.priority}</Badge>}
                      </p>
                      <p>
                        <TransitionLink id={item.transitionId} />
                      </p>
                      <p className="muted">
                        {item.facility} · {item.pathway} · {item.role}
                      </p>
                      <p>
                        due {when(item.dueAt)} ·{' '}
                        <span className={item.timeLeftSeconds <= 0 ? 'overdue' : ''}>
                          {timeLeft(item.timeLeftSeconds)}
                        </span>
                      </p>
                      <p className="muted">
                        {item.status === 'claimed' ? `claimed by ${item.assignee ?? '?'}` : 'unclaimed'}
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </Panel>
    </>
  );
}

function Filters(props: { current: URLSearchParams; suggestions: Record<FilterName, string[]> }) {
  const [values, setValues] = useState<Record<FilterName, string>>(() => ({
    facility: props.current.get('facility') ?? '',
    pathway: props.current.get('pathway') ?? '',
    stepKey: props.current.get('stepKey') ?? '',
    role: props.current.get('role') ?? '',
  }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) if (value.trim()) query.set(name, value.trim());
    navigate(`/console/board${query.size ? `?${query}` : ''}`);
  };
  return (
    <form className="filters" onSubmit={apply} aria-label="Board filters">
      {FILTERS.map(({ name, label }) => (
        <label key={name}>
          {label}
          <input
            name={name}
            list={`${name}-options`}
            value={values[name]}
            autoComplete="off"
            onChange={(event) => setValues({ ...values, [name]: event.target.value })}
          />
          <datalist id={`${name}-options`}>
            {props.suggestions[name].map((option) => (
              <option key={option} value={option} />
            ))}
          </datalist>
        </label>
      ))}
      <button type="submit">Apply filters</button>
      <button type="button" className="secondary" onClick={() => navigate('/console/board')}>
        Clear
      </button>
    </form>
  );
}

const unique = (values: string[] | undefined) => [...new Set(values ?? [])].sort();
