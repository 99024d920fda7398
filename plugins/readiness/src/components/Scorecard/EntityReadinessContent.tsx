import { lazy, Suspense, useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Grid,
  Tab,
  Tabs,
  Typography,
} from '@material-ui/core';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { TrackProblemsPanel } from '../common/TrackProblemsPanel';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  readinessAttestationCreatePermission,
  readinessRefreshPermission,
  readinessWaiverApprovePermission,
  readinessWaiverRequestPermission,
  readinessWaiverRevokePermission,
} from '@readiness-io/plugin-readiness-common';
import { useAction, useReadiness } from '../common/hooks';
import { localTime } from '../common/format';
import { GateGraph } from './GateGraph';
import { CheckAction, ChecksTable } from './ChecksTable';
import {
  AttestDialog,
  WaiverDecisionDialog,
  WaiverRequestDialog,
} from './CheckDialogs';
import {
  blockingPath,
  shipHeadline,
  targetGate,
  unblockSteps,
} from './gateGraphModel';

const HistoryChart = lazy(() => import('./HistoryChart'));

/**
 * The Readiness tab: per track, the gates as a dependency graph with their statuses (root causes outlined), the
 * checks of the selected gate (or of every gate) with evidence and badges, attest / waive actions where the
 * permission framework allows them, the history of checks passing, and a refresh button. It reloads every
 * `pollIntervalMs` (30 s) while visible, so evaluations the backend runs in the background show up by themselves.
 */
