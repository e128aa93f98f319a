import type { ReactNode } from 'react';
import { HttpError, SignInNeeded } from './api';
import { clockTime } from './format';
import type { Polled } from './poll';
import { onLinkClick, transitionHref } from './router';

/** A section's heading, when it was last refreshed and why it could not be, if it could not. */
export function Panel(props: {
  title: string;
  polled?: Polled<unknown>;
  id?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { polled } = props;
  const headingId = `${props.id ?? props.title.replace(/\W+/g, '-').toLowerCase()}-heading`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <header className="panel-head">
        <h2 id={headingId}>{props.title}</h2>
        {polled?.updatedAt && (
          <span className="updated" aria-live="off">
            updated {clockTime(polled.updatedAt)}
          </span>
        )}
        {props.actions}
      </header>
      {polled?.error && <ErrorNote error={polled.error} />}
      {polled && !polled.data && !polled.error ? <p className="muted">Loading…</p> : props.children}
    </section>
  );
}

export function ErrorNote({ error }: { error: Error }) {
  const text =
    error instanceof SignInNeeded
      ? 'Signed out: sign in again to refresh.'
      : error instanceof HttpError && error.status === 403
        ? 'Your account lacks the ops role.'
        : `Could not refresh: ${error.message}`;
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}

export function TransitionLink({ id }: { id: string }) {
  return (
    <a className="mono" href={transitionHref(id)} onClick={onLinkClick}>
      {id}
    </a>
  );
}

export function Badge({ tone, children }: { tone: 'bad' | 'warn' | 'ok' | 'info'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** An in-console link: a real <a href>, opened without a reload. */
export function Link(props: { href: string; className?: string; children: ReactNode }) {
  return (
    <a href={props.href} className={props.className} onClick={onLinkClick}>
      {props.children}
    </a>
  );
}
