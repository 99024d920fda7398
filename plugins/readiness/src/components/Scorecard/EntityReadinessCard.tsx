import { Box, LinearProgress, Typography } from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useReadiness } from '../common/hooks';
import { StatusChip } from '../common/StatusChip';
import { describeBlocker } from './describe';
import { EntityCampaigns } from '../Campaigns/EntityCampaigns';

const useStyles = makeStyles(theme => ({
  track: { '&:not(:last-child)': { marginBottom: theme.spacing(3) } },
  progress: { height: 8, borderRadius: 4, margin: theme.spacing(1, 0) },
  cause: { marginTop: theme.spacing(1) },
}));

/**
 * Per track: how many gates passed, the next gate, and the root cause blocking it, in one sentence
 * ("Blocked by Backend verified: OIDC login test failing for 3 days, evidence: CI run #1412"). Reads the
 * scorecard's compact form. Below, the campaigns the entity is part of.
 */
export function EntityReadinessCard(props: { pollIntervalMs?: number } = {}) {
  const classes = useStyles();
  const { value, loading, error } = useReadiness(
    (api, ref) => api.getScorecardSummary(ref),
    [],
    { pollMs: props.pollIntervalMs ?? 30_000 },
  );
  if (loading && !value) {
    return (
      <InfoCard title="Readiness">
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title="Readiness">
        <ResponseErrorPanel error={error ?? new Error('No scorecard')} />
      </InfoCard>
    );
  }
  if (value.tracks.length === 0) {
    return (
      <InfoCard title="Readiness">
        <EmptyState
          missing="info"
          title="No readiness track applies to this entity"
          description="Tracks select entities by kind, type, system, lifecycle or tags (appliesTo in the track's YAML)."
        />
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title="Readiness"
      subheader="Can this ship to production, and if not, what blocks it?"
    >
      {value.tracks.map(track => {
        const { gatesPassed, gatesTotal, nextGate, blockers } = track;
        const next = track.gates.find(g => g.gateId === nextGate);
        const first = blockers[0] ? describeBlocker(blockers[0]) : undefined;
        return (
          <Box
            key={track.trackId}
            className={classes.track}
            data-testid={`readiness-track-${track.trackId}`}
          >
            <Box
              display="flex"
              justifyContent="space-between"
              alignItems="center"
            >
              <Typography variant="subtitle1">
                <b>{track.title}</b>
              </Typography>
              <Typography variant="body2">
                {gatesPassed} of {gatesTotal} gates passed
              </Typography>
            </Box>
            <LinearProgress
              className={classes.progress}
              variant="determinate"
              value={(100 * gatesPassed) / Math.max(1, gatesTotal)}
            />
            {next ? (
              <>
                <Typography variant="body2">
                  Next gate: <b>{next.title}</b>{' '}
                  <StatusChip status={next.status} />
                </Typography>
                {first && (
                  <Typography
                    variant="body2"
                    className={classes.cause}
                    data-testid="readiness-root-cause"
                  >
                    Blocked by <b>{first.gate}</b>: {first.text}
                    {first.evidence && (
                      <>
                        , evidence:{' '}
                        <Link to={first.evidence.url}>
                          {first.evidence.label}
                        </Link>
                      </>
                    )}
                    {blockers.length > 1 &&
                      ` (and ${blockers.length - 1} more root cause${
                        blockers.length > 2 ? 's' : ''
                      })`}
                  </Typography>
                )}
              </>
            ) : (
              <Typography variant="body2">Every gate has passed.</Typography>
            )}
          </Box>
        );
      })}
      <EntityCampaigns pollIntervalMs={props.pollIntervalMs} />
    </InfoCard>
  );
}
