import { useState } from 'react';
import { Badge, Link, Panel } from '../components';
import { useConsole } from '../context';
import { ago } from '../format';
import { usePoll } from '../poll';
import type { Daily, FeedHealth, Pipeline, Summary, SummaryCounts } from '../types';
import { DailyChart } from './chart';

const qs = (params: Record<string, string | undefined>) => {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]),
  );
  return query.size ? `?${query}` : '';
};

const FEEDS_SHOWN = 8;

/** Senders with refusals first, then with quarantined messages, then the most recently heard from. */
function worstFirst(feeds: FeedHealth[]): FeedHealth[] {
  return [...feeds].sort(
    (a, b) =>
      b.refusalsLastHour - a.refusalsLastHour ||
      b.quarantined - a.quarantined ||
      (a.secondsSinceLastMessage ?? Infinity) - (b.secondsSinceLastMessage ?? Infinity),
  );
}

function byFacility(summary: Summary): [string, SummaryCounts][] {
  const totals = new Map<string, SummaryCounts>();
  for (const item of summary.items) {
    const sum = totals.get(item.facility) ?? { open: 0, claimed: 0, dueToday: 0, breached: 0, escalated: 0 };
    sum.open += item.open;
    sum.claimed += item.claimed;
    sum.dueToday += item.dueToday;
    sum.breached += item.breached;
    sum.escalated += item.escalated;
    totals.set(item.facility, sum);
  }
  return [...totals].sort(([a], [b]) => a.localeCompare(b));
}

/** Tiles per facility, the 14-day chart, feed health and the pipeline. */
export function Overview({ facility }: { facility?: string }) {
  const { api, config } = useConsole();
  const every = config.refreshSeconds;
  const filter = qs({ facility });
  const summary = usePoll(`summary${filter}`, () => api.get<Summary>(`/api/v1/ops/summary${filter}`), every);
  const daily = usePoll(
    `daily${filter}`,
    () => api.get<Daily>(`/api/v1/ops/daily${qs({ facility, days: '14' })}`),
    every,
  );
  const feeds = usePoll('feeds', () => api.get<{ items: FeedHealth[] }>('/api/v1/ops/feeds'), every);
  const pipeline = usePoll('pipeline', () => api.get<Pipeline>('/api/v1/ops/pipeline'), every);
  const [allFeeds, setAllFeeds] = useState(false);
  const senders = worstFirst(feeds.data?.items ?? []);
  const shown = allFeeds ? senders : senders.slice(0, FEEDS_SHOWN);

  return (
    <>
      {facility && (
        <p className="notice">
          Tiles and chart for facility <strong>{facility}</strong> only (feeds and pipeline: all).{' '}
          <Link href="/console/">Show every facility</Link>
        </p>
      )}
      <Panel title="Steps not yet done, by facility" polled={summary}>
        {summary.data && summary.data.items.length === 0 && <p className="muted">No open steps.</p>}
        <ul className="tiles">
          {summary.data &&
            byFacility(summary.data).map(([name, counts]) => (
              <li key={name} className="tile-group">
                <h3>
                  <Link href={`/console/board?facility=${encodeURIComponent(name)}`}>{name}</Link>
                </h3>
                <dl className="tile-row">
                  <Tile
                    label="Open"
                    value={counts.open + counts.claimed}
                    note={`${counts.claimed} claimed`}
                  />
                  <Tile
                    label="Due today"
                    value={counts.dueToday}
                    tone={counts.dueToday ? 'warn' : undefined}
                  />
                  <Tile label="Breached" value={counts.breached} tone={counts.breached ? 'bad' : undefined} />
                  <Tile
                    label="Escalated"
                    value={counts.escalated}
                    tone={counts.escalated ? 'warn' : undefined}
                  />
                </dl>
              </li>
            ))}
        </ul>
      </Panel>
      <Panel title="Breaches and completed steps, last 14 days" polled={daily}>
        {daily.data && <DailyChart daily={daily.data} />}
      </Panel>
      <div className="columns">
        <Panel title="Feed health" polled={feeds}>
          <table>
            <thead>
              <tr>
                <th scope="col">Sender</th>
                <th scope="col">Last message</th>
                <th scope="col">Last hour</th>
                <th scope="col">Refused (1 h)</th>
                <th scope="col">Quarantined</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((feed) => (
                <tr key={feed.sender}>
                  <td className="mono">{feed.sender}</td>
                  <td>{ago(feed.secondsSinceLastMessage)}</td>
                  <td>{feed.messagesLastHour}</td>
                  <td>{feed.refusalsLastHour ? <Badge tone="bad">{feed.refusalsLastHour}</Badge> : 0}</td>
                  <td>
                    {feed.quarantined ? (
                      <Link href="/console/queues">
                        <Badge tone="warn">{feed.quarantined}</Badge>
                      </Link>
                    ) : (
                      0
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {feeds.data?.items.length === 0 && <p className="muted">No feed has sent anything yet.</p>}
          {senders.length > FEEDS_SHOWN && (
            <button
              type="button"
              className="secondary more"
              onClick={() => setAllFeeds(!allFeeds)}
              aria-expanded={allFeeds}
            >
              {allFeeds ? `Show the first ${FEEDS_SHOWN}` : `Show all ${senders.length} senders`}
            </button>
          )}
        </Panel>
        <Panel title="Pipeline" polled={pipeline}>
          {pipeline.data && (
            <>
              <dl className="tile-row">
                <Tile
                  label="Outbox unsent"
                  value={pipeline.data.outbox.unsent}
                  note={
                    pipeline.data.outbox.unsent
                      ? `oldest ${ago(pipeline.data.outbox.oldestUnsentAgeSeconds)}`
                      : 'nothing waiting'
                  }
                />
                <Tile
                  label="Outbox refused"
                  value={pipeline.data.outbox.deadLettered}
                  tone={pipeline.data.outbox.deadLettered ? 'bad' : undefined}
                />
              </dl>
              <table>
                <caption>Dead letters by stage</caption>
                <thead>
                  <tr>
                    <th scope="col">Stage</th>
                    <th scope="col">Open</th>
                    <th scope="col">Oldest open</th>
                    <th scope="col">Replay pending</th>
                  </tr>
                </thead>
                <tbody>
                  {pipeline.data.deadLetters.map((stage) => (
                    <tr key={stage.stage}>
                      <td>{stage.stage}</td>
                      <td>
                        {stage.open ? (
                          <Link href="/console/queues">
                            <Badge tone="bad">{stage.open}</Badge>
                          </Link>
                        ) : (
                          0
                        )}
                      </td>
                      <td>{stage.open ? ago(stage.oldestOpenAgeSeconds) : '—'}</td>
                      <td>{stage.replayPending}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Panel>
      </div>
    </>
  );
}

function Tile(props: { label: string; value: number; note?: string; tone?: 'bad' | 'warn' }) {
  return (
    <div className={`tile${props.tone ? ` tile-${props.tone}` : ''}`}>
      <dt>{props.label}</dt>
      <dd>
        <span className="tile-value">{props.value}</span>
        {props.note && <span className="tile-note">{props.note}</span>}
      </dd>
    </div>
  );
}
