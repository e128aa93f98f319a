import { useEffect, useState, type MouseEvent } from 'react';

/** The console's own routes, under /console; the api answers index.html for each. */
export type Route =
  | { page: 'overview' }
  | { page: 'board' }
  | { page: 'queues' }
  | { page: 'transition'; id: string }
  | { page: 'tasks' }
  | { page: 'task'; id: string }
  | { page: 'callback' }
  | { page: 'not-found' };

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/^\/console/, '').replace(/\/+$/, '') || '/';
  if (path === '/') return { page: 'overview' };
  if (path === '/board') return { page: 'board' };
  if (path === '/queues') return { page: 'queues' };
  if (path === '/callback') return { page: 'callback' };
  if (path === '/tasks') return { page: 'tasks' };
  const task = /^\/tasks\/([0-9a-f-]{36})$/.exec(path);
  if (task) return { page: 'task', id: task[1] };
  const transition = /^\/transitions\/(.+)$/.exec(path);
  if (transition) return { page: 'transition', id: decodeURIComponent(transition[1]) };
  return { page: 'not-found' };
}

export const transitionHref = (id: string) => `/console/transitions/${encodeURIComponent(id)}`;
export const taskHref = (id: string) => `/console/tasks/${id}`;

export function navigate(href: string): void {
  history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A real link (<a href>) that changes page without a reload; a modified click opens a tab as usual. */
export function onLinkClick(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const href = event.currentTarget.getAttribute('href');
  if (!href?.startsWith('/console')) return;
  event.preventDefault();
  navigate(href);
}

export function useLocation(): { pathname: string; search: string } {
  const read = () => ({ pathname: window.location.pathname, search: window.location.search });
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const update = () => setLocation(read());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return location;
}
