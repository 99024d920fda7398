import { useCallback } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Button, Typography } from '@material-ui/core';
import RefreshIcon from '@material-ui/icons/Refresh';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusPending,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { techInsightsScorecardApiRef } from './api';

/** One row of the scorecard: a check and what its latest run said. */
export type ScorecardRow = {
  id: string;
  name: string;
  description: string;
  outcome: 'passed' | 'failed' | 'no-facts';
  facts: string;
};

const outcomeLabel: Record<ScorecardRow['outcome'], JSX.Element> = {
  passed: <StatusOK>Passed</StatusOK>,
  failed: <StatusError>Failed</StatusError>,
  'no-facts': <StatusPending>No facts yet</StatusPending>,
};

const columns: TableColumn<ScorecardRow>[] = [
  {
    title: 'Status',
    field: 'outcome',
    width: '160px',
    cellStyle: { whiteSpace: 'nowrap' },
    render: row => outcomeLabel[row.outcome],
  },
  { title: 'Check', field: 'name', highlight: true },
  { title: 'Description', field: 'description' },
  { title: 'Facts', field: 'facts' },
];

/**
 * The entity page's Scorecard tab: the tech-insights checks configured in app-config
 * (`techInsights.factChecker.checks`), run for the current entity.
 */
export const EntityTechInsightsScorecardContent = () => {
  const { entity } = useEntity();
  const api = useApi(techInsightsScorecardApiRef);
  const entityRef = getCompoundEntityRef(entity);

  const load = useCallback(async (): Promise<ScorecardRow[]> => {
    const [checks, results] = await Promise.all([
      api.getAllChecks(),
      api.runChecks(entityRef),
    ]);
    const byId = new Map(results.map(r => [r.check.id, r]));
    return checks.map(check => {
      const result = byId.get(check.id);
      const facts = result
        ? Object.entries(result.facts)
            .map(([name, fact]) => `${name}: ${JSON.stringify(fact.value)}`)
            .join(', ')
        : '';
      let outcome: ScorecardRow['outcome'] = 'no-facts';
      if (result) outcome = result.result === true ? 'passed' : 'failed';
      return {
        id: check.id,
        name: check.name,
        description: check.description,
        outcome,
        facts,
      };
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, entityRef.kind, entityRef.namespace, entityRef.name]);

  const { value, loading, error, retry } = useAsyncRetry(load, [load]);

  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.length === 0) {
    return (
      <EmptyState
        missing="info"
        title="No tech-insights checks are configured"
        description="Add checks under techInsights.factChecker.checks in app-config.yaml to see them here."
      />
    );
  }

  const passed = value.filter(r => r.outcome === 'passed').length;
  return (
    <InfoCard
      title="Scorecard"
      subheader={`${passed} of ${value.length} checks passed`}
      action={
        <Button
          startIcon={<RefreshIcon />}
          onClick={retry}
          disabled={loading}
          aria-label="Run checks again"
        >
          Run again
        </Button>
      }
    >
      <Table<ScorecardRow>
        options={{ paging: false, search: false, toolbar: false }}
        columns={columns}
        data={value}
      />
      <Typography variant="caption" color="textSecondary">
        Checks from tech-insights (techInsights.factChecker.checks), run against
        the latest facts for this entity.
      </Typography>
    </InfoCard>
  );
};