export function EntityReadinessContent(
  props: { pollIntervalMs?: number } = {},
) {
  const pollMs = props.pollIntervalMs ?? 30_000;
  const { value, loading, error, retry, api, entityRef } = useReadiness(
    (a, ref) => a.getScorecard(ref),
    [],
    { pollMs },
  );
  // The history changes only when a transition is stored: fetched again only then, not on every poll.
  const history = useReadiness(
    (a, ref) => a.getScorecardHistory(ref, { limit: 500 }),
    [value?.historyChangedAt],
  );
  const [trackIndex, setTrackIndex] = useState(0);
  const [gateId, setGateId] = useState<string | undefined>();
  const [action, setAction] = useState<CheckAction | undefined>();
  const permissions = {
    attest: usePermission({ permission: readinessAttestationCreatePermission })
      .allowed,
    requestWaiver: usePermission({
      permission: readinessWaiverRequestPermission,
    }).allowed,
    approveWaiver: usePermission({
      permission: readinessWaiverApprovePermission,
    }).allowed,
    revokeWaiver: usePermission({ permission: readinessWaiverRevokePermission })
      .allowed,
  };
  const canRefresh = usePermission({
    permission: readinessRefreshPermission,
  }).allowed;
  const refresh = useAction(async () => {
    await api.refreshScorecard(entityRef);
    retry();
  });

  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  const problems = value?.trackProblems ?? [];
  const problemsPanel = problems.length > 0 && (
    <TrackProblemsPanel
      problems={problems}
      title={n =>
        `${n} readiness track${
          n === 1 ? '' : 's'
        } could not be loaded: what they would say about this entity is unknown`
      }
    />
  );
  if (!value || value.tracks.length === 0) {
    if (problemsPanel) return problemsPanel;
    return (
      <EmptyState
        missing="info"
        title="No readiness track applies to this entity"
        description="Tracks select entities by kind, type, system, lifecycle or tags (appliesTo in the track's YAML)."
      />
    );
  }
  const { track, evaluation } =
    value.tracks[Math.min(trackIndex, value.tracks.length - 1)];
  const gateIds = gateId ? [gateId] : track.spec.gates.map(g => g.id);
  // The gate asked about (the one selected, else the last that applies) and the answer in words.
  const shipGate = targetGate(track, evaluation, gateId);
  const headline = shipHeadline(
    track,
    evaluation,
    shipGate,
    value.title ?? entityRef,
  );
  const steps = unblockSteps(track, evaluation, shipGate);
  const pathDrawn = blockingPath(track, evaluation, shipGate).edges.size > 0;
  const done = () => {
    setAction(undefined);
    retry();
  };
  const target = (a: { gateId: string; checkId: string; title: string }) => ({
    entityRef,
    trackId: track.metadata.name,
    ...a,
  });

  return (
    <Grid container spacing={3}>
      {problemsPanel && (
        <Grid item xs={12}>
          {problemsPanel}
        </Grid>
      )}
      <Grid item xs={12}>
        <Box display="flex" alignItems="center" justifyContent="space-between">
          {value.tracks.length > 1 ? (
            <Tabs
              value={trackIndex}
              onChange={(_e, i) => {
                setTrackIndex(i);
                setGateId(undefined);
              }}
              indicatorColor="primary"
            >
              {value.tracks.map(t => (
                <Tab
                  key={t.track.metadata.name}
                  label={t.track.metadata.title}
                />
              ))}
            </Tabs>
          ) : (
            <Typography variant="h5">{track.metadata.title}</Typography>
          )}
          <Box display="flex" alignItems="center" gridGap={16}>
            <Typography
              variant="body2"
              color="textSecondary"
              title={`Reloaded every ${Math.round(
                pollMs / 1000,
              )} s while this page is open`}
            >
              Evaluated {localTime(value.evaluatedAt)} · live
            </Typography>
            {canRefresh && (
              <Button
                variant="outlined"
                startIcon={<RefreshIcon />}
                disabled={refresh.running}
                onClick={() => refresh.run()}
              >
                Refresh
              </Button>
            )}
          </Box>
        </Box>
        {refresh.error && <ResponseErrorPanel error={refresh.error} />}
      </Grid>
      <Grid item xs={12}>
        <Card>
          <CardHeader
            title={<span data-testid="ship-headline">{headline}</span>}
            subheader={`${evaluation.summary.gatesPassed} of ${
              evaluation.summary.gatesTotal
            } gates passed.${
              pathDrawn
                ? ' The thick red path leads from the root cause to the gate asked about.'
                : ''
            }`}
          />
          <CardContent>
            {steps.length > 0 && (
              <Box mb={2}>
                <Typography variant="subtitle2">
                  What would unblock it, in order:
                </Typography>
                <ol data-testid="unblock-steps" style={{ marginTop: 4 }}>
                  {steps.map(step => (
                    <li key={`${step.gateId}/${step.checkId}`}>
                      <Typography variant="body2">
                        <b>{step.title}</b> ({step.gateTitle}) {step.todo}
                      </Typography>
                    </li>
                  ))}
                </ol>
              </Box>
            )}
            <GateGraph
              track={track}
              evaluation={evaluation}
              selected={gateId}
              target={shipGate}
              onSelect={id => setGateId(id === gateId ? undefined : id)}
            />
            <Typography variant="caption" color="textSecondary">
              Click a gate to ask about it and see only its checks; a yellow
              outline marks a gate holding a root cause.
            </Typography>
          </CardContent>
        </Card>
      </Grid>
      <Grid item xs={12}>
        <Card>
          <CardHeader
            title={
              gateId
                ? `Checks of ${
                    track.spec.gates.find(g => g.id === gateId)?.title
                  }`
                : 'Checks of every gate'
            }
            action={
              gateId && (
                <Button onClick={() => setGateId(undefined)}>
                  Show every gate
                </Button>
              )
            }
          />
          <CardContent>
            <ChecksTable
              track={track}
              evaluation={evaluation}
              waivers={value.waivers}
              gateIds={gateIds}
              permissions={permissions}
              onAction={setAction}
            />
          </CardContent>
        </Card>
      </Grid>
      <Grid item xs={12}>
        <Card>
          <CardHeader title="Checks passing over time" />
          <CardContent>
            {history.error && <ResponseErrorPanel error={history.error} />}
            {history.value && (
              <Suspense fallback={<Progress />}>
                <HistoryChart
                  transitions={history.value}
                  trackId={track.metadata.name}
                  total={track.spec.gates.reduce(
                    (n, g) => n + g.checks.length,
                    0,
                  )}
                />
              </Suspense>
            )}
          </CardContent>
        </Card>
      </Grid>
      {action?.kind === 'attest' && (
        <AttestDialog
          target={target(action)}
          validForDays={action.validForDays}
          onClose={() => setAction(undefined)}
          onDone={done}
        />
      )}
      {action?.kind === 'request-waiver' && (
        <WaiverRequestDialog
          target={target(action)}
          onClose={() => setAction(undefined)}
          onDone={done}
        />
      )}
      {(action?.kind === 'approve' || action?.kind === 'revoke') && (
        <WaiverDecisionDialog
          action={action.kind}
          waiverId={action.waiver.id}
          title={action.title}
          reason={action.waiver.reason}
          onClose={() => setAction(undefined)}
          onDone={done}
        />
      )}
    </Grid>
  );
}
