import {
  Card,
  CardContent,
  CardHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useReadiness } from '../common/hooks';
import { StatusChip } from '../common/StatusChip';
import { EntityLink } from '../common/EntityLink';
import { localTime, refName } from '../common/format';

/**
 * The System's environments as recorded with the readiness backend (by the rag-environment templates): gates scoped
 * to an environment tier apply to the system's components while an active environment of that tier is listed here.
 */
export function SystemEnvironmentsCard() {
  const { value, loading, error } = useReadiness((api, ref) =>
    api.listEnvironments({ system: ref, includeDecommissioned: true }),
  );
  return (
    <Card>
      <CardHeader
        title="Environments recorded with readiness"
        subheader="Gates scoped to an environment (e.g. production) apply while an active environment of that tier is recorded. The “Provision a new environment” template records new ones; its decommission template marks them."
      />
      <CardContent>
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && value.length === 0 && (
          <Typography>
            No environment of this system is recorded yet: environment-scoped
            gates do not apply.
          </Typography>
        )}
        {value && value.length > 0 && (
          <Table size="small" aria-label="recorded environments">
            <TableHead>
              <TableRow>
                <TableCell>Environment</TableCell>
                <TableCell>Tier</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Recorded</TableCell>
                <TableCell>Decommissioned</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {value.map(env => (
                <TableRow
                  key={env.entityRef}
                  data-testid={`environment-${env.entityRef}`}
                >
                  <TableCell>
                    {env.status === 'active' ? (
                      <EntityLink
                        entityRef={env.entityRef}
                        title={refName(env.entityRef)}
                      />
                    ) : (
                      refName(env.entityRef)
                    )}
                  </TableCell>
                  <TableCell>{env.tier}</TableCell>
                  <TableCell>
                    <StatusChip status={env.status} />
                  </TableCell>
                  <TableCell>
                    {localTime(env.recordedAt)} by {refName(env.recordedBy)}
                    {env.taskId && (
                      <Typography variant="caption" display="block">
                        task {env.taskId}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {env.decommissionedAt
                      ? `${localTime(env.decommissionedAt)} by ${refName(
                          env.decommissionedBy ?? '',
                        )}`
                      : '—'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
