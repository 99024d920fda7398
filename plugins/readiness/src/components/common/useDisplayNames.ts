import { useCallback } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useApiHolder } from '@backstage/core-plugin-api';
import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import { refDisplayName } from '@readiness-io/plugin-readiness-common';

/**
 * Display names (a user's profile name, an entity's title) for refs, from the catalog's entity presentation API,
 * as the `nameOf` the verdict formatter takes. Until they have loaded, or for refs the catalog does not know,
 * the ref's name stands in (`li.wei`) — never the whole ref.
 */
export function useDisplayNames(
  refs: Array<string | undefined>,
): (ref: string) => string {
  const presentation = useApiHolder().get(entityPresentationApiRef);
  const unique = [...new Set(refs.filter((r): r is string => Boolean(r)))];
  const key = unique.sort().join('\n');
  const { value } = useAsync(async () => {
    if (!presentation || unique.length === 0) return new Map<string, string>();
    const entries = await Promise.all(
      unique.map(async ref => {
        try {
          const snapshot = await presentation.forEntity(ref).promise;
          return [ref, snapshot.primaryTitle] as const;
        } catch {
          return [ref, refDisplayName(ref)] as const;
        }
      }),
    );
    return new Map(entries);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [presentation, key]);
  return useCallback(
    (ref: string) => value?.get(ref) ?? refDisplayName(ref),
    [value],
  );
}
