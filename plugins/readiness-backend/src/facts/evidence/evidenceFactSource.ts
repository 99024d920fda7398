import { entityRefKey } from '@readiness-io/plugin-readiness-common';
import { ReadinessFactSource } from '@readiness-io/plugin-readiness-node';
import { EvidenceStore } from './EvidenceStore';

/** The built-in `evidence.*` fact source: the latest evidence CI pushed, per type. */
export function createEvidenceFactSource(
  store: EvidenceStore,
): ReadinessFactSource {
  return {
    id: 'evidence',
    factTypes: [
      {
        type: 'evidence.*',
        description:
          'Evidence pushed by CI (POST /evidence): test results, coverage, scans, evaluation scores',
      },
    ],
    async getFacts({ entities, types }) {
      const refs = entities.map(e => entityRefKey(e));
      return store.latestFacts(
        refs,
        types?.filter(t => t.startsWith('evidence.')),
      );
    },
  };
}
