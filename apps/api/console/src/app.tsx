import { useEffect, useState, type FormEvent } from 'react';
import { useConsole } from './context';
import { navigate, onLinkClick, parseRoute, transitionHref, useLocation, type Route } from './router';
import { Board } from './views/board';
import { Overview } from './views/overview';
import { Queues } from './views/queues';
import { TaskPage } from './views/task';
import { TransitionPage } from './views/transition';
import { WorklistPage } from './views/worklist';

const OPS = 'ops';
const COORDINATOR = 'care-coordinator';
const PAGES = [
  { href: '/console/tasks', page: 'tasks', label: 'Worklist', role: COORDINATOR },
  { href: '/console/', page: 'overview', label: 'Overview', role: OPS },
  { href: '/console/board', page: 'board', label: 'Breach-risk board', role: OPS },
  { href: '/console/queues', page: 'queues', label: 'Quarantine & dead letters', role: OPS },
] as const;

export function App() {
  const { auth } = useConsole();
  const location = useLocation();
  const route = parseRoute(location.pathname);
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  const [who, setWho] = useState<string | null>(null);
  const [roles, setRoles] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (route.page === 'callback') {
      auth.completeSignIn().then(
        (returnTo) => {
          history.replaceState(null, '', returnTo);
          window.dispatchEvent(new PopStateEvent('popstate'));
        },
        (error: unknown) => setProblem(`Sign-in failed: ${(error as Error).message}`),
      );
      return;
    }
    void auth.token().then((token) => setSignedIn(!!token));
    void auth.subject().then(setWho);
    void auth.roles().then(setRoles);
  }, [auth, route.page]);

  useEffect(() => {
    const title =
      PAGES.find((page) => page.page === route.page)?.label ??
      (route.page === 'transition' ? route.id : route.page === 'task' ? 'Task' : 'Console');
    document.title = `${title} — care transitions`;
  }, [route]);

  if (route.page === 'callback') return <main className="centered">{problem ?? 'Signing in…'}</main>;
  if (signedIn === null) return <main className="centered">Loading…</main>;
  if (!signedIn) {
    return (
      <main className="centered">
        <h1>Care transitions — console</h1>
        <p>Sign in with your hospital account (ops staff and care coordinators).</p>
        <button type="button" onClick={() => void auth.signIn(location.pathname + location.search)}>
          Sign in
        </button>
      </main>
    );
  }
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <p className="brand">Care transitions</p>
        <nav aria-label="Console">
          <ul>
            {PAGES.filter((page) => !roles || roles.includes(page.role)).map((page) => (
              <li key={page.page}>
                <a
                  href={page.href}
                  onClick={onLinkClick}
                  aria-current={route.page === page.page ? 'page' : undefined}
                >
                  {page.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <FindTransition />
        <p className="who">
          {auth.usingDevToken && <span className="dev">DEVELOPMENT TOKEN</span>} {who}{' '}
          <button type="button" className="secondary" onClick={() => void auth.signOut()}>
            Sign out
          </button>
        </p>
      </header>
      <main id="main" tabIndex={-1}>
        <h1 className="visually-hidden">
          {PAGES.find((page) => page.page === route.page)?.label ??
            (route.page === 'task' ? 'Task' : 'Transition')}
        </h1>
        <Page route={route} search={location.search} coordinatorOnly={!!roles && !roles.includes(OPS)} />
      </main>
    </>
  );
}

function Page({
  route,
  search,
  coordinatorOnly,
}: {
  route: Route;
  search: string;
  coordinatorOnly: boolean;
}) {
  switch (route.page) {
    case 'overview':
      // a coordinator's start page is the worklist
      if (coordinatorOnly) return <WorklistPage search="" />;
      return <Overview facility={new URLSearchParams(search).get('facility') ?? undefined} />;
    case 'board':
      return <Board search={search} />;
    case 'queues':
      return <Queues />;
    case 'transition':
      return <TransitionPage id={route.id} />;
    case 'tasks':
      return <WorklistPage search={search} />;
    case 'task':
      return <TaskPage id={route.id} />;
    case 'callback':
    case 'not-found':
      return (
        <p>
          No such page.{' '}
          <a href="/console/" onClick={onLinkClick}>
            Back to the overview
          </a>
        </p>
      );
  }
}

function FindTransition() {
  const [id, setId] = useState('');
  const go = (event: FormEvent) => {
    event.preventDefault();
    if (id.trim()) navigate(transitionHref(id.trim()));
  };
  return (
    <form className="find" onSubmit={go} role="search">
      <label>
        <span className="visually-hidden">Transition id</span>
        <input value={id} onChange={(event) => setId(event.target.value)} placeholder="Transition id" />
      </label>
      <button type="submit">Open</button>
    </form>
  );
}
