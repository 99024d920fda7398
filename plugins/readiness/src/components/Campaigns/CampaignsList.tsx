import { Box, LinearProgress, Typography } from '@material-ui/core';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  ContentHeader,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  CAMPAIGN_STATUS_WORDS,
  CampaignSummary,
  formatDate,
} from '@readiness-io/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { StatusChip } from '../common/StatusChip';
import { TrackProblemsPanel } from '../common/TrackProblemsPanel';
import { EntityLink } from '../common/EntityLink';
import { localTime } from '../common/format';

const day = (d: string) => formatDate(`${d}T12:00:00Z`);

/** Done (or exempt) of those in scope, as a bar and in words. */
export function ProgressBar(props: { progress: CampaignSummary['progress'] }) {
  const { total, done, exempt } = props.progress;
  const value = total === 0 ? 0 : ((done + exempt) / total) * 100;
  return (
    <Box minWidth={160}>
      <LinearProgress
        variant="determinate"
        value={value}
        aria-label={`${done + exempt} of ${total} done`}
      />
      <Typography variant="caption" component="p">
        {done + exempt} of {total} done
        {exempt ? ` (${exempt} exempt)` : ''}
      </Typography>
    </Box>
  );
}

const columns: TableColumn<CampaignSummary>[] = [
  {
    title: 'Campaign',
    highlight: true,
    field: 'campaign.title',
    render: c => (
      <>
        <Link to={c.campaign.id}>{c.campaign.title}</Link>
        <Typography variant="body2" color="textSecondary">
          {c.campaign.target.title}
        </Typography>
      </>
    ),
  },
  {
    title: 'Status',
    field: 'campaign.status',
    render: c => CAMPAIGN_STATUS_WORDS[c.campaign.status],
  },
  {
    title: 'Owner',
    field: 'campaign.owner',
    render: c => <EntityLink entityRef={c.campaign.owner} />,
  },
  {
    title: 'Target date',
    field: 'campaign.targetDate',
    render: c => day(c.campaign.targetDate),
  },
  {
    title: 'Progress',
    sorting: false,
    render: c => (
      <>
        <ProgressBar progress={c.progress} />
        {c.progressAsOf && (
          <Typography variant="caption" color="textSecondary">
            as of {localTime(c.progressAsOf)}
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Forecast',
    field: 'forecast.status',
    render: c => (
      <>
        <StatusChip status={c.forecast.status} />
        <Typography variant="body2">{c.forecast.summary}</Typography>
      </>
    ),
  },
];

/** Every campaign: its status, progress and forecast; the campaign files that could not be loaded. */
export function CampaignsList() {
  const api = useApi(readinessApiRef);
  const list = useAsyncRetry(() => api.listCampaigns(), [api]);
  return (
    <>
      <ContentHeader title="Campaigns" />
      {list.error && <ResponseErrorPanel error={list.error} />}
      {list.loading && !list.value && <Progress />}
      {list.value && list.value.problems.length > 0 && (
        <Box mb={2}>
          <TrackProblemsPanel
            problems={list.value.problems}
            title={n =>
              `${n} campaign file${n === 1 ? '' : 's'} could not be loaded`
            }
          />
        </Box>
      )}
      {list.value && (
        <Table<CampaignSummary>
          title={`${list.value.items.length} campaign${
            list.value.items.length === 1 ? '' : 's'
          }`}
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={columns}
          data={list.value.items.map(c => ({ ...c, id: c.campaign.id }))}
          emptyContent={
            <Box p={2}>
              No campaigns yet: add a campaign file (kind: Campaign) to
              readiness.campaigns.files.
            </Box>
          }
        />
      )}
    </>
  );
}
