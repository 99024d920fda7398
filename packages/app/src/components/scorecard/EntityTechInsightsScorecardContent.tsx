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
  Table,
  TableColumn,
} from '@backstage/core-components';
import { techInsightsScorecardApiRef } from './api';
import { describeCheckFacts } from './describeCheckFacts';

/** One row of the scorecard: a check and what its latest run said. */
export type ScorecardRow = {
  id: string;
  name: string;
  description: string;
  outcome: 'passed' | 'failed';
  facts: string;
};

/** The checks run for the entity, and how many had no facts for it (their retrievers do not cover it). */
type Scorecard = { rows: ScorecardRow[]; withoutFacts: number };

const outcomeLabel: Record<ScorecardRow['outcome'], JSX.Element> = {
  passed: <StatusOK>Passed</StatusOK>,
  failed: <StatusError>Failed</StatusError>,
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
  { title: 'What it read', field: 'facts' },
];

/**
 * The entity page's Scorecard tab: the tech-insights checks configured in app-config
 * (`techInsights.factChecker.checks`), run for the current entity.
 */
export const EntityTechInsightsScorecardContent = () => {
  const { entity } = useEntity();
  const api = useApi(techInsightsScorecardApiRef);
  const entityRef = getCompoundEntityRef(entity);

  const load = useCallback(async (): Promise<Scorecard> => {
    const [checks, results] = await Promise.all([
      api.getAllChecks(),
      api.runChecks(entityRef),
    ]);
    const byId = new Map(results.map(r => [r.check.id, r]));
    const rows: ScorecardRow[] = [];
    for (const check of checks) {
      const result = byId.get(check.id);
      // No facts: the check's retrievers do not cover this entity (a readiness track that does not apply to its
      // kind, say). Counted, not shown as a row that would wait forever.
      if (!result) continue;
      rows.push({
        id: check.id,
        name: check.name,
        description: check.description,
        outcome: result.result === true ? 'passed' : 'failed',
        facts: describeCheckFacts(result),
      });
    }
    return { rows, withoutFacts: checks.length - rows.length };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, entityRef.kind, entityRef.namespace, entityRef.name]);

  const { value, loading, error, retry } = useAsyncRetry(load, [load]);

  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.rows.length + value.withoutFacts === 0) {
    return (
      <EmptyState
        missing="info"
        title="No tech-insights checks are configured"
        description="Add checks under techInsights.factChecker.checks in app-config.yaml to see them here."
      />
    );
  }
  const { rows, withoutFacts } = value;
  const notShown =
    withoutFacts > 0
      ? ` ${withoutFacts} other check${
          withoutFacts === 1 ? ' has' : 's have'
        } no facts for this entity (their fact retrievers do not cover it) and ${
          withoutFacts === 1 ? 'is' : 'are'
        } not shown.`
      : '';
  if (rows.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No scorecard checks apply to this entity"
        description={`None of the ${withoutFacts} configured checks has facts for it: their fact retrievers do not cover this kind of entity.`}
      />
    );
  }

  const passed = rows.filter(r => r.outcome === 'passed').length;
  return (
    <InfoCard
      title="Scorecard"
      subheader={`${passed} of ${rows.length} checks passed`}
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
        data={rows}
      />
      <Typography variant="caption" color="textSecondary">
        Checks from tech-insights (techInsights.factChecker.checks), run against
        the latest facts for this entity.{notShown}
      </Typography>
    </InfoCard>
  );
};
