import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Link } from '@backstage/core-components';
import {
  Deployment,
  DeploymentMatrix,
} from '@readiness-io/plugin-readiness-common';
import { StatusChip } from '../common/StatusChip';
import { durationSince, refName } from '../common/format';

/** Environment × version: the latest deployment, its status and age, and the last successful version. */
export function DeploymentMatrixTable(props: {
  matrix: DeploymentMatrix;
  onRollback?: (d: Deployment) => void;
}) {
  return (
    <Table size="small" aria-label="environments">
      <TableHead>
        <TableRow style={{ whiteSpace: 'nowrap' }}>
          <TableCell>Environment</TableCell>
          <TableCell>Version</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Deployed</TableCell>
          <TableCell>Last successful</TableCell>
          {props.onRollback && <TableCell align="right" />}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.matrix.environments.map(env => (
          <TableRow
            key={env.environment}
            data-testid={`env-${refName(env.environment)}`}
          >
            <TableCell>{env.title}</TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              {env.latest && env.latest.url && (
                <Link to={env.latest.url}>{env.latest.version}</Link>
              )}
              {env.latest && !env.latest.url && env.latest.version}
              {!env.latest && (
                <Typography variant="caption">never deployed</Typography>
              )}
            </TableCell>
            <TableCell>
              {env.latest ? <StatusChip status={env.latest.status} /> : '—'}
            </TableCell>
            <TableCell>
              {env.latest
                ? `${durationSince(
                    env.latest.finishedAt ?? env.latest.startedAt,
                  )} ago`
                : '—'}
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              {env.lastSuccessful
                ? `${env.lastSuccessful.version}, ${durationSince(
                    env.lastSuccessful.finishedAt ??
                      env.lastSuccessful.startedAt,
                  )} ago`
                : '—'}
            </TableCell>
            {props.onRollback && (
              <TableCell align="right">
                {env.latest &&
                  env.latest.status !== 'in_progress' &&
                  env.latest.status !== 'rolled_back' && (
                    <Button
                      size="small"
                      variant="outlined"
                      color="secondary"
                      onClick={() => props.onRollback!(env.latest!)}
                    >
                      Roll back
                    </Button>
                  )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
