import { useCallback, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ReadinessApi } from '@internal/plugin-readiness-common';
import { readinessApiRef } from '../../api';

/** The current entity's ref, lowercased as the backend stores it. */
export function useEntityRef(): string {
  const { entity } = useEntity();
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

/** Loads something from the Readiness API for the current entity; `retry` reloads it. */
export function useReadiness<T>(load: (api: ReadinessApi, entityRef: string) => Promise<T>, deps: unknown[] = []) {
  const api = useApi(readinessApiRef);
  const entityRef = useEntityRef();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const state = useAsyncRetry(() => load(api, entityRef), [api, entityRef, ...deps]);
  return { ...state, api, entityRef };
}

/** Runs an action, keeping whether it runs and its error for a dialog. */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>) {
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
