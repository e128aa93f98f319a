import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Badge, Panel } from '../components';
import { useConsole } from '../context';
import { duration, when } from '../format';
import { usePoll } from '../poll';
import type { DeadLetter, QuarantinedMessage, ReplayResult } from '../types';

const OUTCOMES: Record<ReplayResult['outcome'], string> = {
  accepted: 'accepted: it goes on as if the sender had resent it',
  duplicate: 'a duplicate of one already accepted: acknowledged, not published again',
  rejected: 'rejected again: it stays in quarantine (fix it at the sender)',
  unavailable: 'hand-off unavailable: try again shortly',
};

const PAGE = 25;

/** Quarantined messages (the gateway) and dead letters (the api), with replay and discard. */
export function Queues() {
  const { api, config } = useConsole();
  const [notice, setNotice] = useState('');
  const [shown, setShown] = useState({ quarantine: PAGE, letters: PAGE });
  const quarantine = usePoll(
    `quarantine:${shown.quarantine}`,
    () =>
      api.gateway<{ total: number; items: QuarantinedMessage[] }>(
        `/api/v1/ops/quarantine?limit=${shown.quarantine}`,
      ),
    config.refreshSeconds,
  );
  const letters = usePoll(
    `dead-letters:${shown.letters}`,
    () => api.get<{ total: number; items: DeadLetter[] }>(`/api/v1/ops/dead-letters?limit=${shown.letters}`),
    config.refreshSeconds,
  );

  const replayMessage = async (message: QuarantinedMessage) => {
    try {
      const result = await api.gateway<ReplayResult>(
        `/api/v1/ops/quarantine/${message.id}/replay`,
        { method: 'POST' },
        [422, 503],
      );
      setNotice(`Message ${message.controlId} from ${message.sender}: ${OUTCOMES[result.outcome]}.`);
    } catch (error) {
      setNotice(`Replay of ${message.controlId} failed: ${(error as Error).message}`);
    }
    quarantine.reload();
  };

  const resolve = async (letter: DeadLetter, action: 'replay' | 'discard', reason?: string) => {
    try {
      const after = await api.post<DeadLetter>(
        `/api/v1/ops/dead-letters/${letter.id}/${action}`,
        action === 'discard' ? { reason } : undefined,
      );
      setNotice(`Dead letter ${letter.id}: ${after.status}.`);
    } catch (error) {
      setNotice(`Could not ${action} dead letter ${letter.id}: ${(error as Error).message}`);
    }
    letters.reload();
  };

  return (
    <>
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
      <Panel
        title={`Quarantine (gateway)${quarantine.data ? ` — ${quarantine.data.total}` : ''}`}
        id="quarantine"
        polled={quarantine}
      >
        <table>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Sender</th>
              <th scope="col">Control id</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Reason</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {quarantine.data?.items.map((message) => (
              <tr key={message.id}>
                <td>{when(message.receivedAt)}</td>
                <td className="mono">{message.sender}</td>
                <td className="mono">{message.controlId}</td>
                <td>{message.messageType ?? '—'}</td>
                <td>
                  <Badge tone={message.status === 'failed' ? 'warn' : 'bad'}>{message.status}</Badge>
                </td>
                <td className="reason">{message.reason ?? '—'}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => void replayMessage(message)}
                    aria-label={`Replay message ${message.controlId}`}
                  >
                    Replay
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {quarantine.data?.items.length === 0 && <p className="muted">Nothing in quarantine.</p>}
        {quarantine.data && quarantine.data.total > quarantine.data.items.length && (
          <button
            type="button"
            className="secondary more"
            onClick={() => setShown({ ...shown, quarantine: Math.min(500, shown.quarantine + PAGE) })}
          >
            Show {PAGE} more (newest {quarantine.data.items.length} of {quarantine.data.total} shown)
          </button>
        )}
      </Panel>
      <Panel
        title={`Dead letters (open)${letters.data ? ` — ${letters.data.total}` : ''}`}
        id="dead-letters"
        polled={letters}
      >
        <table>
          <thead>
            <tr>
              <th scope="col">Age</th>
              <th scope="col">Stage</th>
              <th scope="col">Code</th>
              <th scope="col">Reason</th>
              <th scope="col">Source</th>
              <th scope="col">Attempts</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {letters.data?.items.map((letter) => (
              <DeadLetterRow key={letter.id} letter={letter} onResolve={resolve} />
            ))}
          </tbody>
        </table>
        {letters.data?.items.length === 0 && <p className="muted">No open dead letters.</p>}
        {letters.data && letters.data.total > letters.data.items.length && (
          <button
            type="button"
            className="secondary more"
            onClick={() => setShown({ ...shown, letters: Math.min(500, shown.letters + PAGE) })}
          >
            Show {PAGE} more (oldest {letters.data.items.length} of {letters.data.total} shown)
          </button>
        )}
      </Panel>
    </>
  );
}

function DeadLetterRow(props: {
  letter: DeadLetter;
  onResolve: (letter: DeadLetter, action: 'replay' | 'discard', reason?: string) => Promise<void>;
}) {
  const { letter } = props;
  const [discarding, setDiscarding] = useState(false);
  const [reason, setReason] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (discarding) field.current?.focus();
  }, [discarding]);
  const discard = (event: FormEvent) => {
    event.preventDefault();
    void props.onResolve(letter, 'discard', reason.trim()).then(() => setDiscarding(false));
  };
  return (
    <tr>
      <td>{duration(letter.ageSeconds)}</td>
      <td>{letter.stage}</td>
      <td className="mono">{letter.code}</td>
      <td className="reason">{letter.reason}</td>
      <td className="mono">{letter.sourceRef}</td>
      <td>{letter.attempts}</td>
      <td className="actions">
        {discarding ? (
          <form onSubmit={discard} className="discard">
            <label>
              Why discard? (kept with your name)
              <textarea
                ref={field}
                required
                minLength={3}
                maxLength={500}
                rows={2}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            </label>
            <button type="submit" className="danger">
              Discard
            </button>
            <button type="button" className="secondary" onClick={() => setDiscarding(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <>
            {letter.stage !== 'worker' && (
              <button
                type="button"
                onClick={() => void props.onResolve(letter, 'replay')}
                aria-label={`Replay dead letter ${letter.id}`}
              >
                Replay
              </button>
            )}
            <button
              type="button"
              className="secondary"
              onClick={() => setDiscarding(true)}
              aria-label={`Discard dead letter ${letter.id}`}
            >
              Discard…
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
