import { useState, type FormEvent, type ReactNode } from 'react';
import { HttpError } from '../api';
import { Badge, ErrorNote, Panel, TransitionLink } from '../components';
import { useConsole } from '../context';
import { timeLeft, when } from '../format';
import { usePoll } from '../poll';
import type { Attempt, Note, TaskDetail } from '../types';

const CHANNELS = ['phone', 'video', 'in-person', 'portal', 'letter'] as const;
const OUTCOMES = ['reached', 'no-answer', 'left-message', 'wrong-number', 'declined'] as const;

/**
 * One task as the coordinator works it: the patient to call (PHI: the api records this read in
 * its access log), the visit, outreach attempts and notes, and claim / log an attempt / complete.
 */
export function TaskPage({ id }: { id: string }) {
  const { api, config } = useConsole();
  const task = usePoll(
    `task:${id}`,
    () => api.get<TaskDetail>(`/api/v1/tasks/${id}`),
    config.refreshSeconds * 2,
  );
  const attempts = usePoll(
    `attempts:${id}`,
    () => api.get<{ items: Attempt[] }>(`/api/v1/tasks/${id}/attempts`),
    config.refreshSeconds * 2,
  );
  const notes = usePoll(
    `notes:${id}`,
    () => api.get<{ items: Note[] }>(`/api/v1/tasks/${id}/notes`),
    config.refreshSeconds * 2,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const t = task.data;
  const open = t && (t.status === 'open' || t.status === 'claimed');

  const act = async (what: string, call: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await call();
      setNotice(what);
      task.reload();
      attempts.reload();
      notes.reload();
    } catch (error) {
      setFailure(error as Error);
    }
  };

  return (
    <>
      <p className="notice" role="status" aria-live="polite">
        {notice}
      </p>
      {failure && <ProblemNote error={failure} />}
      <Panel title="Task" polled={task}>
        {t && (
          <>
            <p className="big">
              {t.title} {t.breached && <Badge tone="bad">breached</Badge>}
              {t.priority !== 'routine' && <Badge tone="warn">{t.priority}</Badge>}
            </p>
            <dl className="facts">
              <Fact label="Status">
                <Badge tone={open ? 'info' : 'ok'}>{t.status}</Badge>{' '}
                {t.outcome && <span className="mono">{t.outcome}</span>}
              </Fact>
              <Fact label="Due">
                {when(t.dueAt)}{' '}
                {open && (
                  <span className="muted">({timeLeft((Date.parse(t.dueAt) - Date.now()) / 1000)})</span>
                )}
              </Fact>
              <Fact label="Assignee">{t.assignee ?? 'nobody (in the pool)'}</Fact>
              <Fact label="Role">{t.role}</Fact>
              <Fact label="Attempts">{t.attempts}</Fact>
              {t.doneAt && (
                <Fact label="Done">{`${when(t.doneAt)}${t.metBy ? ` (met by ${t.metBy})` : ''}`}</Fact>
              )}
              <Fact label="Transition">
                <TransitionLink id={t.transitionId} />
              </Fact>
            </dl>
            {open && (
              <p className="actions">
                {t.assignee === null && (
                  <button
                    type="button"
                    onClick={() =>
                      void act('Claimed: the task is yours.', () => api.post(`/api/v1/tasks/${id}/claim`, {}))
                    }
                  >
                    Claim
                  </button>
                )}
                {t.assignee !== null && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      void act('Back in the pool.', () => api.post(`/api/v1/tasks/${id}/unclaim`, {}))
                    }
                  >
                    Unclaim
                  </button>
                )}
              </p>
            )}
          </>
        )}
      </Panel>
      {t && <PatientPanel task={t} />}
      <Panel title="Outreach attempts" polled={attempts}>
        {attempts.data?.items.length === 0 && <p className="muted">No attempts yet.</p>}
        <ol className="timeline">
          {attempts.data?.items.map((attempt) => (
            <li key={attempt.id}>
              <strong>{when(attempt.contactedAt)}</strong> {attempt.channel}, {attempt.outcome}
              {!attempt.inWindow && <Badge tone="warn">after the window</Badge>}
              <span className="muted"> by {attempt.recordedBy}</span>
              {attempt.note && <p className="note">{attempt.note}</p>}
            </li>
          ))}
        </ol>
        {open && (
          <AttemptForm
            onSubmit={(body) =>
              act('Attempt recorded.', () => api.post(`/api/v1/tasks/${id}/attempts`, body))
            }
          />
        )}
      </Panel>
      {open && (
        <Panel title="Complete">
          <CompleteForm
            onSubmit={(body) => act('Completed.', () => api.post(`/api/v1/tasks/${id}/complete`, body))}
          />
        </Panel>
      )}
      <Panel title="Notes" polled={notes}>
        {notes.data?.items.length === 0 && <p className="muted">No notes.</p>}
        <ol className="timeline">
          {notes.data?.items.map((note) => (
            <li key={note.id}>
              <strong>{when(note.createdAt)}</strong> <span className="muted">{note.author}</span>
              {note.correctedBy.length > 0 && <Badge tone="warn">corrected</Badge>}
              {note.corrects && <Badge tone="info">correction</Badge>}
              <p className="note">{note.text}</p>
            </li>
          ))}
        </ol>
        <NoteForm
          onSubmit={(text) => act('Note added.', () => api.post(`/api/v1/tasks/${id}/notes`, { text }))}
        />
      </Panel>
    </>
  );
}

