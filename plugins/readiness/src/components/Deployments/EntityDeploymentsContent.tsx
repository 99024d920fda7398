import { useState } from 'react';
import {
  Box,
  Card,
  CardContent,
  CardHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  CodeSnippet,
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Deployment,
  readinessDeploymentRollbackPermission,
  RollbackResult,
} from '@readiness-io/plugin-readiness-common';
import { useReadiness } from '../common/hooks';
import { StatusChip } from '../common/StatusChip';
import { localTime, refName } from '../common/format';
import { DeploymentMatrixTable } from './DeploymentMatrixTable';
import { RollbackDialog } from './RollbackDialog';

const PAGE = 10;

/** The Deployments tab: the matrix with rollback (where allowed), and the history a page at a time. */
export function EntityDeploymentsContent() {
  const [page, setPage] = useState(0);
  const [rollback, setRollback] = useState<Deployment | undefined>();
  const [result, setResult] = useState<RollbackResult | undefined>();
  const matrix = useReadiness(
    (api, ref) => api.getDeploymentMatrix(ref),
    [result],
  );
  const history = useReadiness(
    (api, ref) =>
      api.listDeployments(ref, { limit: PAGE, offset: page * PAGE }),
    [page, result],
  );
  const canRollback = usePermission({
    permission: readinessDeploymentRollbackPermission,
  }).allowed;
  return (
    <Box display="flex" flexDirection="column" gridGap={24}>
      <Card>
        <CardHeader
          title="Environments"
          subheader="The latest deployment to each environment of the system"
        />
        <CardContent>
          {matrix.loading && <Progress />}
          {matrix.error && <ResponseErrorPanel error={matrix.error} />}
          {result && (
            <Alert
              severity={
                result.webhook.configured && result.webhook.delivered
                  ? 'success'
                  : 'warning'
              }
              onClose={() => setResult(undefined)}
            >
              Rolling back to {result.deployment.version}:{' '}
              {result.webhook.message}
            </Alert>
          )}
          {matrix.value && (
            <DeploymentMatrixTable
              matrix={matrix.value}
              onRollback={canRollback ? setRollback : undefined}
            />
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader title="History" subheader="Newest first" />
        <CardContent>
          {history.error && <ResponseErrorPanel error={history.error} />}
          {history.value && history.value.total === 0 && (
            <EmptyState
              missing="data"
              title="No deployments recorded yet"
              description="CI records them with the readiness API:"
              action={
                <CodeSnippet
                  language="bash"
                  showCopyCodeButton
                  text={recordDeploymentCommand(history.entityRef)}
                />
              }
            />
          )}
          {history.value && history.value.total > 0 && (
            <>
              <Table size="small" aria-label="deployment history">
                <TableHead>
                  <TableRow>
                    <TableCell>Started</TableCell>
                    <TableCell>Environment</TableCell>
                    <TableCell>Version</TableCell>
                    <TableCell>Status</TableCell>
                    <TableCell>Commit</TableCell>
                    <TableCell>By</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {history.value.items.map(d => (
                    <TableRow key={d.id}>
                      <TableCell>{localTime(d.startedAt)}</TableCell>
                      <TableCell>
                        {matrix.value?.environments.find(
                          e => e.environment === d.environment,
                        )?.title ?? refName(d.environment)}
                      </TableCell>
                      <TableCell>
                        {d.url ? (
                          <Link to={d.url}>{d.version}</Link>
                        ) : (
                          d.version
                        )}
                        {d.rollbackOf ? ' (rollback)' : ''}
                      </TableCell>
                      <TableCell>
                        <StatusChip status={d.status} />
                      </TableCell>
                      <TableCell>{d.commitSha?.slice(0, 7) ?? '—'}</TableCell>
                      <TableCell>{refName(d.actor ?? d.recordedBy)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <TablePagination
                component="div"
                count={history.value.total}
                page={page}
                rowsPerPage={PAGE}
                rowsPerPageOptions={[PAGE]}
                onPageChange={(_e, p) => setPage(p)}
              />
            </>
          )}
        </CardContent>
      </Card>
      {rollback && (
        <RollbackDialog
          deployment={rollback}
          webhookConfigured={matrix.value?.rollbackWebhook?.configured}
          onClose={() => setRollback(undefined)}
          onDone={r => {
            setRollback(undefined);
            setResult(r);
          }}
        />
      )}
    </Box>
  );
}

/** The command CI runs to record a deployment, in lines short enough for the empty state's column. */
function recordDeploymentCommand(entityRef: string) {
  return [
    'curl -X POST "$BACKSTAGE/api/readiness/deployments" \\',
    '  -H "Authorization: Bearer $READINESS_CI_TOKEN" \\',
    "  -H 'Content-Type: application/json' \\",
    "  -d '{",
    `    "entityRef": "${entityRef}",`,
    '    "environment": "rag-staging",',
    '    "version": "1.4.0",',
    '    "status": "succeeded"',
    "  }'",
  ].join('\n');
}
