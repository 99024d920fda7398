import { errorWords } from '../common/format';
import { lazy, Suspense, useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Grid,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  ContentHeader,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  CAMPAIGN_STATE_WORDS,
  CAMPAIGN_STATUS_WORDS,
  CampaignEntity,
  CampaignTeam,
  formatDate,
  readinessCampaignNudgePermission,
  readinessWaiverApprovePermission,
  readinessWaiverRequestPermission,
} from '@readiness-io/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { StatusChip } from '../common/StatusChip';
import { EntityLink } from '../common/EntityLink';
import { useAction } from '../common/hooks';
import { useDisplayNames } from '../common/useDisplayNames';
import { WaiverDecisionDialog } from '../Scorecard/CheckDialogs';
import { ProgressBar } from './CampaignsList';
import { ExemptionDialog } from './ExemptionDialog';

const BurnUpChart = lazy(() => import('./BurnUpChart'));
const day = (d: string) => formatDate(`${d}T12:00:00Z`);

type Action =
  | { kind: 'exempt'; entity: CampaignEntity }
  | { kind: 'approve'; entity: CampaignEntity };

/**
 * One campaign: what it asks and by when, progress and forecast, the burn-up, the blockers behind the most entities,
 * each team (at-risk teams first) and each entity with what it still needs; the owner's nudge, exemptions.
 */
