import { lazy, Suspense, useState } from 'react';
import {
  Box,
  Card,
  CardContent,
  CardHeader,
  FormControl,
  Grid,
  InputLabel,
  MenuItem,
  Select,
  Typography,
} from '@material-ui/core';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  TabbedLayout,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { OverviewRow } from '@readiness-io/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { StatusChip } from '../common/StatusChip';
import { TrackProblemsPanel } from '../common/TrackProblemsPanel';
import { TeamsCard } from './TeamsCard';
import { EntityLink } from '../common/EntityLink';
import { refName } from '../common/format';
import { Route, Routes } from 'react-router-dom';
import { CampaignsList } from '../Campaigns/CampaignsList';
import { CampaignPage } from '../Campaigns/CampaignPage';

type Filters = {
  trackId: string;
  owner: string;
  system: string;
  status: string;
};
const ALL = '';

function FilterSelect(props: {
  id: keyof Filters;
  label: string;
  value: string;
  options: Array<[string, string]>;
  onChange: (v: string) => void;
}) {
  return (
    <FormControl fullWidth>
      <InputLabel id={`filter-${props.id}`}>{props.label}</InputLabel>
      <Select
        labelId={`filter-${props.id}`}
        value={props.value}
        onChange={e => props.onChange(e.target.value as string)}
        data-testid={`filter-${props.id}`}
      >
        <MenuItem value={ALL}>All</MenuItem>
        {props.options.map(([value, label]) => (
          <MenuItem key={value} value={value}>
            {label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

const TrackPlayground = lazy(() => import('../Playground/TrackPlayground'));

/**
 * The Readiness page: the overview of every entity by track, the campaigns (a goal over many services with a
 * deadline; each at `campaigns/<id>`), and the Track playground (preview a track change).
 */
export function ReadinessPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Readiness"
        subtitle="Can each service ship to production, and if not, what exactly blocks it?"
      />
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Overview">
          <ReadinessOverview />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/campaigns" title="Campaigns">
          <Routes>
            <Route path="/" element={<CampaignsList />} />
            <Route path="/:campaignId" element={<CampaignPage />} />
          </Routes>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/playground" title="Track playground">
          <Suspense fallback={<Progress />}>
            <TrackPlayground />
          </Suspense>
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}

/**
 * Every entity a track applies to, by track, filterable by owner, system, track and status, sortable; how many are
 * not ready and the root causes that block the most.
 */
export function ReadinessOverview() {
  const api = useApi(readinessApiRef);
  const tracks = useAsyncRetry(() => api.getTracks(), [api]);
  const [filters, setFilters] = useState<Filters>({
    trackId: ALL,
    owner: ALL,
    system: ALL,
    status: ALL,
  });
  // Filters, counts and top root causes are computed once, by the server; the page shows what it gets.
  const overview = useAsyncRetry(
    () =>
      api.getOverview(
        Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
      ),
    [api, filters],
  );
  const set = (key: keyof Filters) => (v: string) =>
    setFilters(f => ({ ...f, [key]: v }));
  const trackTitle = (id: string) =>
    tracks.value?.find(t => t.metadata.name === id)?.metadata.title ?? id;
  const gateTitle = (trackId: string, gateId: string) =>
    tracks.value
      ?.find(t => t.metadata.name === trackId)
      ?.spec.gates.find(g => g.id === gateId)?.title ?? gateId;
  const checkTitle = (trackId: string, gateId: string, checkId: string) =>
    tracks.value
      ?.find(t => t.metadata.name === trackId)
      ?.spec.gates.find(g => g.id === gateId)
      ?.checks.find(c => c.id === checkId)?.title ?? checkId;

  const rows = overview.value?.items ?? [];
  const options = overview.value?.options ?? {
    trackIds: [],
    owners: [],
    systems: [],
  };
  const topCauses = (overview.value?.topRootCauses ?? []).slice(0, 5);
  const trackProblems = overview.value?.trackProblems ?? [];
  const failedToLoad = Boolean(overview.error || tracks.error);
  const counts = overview.value?.entities;
  const teams = overview.value?.teams ?? [];
  const loadingFirst =
    !failedToLoad && ((overview.loading && !overview.value) || tracks.loading);
  const showContent = !failedToLoad && !loadingFirst;

  const columns: TableColumn<OverviewRow>[] = [
    {
      title: 'Entity',
      field: 'entityRef',
      highlight: true,
      render: r => <EntityLink entityRef={r.entityRef} title={r.title} />,
    },
    { title: 'Track', field: 'trackId', render: r => trackTitle(r.trackId) },
    {
      title: 'Status',
      field: 'status',
      render: r => <StatusChip status={r.status} />,
    },
    {
      title: 'Gates passed',
      field: 'gatesPassed',
      customSort: (a, b) =>
        a.gatesPassed / a.gatesTotal - b.gatesPassed / b.gatesTotal,
      render: r => `${r.gatesPassed} / ${r.gatesTotal}`,
    },
    {
      title: 'Next gate',
      field: 'nextGate',
      render: r => (r.nextGate ? gateTitle(r.trackId, r.nextGate) : '—'),
    },
    {
      title: 'Blocked by',
      sorting: false,
      render: r =>
        r.rootCauses.length === 0
          ? '—'
          : `${r.rootCauses
              .slice(0, 2)
              .map(c => checkTitle(r.trackId, c.gateId, c.checkId))
              .join(', ')}${
              r.rootCauses.length > 2 ? ` +${r.rootCauses.length - 2}` : ''
            }`,
    },
    {
      title: 'Owner',
      field: 'owner',
      render: r => (r.owner ? refName(r.owner) : '—'),
    },
    {
      title: 'System',
      field: 'system',
      render: r => (r.system ? refName(r.system) : '—'),
    },
  ];

  return (
    <>
      <ContentHeader title="Every entity by track" />
      {failedToLoad && (
        <ResponseErrorPanel error={(overview.error ?? tracks.error)!} />
      )}
      {trackProblems.length > 0 && (
        <Box mb={2}>
          <TrackProblemsPanel
            problems={trackProblems}
            title={n =>
              `${n} track${
                n === 1 ? '' : 's'
              } could not be loaded: their readiness is not shown`
            }
          />
        </Box>
      )}
      {loadingFirst && <Progress />}
      {showContent && (
        <Grid container spacing={3}>
          <Grid item xs={12} md={8}>
            <Card>
              <CardHeader
                title={
                  counts
                    ? `${counts.notReady} of ${counts.total} entities not ready`
                    : 'Entities'
                }
                subheader={
                  counts
                    ? `${counts.ready} ready, ${counts.notMeasured} not measured; from the last evaluation of each entity`
                    : undefined
                }
              />
              <CardContent>
                <Grid container spacing={2}>
                  <Grid item xs={6} md={3}>
                    <FilterSelect
                      id="trackId"
                      label="Track"
                      value={filters.trackId}
                      onChange={set('trackId')}
                      options={options.trackIds.map(t => [t, trackTitle(t)])}
                    />
                  </Grid>
                  <Grid item xs={6} md={3}>
                    <FilterSelect
                      id="owner"
                      label="Owner"
                      value={filters.owner}
                      onChange={set('owner')}
                      options={options.owners.map(o => [o, refName(o)])}
                    />
                  </Grid>
                  <Grid item xs={6} md={3}>
                    <FilterSelect
                      id="system"
                      label="System"
                      value={filters.system}
                      onChange={set('system')}
                      options={options.systems.map(s => [s, refName(s)])}
                    />
                  </Grid>
                  <Grid item xs={6} md={3}>
                    <FilterSelect
                      id="status"
                      label="Status"
                      value={filters.status}
                      onChange={set('status')}
                      options={(
                        [
                          'passed',
                          'failed',
                          'blocked',
                          'unknown',
                          'not-evaluated',
                        ] as const
                      ).map(s => [
                        s,
                        s === 'not-evaluated' ? 'not evaluated yet' : s,
                      ])}
                    />
                  </Grid>
                </Grid>
              </CardContent>
            </Card>
          </Grid>
          <Grid item xs={12} md={4}>
            <Card>
              <CardHeader
                title="Top root causes"
                subheader="Checks blocking the most entities shown"
              />
              <CardContent>
                {topCauses.length === 0 ? (
                  <Typography>
                    {trackProblems.length > 0
                      ? 'Nothing blocks the entities shown by the tracks that loaded; the broken tracks above are not evaluated.'
                      : 'Nothing blocks the entities shown.'}
                  </Typography>
                ) : (
                  topCauses.map(c => (
                    <Box
                      key={`${c.trackId}/${c.gateId}/${c.checkId}`}
                      display="flex"
                      justifyContent="space-between"
                      data-testid="top-root-cause"
                    >
                      <Typography variant="body2">
                        {c.gateTitle}: {c.title}
                      </Typography>
                      <Typography variant="body2">
                        <b>{c.count}</b>
                      </Typography>
                    </Box>
                  ))
                )}
              </CardContent>
            </Card>
          </Grid>
          {teams.length > 0 && (
            <Grid item xs={12}>
              <TeamsCard teams={teams} />
            </Grid>
          )}
          <Grid item xs={12}>
            <Table<OverviewRow>
              title="Entities"
              options={{
                paging: rows.length > 20,
                pageSize: 20,
                search: true,
                padding: 'dense',
              }}
              columns={columns}
              data={rows.map(r => ({
                ...r,
                id: `${r.entityRef}/${r.trackId}`,
              }))}
            />
          </Grid>
        </Grid>
      )}
    </>
  );
}
