import { useCallback, useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  data: T | undefined;
  error: Error | undefined;
  updatedAt: Date | undefined;
  reload: () => void;
}

/**
 * Calls `load` now, every `seconds` and when `key` changes; a tab brought back to the front
 * reloads at once. The last good answer stays on screen while a later call fails.
 */
export function usePoll<T>(key: string, load: () => Promise<T>, seconds: number): Polled<T> {
  const [state, setState] = useState<Omit<Polled<T>, 'reload'>>({
    data: undefined,
    error: undefined,
    updatedAt: undefined,
  });
  const loader = useRef(load);
  loader.current = load;
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    loader.current().then(
      (data) => {
        if (mine === generation.current) setState({ data, error: undefined, updatedAt: new Date() });
      },
      (error: unknown) => {
        if (mine === generation.current)
          setState((old) => ({ ...old, error: error instanceof Error ? error : new Error(String(error)) }));
      },
    );
  }, []);

  useEffect(() => {
    setState({ data: undefined, error: undefined, updatedAt: undefined });
    reload();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, seconds * 1000);
    const onVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [key, seconds, reload]);

  return { ...state, reload };
}