export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const api = useApi(readinessApiRef);
  const detail = useAsyncRetry(
    () => api.getCampaign(campaignId),
    [api, campaignId],
  );
  const names = useDisplayNames(
    detail.value
      ? [
          detail.value.campaign.owner,
          ...detail.value.teams.map(t => t.owner),
          ...detail.value.entities.flatMap(e =>
            e.exemption
              ? [e.exemption.requestedBy, e.exemption.approvedBy ?? '']
              : [],
          ),
        ].filter(Boolean)
      : [],
  );
  const identityApi = useApi(identityApiRef);
  const ownership = useAsync(
    async () => (await identityApi.getBackstageIdentity()).ownershipEntityRefs,
    [identityApi],
  );
  const nudgeAllowed = usePermission({
    permission: readinessCampaignNudgePermission,
  }).allowed;
  // Only the campaign's owner may remind the teams behind (the backend says so too).
  const isOwner = Boolean(
    detail.value &&
      ownership.value?.some(
        r =>
          r.toLocaleLowerCase('en-US') ===
          detail.value!.campaign.owner.toLocaleLowerCase('en-US'),
      ),
  );
  const canNudge = nudgeAllowed && isOwner;
  const canExempt = usePermission({
    permission: readinessWaiverRequestPermission,
  }).allowed;
  const canApprove = usePermission({
    permission: readinessWaiverApprovePermission,
  }).allowed;
  const [action, setAction] = useState<Action | undefined>();
  const [nudged, setNudged] = useState<string | undefined>();
  const nudge = useAction(async () => {
    const reminder = await api.nudgeCampaign(campaignId);
    setNudged(
      reminder.recipients.length === 0
        ? 'Nobody to remind: every entity is done or exempt.'
        : `Reminded ${reminder.recipients
            .map(r => names(r))
            .join(', ')} about ${reminder.entities} ${
            reminder.entities === 1 ? 'entity' : 'entities'
          } not done.`,
    );
  });

  if (detail.error) return <ResponseErrorPanel error={detail.error} />;
  if (!detail.value) return <Progress />;
  const { campaign, progress, forecast, teams, entities, topBlockers } =
    detail.value;
  const done = () => {
    setAction(undefined);
    detail.retry();
  };

  const teamColumns: TableColumn<CampaignTeam>[] = [
    {
      title: 'Team',
      field: 'owner',
      highlight: true,
      render: t => <EntityLink entityRef={t.owner} />,
    },
    {
      title: 'Progress',
      sorting: false,
      render: t => <ProgressBar progress={t.progress} />,
    },
    { title: 'Not done', field: 'progress.notDone', type: 'numeric' },
    { title: 'Not measured', field: 'progress.notMeasured', type: 'numeric' },
    {
      title: 'Own trend',
      field: 'forecast.status',
      render: t => (
        <>
          <StatusChip status={t.forecast.status} />
          <Typography variant="body2">{t.forecast.summary}</Typography>
        </>
      ),
    },
  ];

  const entityColumns: TableColumn<CampaignEntity>[] = [
    {
      title: 'Entity',
      field: 'entityRef',
      highlight: true,
      render: e => <EntityLink entityRef={e.entityRef} title={e.title} />,
    },
    {
      title: 'Owner',
      field: 'owner',
      render: e => (e.owner ? <EntityLink entityRef={e.owner} /> : '—'),
    },
    {
      title: 'State',
      field: 'state',
      render: e => (
        <StatusChip status={e.state} label={CAMPAIGN_STATE_WORDS[e.state]} />
      ),
    },
    {
      title: 'What it still needs',
      sorting: false,
      cellStyle: { minWidth: 420 },
      render: e => (
        <Box data-testid="campaign-needs">
          {e.needs.map(n => (
            <Typography key={n} variant="body2">
              {n}
            </Typography>
          ))}
          {e.exemption && (
            <Typography variant="body2" color="textSecondary">
              {e.exemption.approvedBy
                ? `Exempt until ${formatDate(e.exemption.expiresAt)}: ${
                    e.exemption.reason
                  } (approved by ${names(e.exemption.approvedBy)}).`
                : `Exemption asked by ${names(
                    e.exemption.requestedBy,
                  )}, waiting for approval: ${e.exemption.reason}`}
            </Typography>
          )}
        </Box>
      ),
    },
    {
      title: '',
      sorting: false,
      render: e => {
        if (e.state === 'exempt' || e.state === 'done') return null;
        if (e.exemption && canApprove)
          return (
            <Button
              size="small"
              onClick={() => setAction({ kind: 'approve', entity: e })}
            >
              Approve exemption
            </Button>
          );
        if (!e.exemption && canExempt)
          return (
            <Button
              size="small"
              onClick={() => setAction({ kind: 'exempt', entity: e })}
            >
              Exempt…
            </Button>
          );
        return null;
      },
    },
  ];

  return (
    <>
      <ContentHeader title={campaign.title}>
        {canNudge && campaign.status === 'in-progress' && (
          <Button
            variant="contained"
            color="primary"
            disabled={nudge.running}
            onClick={() => nudge.run()}
          >
            Remind the teams behind
          </Button>
        )}
      </ContentHeader>
      <Box mb={1}>
        <Link to="..">All campaigns</Link>
      </Box>
      {nudged && (
        <Box mb={2}>
          <Alert severity="success">{nudged}</Alert>
        </Box>
      )}
      {nudge.error && (
        <Box mb={2}>
          <Alert severity="warning">{errorWords(nudge.error)}</Alert>
        </Box>
      )}
      <Grid container spacing={3}>
        <Grid item xs={12} md={5}>
          <Card>
            <CardHeader
              title={`${progress.done + progress.exempt} of ${
                progress.total
              } done`}
              subheader={`${CAMPAIGN_STATUS_WORDS[campaign.status]}: ${day(
                campaign.startDate,
              )} to ${day(campaign.targetDate)}`}
            />
            <CardContent>
              <Typography paragraph>
                Goal: {campaign.target.title}.
                {campaign.description ? ` ${campaign.description}` : ''}
              </Typography>
              <Typography paragraph>
                Run by <EntityLink entityRef={campaign.owner} />.
                {campaign.documentation && (
                  <>
                    {' '}
                    <Link to={campaign.documentation}>About this campaign</Link>
                  </>
                )}
              </Typography>
              <Box display="flex" alignItems="center" mb={1}>
                <StatusChip status={forecast.status} />
                <Box ml={1}>
                  <Typography data-testid="campaign-forecast">
                    {forecast.summary}
                  </Typography>
                </Box>
              </Box>
              <ProgressBar progress={progress} />
              <Typography variant="body2" color="textSecondary">
                {progress.notDone} not done, {progress.notMeasured} not measured
                yet, {progress.exempt} exempt.
              </Typography>
              {campaign.milestones.length > 0 && (
                <List dense>
                  {campaign.milestones.map(m => (
                    <ListItem key={m.date} disableGutters>
                      <ListItemText
                        primary={m.title}
                        secondary={`${day(m.date)}${
                          m.percent !== undefined ? `: ${m.percent} % done` : ''
                        }`}
                      />
                    </ListItem>
                  ))}
                </List>
              )}
            </CardContent>
          </Card>
        </Grid>
        <Grid item xs={12} md={7}>
          <Card>
            <CardHeader title="Progress over time" />
            <CardContent>
              <Suspense fallback={<Progress />}>
                <BurnUpChart detail={detail.value} />
              </Suspense>
            </CardContent>
          </Card>
        </Grid>
        <Grid item xs={12}>
          <Card>
            <CardHeader
              title="What holds the most back"
              subheader="Each blocker and how many entities not done it holds back"
            />
            <CardContent>
              {topBlockers.length === 0 ? (
                <Typography>Nothing: no entity is held back.</Typography>
              ) : (
                <List dense>
                  {topBlockers.map(b => (
                    <ListItem
                      key={b.summary}
                      disableGutters
                      data-testid="campaign-blocker"
                    >
                      <ListItemText
                        primary={b.summary}
                        secondary={`${b.entities} ${
                          b.entities === 1 ? 'entity' : 'entities'
                        }`}
                      />
                    </ListItem>
                  ))}
                </List>
              )}
            </CardContent>
          </Card>
        </Grid>
        <Grid item xs={12}>
          <Table<CampaignTeam>
            title="By team"
            subtitle="A team whose own trend misses the target date is at risk"
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={teamColumns}
            data={teams.map(t => ({ ...t, id: t.owner }))}
          />
        </Grid>
        <Grid item xs={12}>
          <Table<CampaignEntity>
            title={`${entities.length} ${
              entities.length === 1 ? 'entity' : 'entities'
            } in scope`}
            options={{
              paging: entities.length > 50,
              pageSize: 50,
              search: true,
              padding: 'dense',
            }}
            columns={entityColumns}
            data={entities.map(e => ({ ...e, id: e.entityRef }))}
          />
        </Grid>
      </Grid>
      {action?.kind === 'exempt' && (
        <ExemptionDialog
          campaignId={campaign.id}
          campaignTitle={campaign.title}
          entityRef={action.entity.entityRef}
          entityTitle={action.entity.title ?? action.entity.entityRef}
          onClose={() => setAction(undefined)}
          onDone={done}
        />
      )}
      {action?.kind === 'approve' && action.entity.exemption && (
        <WaiverDecisionDialog
          action="approve"
          waiverId={action.entity.exemption.id}
          title={`${action.entity.title ?? action.entity.entityRef} in ${
            campaign.title
          }`}
          reason={action.entity.exemption.reason}
          onClose={() => setAction(undefined)}
          onDone={done}
        />
      )}
    </>
  );
}
