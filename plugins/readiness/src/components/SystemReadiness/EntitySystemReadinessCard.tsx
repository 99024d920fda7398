import { Box, Typography } from '@material-ui/core';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { joinWords } from '@readiness-io/plugin-readiness-common';
import { useReadiness } from '../common/hooks';
import { StatusChip } from '../common/StatusChip';

/**
 * A System's readiness at a glance, for its Overview tab: per track, how many of its entities have passed every
 * gate, the gate most of them wait at, and the checks at the bottom of the chain — with a link to the Readiness tab.
 */
export function EntitySystemReadinessCard() {
  const { value, loading, error } = useReadiness((api, ref) =>
    api.getSystemReadiness(ref),
  );
  if (loading && !value)
    return (
      <InfoCard title="Readiness">
        <Progress />
      </InfoCard>
    );
  if (error || !value)
    return (
      <InfoCard title="Readiness">
        <ResponseErrorPanel error={error ?? new Error('No readiness')} />
      </InfoCard>
    );
  return (
    <InfoCard
      title="Readiness"
      subheader="Can the system ship, and if not, what blocks it?"
      deepLink={{ title: 'Gate by gate', link: 'readiness' }}
    >
      {value.tracks.length === 0 && (
        <Typography>
          No readiness track applies to this system's components.
        </Typography>
      )}
      {value.tracks.map(track => {
        const rows = value.entities
          .map(e => e.tracks.find(t => t.trackId === track.trackId))
          .filter((t): t is NonNullable<typeof t> => Boolean(t));
        const ready = rows.filter(r => !r.nextGate).length;
        // The gate most entities wait at, and what blocks it at the bottom of the chain.
        const waits = new Map<string, number>();
        for (const r of rows)
          if (r.nextGate)
            waits.set(r.nextGate, (waits.get(r.nextGate) ?? 0) + 1);
        const [gateId] =
          [...waits.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
        const gate = track.gates.find(g => g.id === gateId);
        const causes = value.rootCauses
          .filter(c => c.trackId === track.trackId)
          .slice(0, 3)
          .map(c => c.title);
        return (
          <Box
            key={track.trackId}
            mb={2}
            data-testid={`system-readiness-${track.trackId}`}
          >
            <Box display="flex" alignItems="center" gridGap={8}>
              <Typography variant="subtitle1">
                <b>{track.title}</b>
              </Typography>
              <StatusChip
                status={
                  ready === rows.length ? 'passed' : gate?.status ?? 'unknown'
                }
                label={`${ready} of ${rows.length} ready`}
              />
            </Box>
            {gate && (
              <Typography variant="body2">
                {waits.get(gate.id) === rows.length
                  ? 'All wait'
                  : `${waits.get(gate.id)} wait`}{' '}
                at {gate.title}
                {causes.length > 0 ? `, blocked by ${joinWords(causes)}.` : '.'}
              </Typography>
            )}
          </Box>
        );
      })}
    </InfoCard>
  );
}
