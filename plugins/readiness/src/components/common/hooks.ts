import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  entityRefKey,
  ReadinessApi,
} from '@readiness-io/plugin-readiness-common';
import { readinessApiRef } from '../../api';

/** The current entity's ref, lowercased as the backend stores it. */
export function useEntityRef(): string {
  const { entity } = useEntity();
  return entityRefKey(entity);
}

/**
 * Loads something from the Readiness API for the current entity; `retry` reloads it. With `pollMs`, it reloads on
 * that interval while the page is visible, keeping the last value on screen meanwhile (live updates after the
 * backend re-evaluates in the background).
 */
export function useReadiness<T>(
  load: (api: ReadinessApi, entityRef: string) => Promise<T>,
  deps: unknown[] = [],
  options: { pollMs?: number } = {},
) {
  const api = useApi(readinessApiRef);
  const entityRef = useEntityRef();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useAsyncRetry(
    () => load(api, entityRef),
    [api, entityRef, ...deps],
  );
  useInterval(
    () => {
      if (
        typeof document === 'undefined' ||
        document.visibilityState === 'visible'
      )
        state.retry();
    },
    options.pollMs && !state.loading ? options.pollMs : null,
  );
  return { ...state, api, entityRef };
}

/** Runs an action, keeping whether it runs and its error for a dialog. */
export function useAction<A extends unknown[], T>(
  action: (...args: A) => Promise<T>,
) {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const run = useCallback(
    async (...args: A): Promise<T | undefined> => {
      setRunning(true);
      setError(undefined);
      try {
        return await action(...args);
      } catch (e) {
        setError(e as Error);
        return undefined;
      } finally {
        setRunning(false);
      }
    },
    [action],
  );
  return { run, running, error, reset: () => setError(undefined) };
}
