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

/**
 * Environment × version: the latest deployment, its status and age, and the last successful version. `compact`
 * (for the overview card) says the age under the version instead of in a column of its own.
 */
export function DeploymentMatrixTable(props: {
  matrix: DeploymentMatrix;
  onRollback?: (d: Deployment) => void;
  compact?: boolean;
}) {
  const age = (d: Deployment) =>
    `${durationSince(d.finishedAt ?? d.startedAt)} ago`;
  return (
    <Table size="small" aria-label="environments">
      <TableHead>
        <TableRow style={{ whiteSpace: 'nowrap' }}>
          <TableCell>Environment</TableCell>
          <TableCell>Version</TableCell>
          <TableCell>Status</TableCell>
          {!props.compact && <TableCell>Deployed</TableCell>}
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
              {props.compact && env.latest && (
                <Typography
                  variant="caption"
                  component="div"
                  color="textSecondary"
                >
                  {age(env.latest)}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              {env.latest ? <StatusChip status={env.latest.status} /> : '—'}
            </TableCell>
            {!props.compact && (
              <TableCell>{env.latest ? age(env.latest) : '—'}</TableCell>
            )}
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              {env.lastSuccessful
                ? `${env.lastSuccessful.version}, ${age(env.lastSuccessful)}`
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
