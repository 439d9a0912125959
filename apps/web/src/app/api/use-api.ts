import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "./http.ts";

export interface ApiData<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** Loads again; the current data stays on screen meanwhile. */
  reload: () => Promise<void>;
}

/**
 * Loads `path` from the API (null: nothing to load yet) and again on `reload`.
 * `pollMs` keeps it fresh while the screen is open (status that changes by itself).
 */
export function useApiData<T>(path: string | null, options: { pollMs?: number } = {}): ApiData<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const latest = useRef(0);

  const load = useCallback(async () => {
    if (path === null) return;
    const call = ++latest.current;
    setLoading(true);
    try {
      const value = await api<T>(path);
      if (call === latest.current) {
        setData(value);
        setError(null);
      }
    } catch (caught) {
      if (call === latest.current) setError(caught);
    } finally {
      if (call === latest.current) setLoading(false);
    }
  }, [path]);

  useEffect(() => {
    setData(null);
    void load();
    if (!options.pollMs) return;
    const timer = window.setInterval(() => void load(), options.pollMs);
    return () => window.clearInterval(timer);
  }, [load, options.pollMs]);

  return { data, error, loading, reload: load };
}

export interface Action<A extends unknown[], R> {
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  error: unknown;
  clearError: () => void;
}

/** A button's work (a POST, a DELETE): pending while it runs, its error kept for the screen to show. */
export function useAction<A extends unknown[], R>(work: (...args: A) => Promise<R>): Action<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (...args: A) => {
      setPending(true);
      setError(null);
      try {
        return await work(...args);
      } catch (caught) {
        setError(caught);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [work],
  );
  return { run, pending, error, clearError: () => setError(null) };
}