function PatientPanel({ task }: { task: TaskDetail }) {
  const { patient, visit } = task;
  if (!patient && !visit)
    return (
      <Panel title="Patient">
        <p className="muted">No message for this visit has been stored yet.</p>
      </Panel>
    );
  const name = patient?.name
    ? [patient.name.given, patient.name.middle, patient.name.family].filter(Boolean).join(' ')
    : '—';
  return (
    <Panel title="Patient">
      <dl className="facts">
        <Fact label="Name">{name}</Fact>
        <Fact label="Born">{patient?.birthDate ? formatHl7Date(patient.birthDate) : '—'}</Fact>
        <Fact label="Sex">{patient?.sex ?? '—'}</Fact>
        <Fact label="Phone">
          {patient?.phones.length
            ? patient.phones.map((phone) => (
                <a key={phone.number} href={`tel:${phone.number.replace(/[^\d+]/g, '')}`} className="phone">
                  {phone.number}
                  {phone.use ? ` (${phone.use})` : ''}
                </a>
              ))
            : '—'}
        </Fact>
        <Fact label="Language">{patient?.language?.text ?? patient?.language?.code ?? '—'}</Fact>
        <Fact label="Address">
          {patient?.address
            ? [
                patient.address.street,
                patient.address.city,
                patient.address.state,
                patient.address.postalCode,
              ]
                .filter(Boolean)
                .join(', ')
            : '—'}
        </Fact>
        <Fact label="Primary care">
          {patient?.primaryCareProvider
            ? [patient.primaryCareProvider.given, patient.primaryCareProvider.family]
                .filter(Boolean)
                .join(' ') || patient.primaryCareProvider.id
            : '—'}
        </Fact>
        {visit && (
          <>
            <Fact label="Discharged">{`${when(visit.dischargeAt)} from ${[visit.facility, visit.pointOfCare, visit.room].filter(Boolean).join(' ')}`}</Fact>
            <Fact label="Admitted">{when(visit.admitAt)}</Fact>
            <Fact label="Disposition">{visit.disposition ?? '—'}</Fact>
            <Fact label="Diagnoses">
              {visit.diagnoses.map((d) => `${d.code}${d.text ? ` ${d.text}` : ''}`).join('; ') || '—'}
            </Fact>
            <Fact label="Attending">
              {visit.attending
                ? [visit.attending.given, visit.attending.family].filter(Boolean).join(' ') ||
                  visit.attending.id
                : '—'}
            </Fact>
          </>
        )}
      </dl>
    </Panel>
  );
}

function AttemptForm({ onSubmit }: { onSubmit: (body: object) => Promise<void> }) {
  const [channel, setChannel] = useState<string>('phone');
  const [outcome, setOutcome] = useState<string>('no-answer');
  const [at, setAt] = useState(localNow());
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit({
      channel,
      outcome,
      contactedAt: new Date(at).toISOString(),
      ...(note.trim() ? { note } : {}),
    }).then(() => setNote(''));
  };
  return (
    <form className="form-row" onSubmit={submit} aria-label="Log an attempt">
      <label>
        Channel{' '}
        <select value={channel} onChange={(event) => setChannel(event.target.value)}>
          {CHANNELS.map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </label>
      <label>
        Outcome{' '}
        <select value={outcome} onChange={(event) => setOutcome(event.target.value)}>
          {OUTCOMES.map((value) => (
            <option key={value}>{value}</option>
          ))}
        </select>
      </label>
      <label>
        When{' '}
        <input type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} required />
      </label>
      <label>
        Note <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} />
      </label>
      <button type="submit">Log attempt</button>
    </form>
  );
}

function CompleteForm({ onSubmit }: { onSubmit: (body: object) => Promise<void> }) {
  const [outcome, setOutcome] = useState('');
  const [at, setAt] = useState(localNow());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onSubmit({ outcome: outcome.trim(), occurredAt: new Date(at).toISOString() });
  };
  return (
    <form className="form-row" onSubmit={submit} aria-label="Complete the task">
      <label>
        Outcome{' '}
        <input
          value={outcome}
          onChange={(event) => setOutcome(event.target.value)}
          required
          placeholder="e.g. visit-held"
        />
      </label>
      <label>
        Done at{' '}
        <input type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} required />
      </label>
      <button type="submit">Complete</button>
    </form>
  );
}

function NoteForm({ onSubmit }: { onSubmit: (text: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) void onSubmit(text).then(() => setText(''));
  };
  return (
    <form className="form-row" onSubmit={submit} aria-label="Add a note">
      <label className="grow">
        Note{' '}
        <textarea
          value={text}
          onChange={(event) => setText(event.target.value)}
          maxLength={2000}
          rows={2}
          required
        />
      </label>
      <button type="submit">Add note</button>
    </form>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What the api refused and why (its problem detail), for the person who asked. */
function ProblemNote({ error }: { error: Error }) {
  if (error instanceof HttpError) {
    const body = error.body as { detail?: string; title?: string } | undefined;
    return (
      <p className="error" role="alert">
        {body?.title ?? `HTTP ${error.status}`}: {body?.detail ?? error.message}
      </p>
    );
  }
  return <ErrorNote error={error} />;
}

/** Now, as a datetime-local input shows it (the browser's zone). */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** YYYYMMDD (HL7) → YYYY-MM-DD. */
function formatHl7Date(value: string): string {
  return /^\d{8}/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : value;
}
