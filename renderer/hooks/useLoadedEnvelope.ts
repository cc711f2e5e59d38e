import { useEffect, useState } from 'react';
import type { Envelope } from '../../shared/contract';

export interface LoadedEnvelope<T> {
  /** The latest answer, kept while a refresh runs (null before the first one). */
  envelope: Envelope<T> | null;
  /** True while the answer shown is not the one for the current `refreshKey` yet. */
  isRefreshing: boolean;
  retry(): void;
}

/**
 * Runs `load` whenever `refreshKey` changes (or on `retry`) and keeps the newest answer.
 * `load` must be stable (useCallback); an answer arriving after a newer load started is dropped.
 */
export function useLoadedEnvelope<T>(load: () => Promise<Envelope<T>>, refreshKey: string): LoadedEnvelope<T> {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<{ key: string; envelope: Envelope<T> } | null>(null);
  const key = `${refreshKey}#${attempt}`;

  useEffect(() => {
    let isCurrent = true;
    load().then(
      (envelope) => {
        if (isCurrent) setLoaded({ key, envelope });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (isCurrent) setLoaded({ key, envelope: { ok: false, error: { code: 'internal', message } } });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [load, key]);

  return {
    envelope: loaded?.envelope ?? null,
    isRefreshing: loaded?.key !== key,
    retry: () => setAttempt((n) => n + 1),
  };
}
