import {
  Box,
  Button,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import {
  describeCheckOutcome,
  formatDate,
  Track,
  TrackEvaluation,
  Waiver,
} from '@readiness-io/plugin-readiness-common';
import { StatusChip } from '../common/StatusChip';
import { durationSince } from '../common/format';
import { useDisplayNames } from '../common/useDisplayNames';
import { evidenceLabel } from './describe';

/** What the person may do, from the permission framework. */
export type CheckPermissions = {
  attest: boolean;
  requestWaiver: boolean;
  approveWaiver: boolean;
  revokeWaiver: boolean;
};

export type CheckAction =
  | {
      kind: 'attest';
      gateId: string;
      checkId: string;
      title: string;
      validForDays?: number;
    }
  | { kind: 'request-waiver'; gateId: string; checkId: string; title: string }
  | { kind: 'approve' | 'revoke'; waiver: Waiver; title: string };

const useStyles = makeStyles(theme => ({
  rootCause: {
    background: theme.palette.type === 'dark' ? '#4e3b00' : '#fff8e1',
  },
  badge: { marginLeft: theme.spacing(0.5), marginTop: theme.spacing(0.5) },
  value: { maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis' },
  gateRow: { background: theme.palette.background.default },
}));

/** The checks of the gates shown, with status, value, evidence and age, badges and the actions allowed. */
export function ChecksTable(props: {
  track: Track;
  evaluation: TrackEvaluation;
  waivers: Waiver[];
  gateIds: string[];
  permissions: CheckPermissions;
  onAction: (action: CheckAction) => void;
}) {
  const classes = useStyles();
  const { track, evaluation } = props;
  const causes = new Set(
    evaluation.gates.flatMap(g =>
      g.rootCauses.map(c => `${c.gateId}/${c.checkId}`),
    ),
  );
  const now = new Date();
  const nameOf = useDisplayNames([
    evaluation.entityRef,
    ...track.spec.gates.flatMap(g => g.checks.map(c => c.entity)),
    ...evaluation.gates.flatMap(g =>
      g.checks.flatMap(c => [c.attestation?.attestedBy, c.waiver?.approvedBy]),
    ),
    ...props.waivers.flatMap(w => [w.requestedBy, w.approvedBy]),
  ]);
  const titleOf = (gateId: string) =>
    track.spec.gates.find(g => g.id === gateId)?.title ?? gateId;
  return (
    <Table size="small" aria-label="checks">
      <TableHead>
        <TableRow>
          <TableCell>Check</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>What was found</TableCell>
          <TableCell>Evidence</TableCell>
          <TableCell>Since</TableCell>
          <TableCell align="right">Actions</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.gateIds.map(gateId => {
          const gate = track.spec.gates.find(g => g.id === gateId)!;
          const result = evaluation.gates.find(g => g.gateId === gateId);
          return [
            <TableRow key={gateId} className={classes.gateRow}>
              <TableCell colSpan={6}>
                <Box display="flex" alignItems="center" gridGap={8}>
                  <Typography variant="subtitle2">{gate.title}</Typography>
                  <StatusChip status={result?.status ?? 'unknown'} />
                  {result?.blockedBy.length ? (
                    <Typography variant="caption">
                      waits for{' '}
                      {result.blockedBy
                        .map(
                          id =>
                            track.spec.gates.find(g => g.id === id)?.title ??
                            id,
                        )
                        .join(', ')}
                    </Typography>
                  ) : null}
                  {gate.environment && (
                    <Chip
                      size="small"
                      variant="outlined"
                      data-testid={`gate-scope-${gateId}`}
                      label={
                        result?.environments?.length
                          ? `${gate.environment}: ${result.environments.join(
                              ', ',
                            )}`
                          : `${gate.environment} only`
                      }
                      title={`Applies while the system has a ${gate.environment} environment recorded with readiness (the rag-environment template records it)`}
                    />
                  )}
                  {result?.status === 'not-applicable' && result.message && (
                    <Typography variant="caption">{result.message}</Typography>
                  )}
                </Box>
              </TableCell>
            </TableRow>,
            ...gate.checks.map(check => {
              const r = result?.checks.find(c => c.checkId === check.id);
              const status = r?.status ?? 'unknown';
              const isCause = causes.has(`${gateId}/${check.id}`);
              const pending = props.waivers.find(
                w =>
                  w.gateId === gateId &&
                  w.checkId === check.id &&
                  !w.approvedBy &&
                  !w.revokedBy,
              );
              const active =
                r?.waiver && !r.waiver.revokedBy ? r.waiver : undefined;
              const failing =
                status === 'fail' ||
                status === 'unknown' ||
                (status === 'blocked' && r?.underlying !== 'pass');
              return (
                <TableRow
                  key={`${gateId}/${check.id}`}
                  className={isCause ? classes.rootCause : undefined}
                  data-testid={`check-${gateId}-${check.id}`}
                >
                  <TableCell>
                    <Tooltip title={check.description ?? ''}>
                      <span>{check.title}</span>
                    </Tooltip>
                    {isCause && (
                      <Chip
                        size="small"
                        className={classes.badge}
                        color="secondary"
                        label="root cause"
                      />
                    )}
                    {check.manual && (
                      <Chip
                        size="small"
                        variant="outlined"
                        className={classes.badge}
                        label="manual"
                      />
                    )}
                    {check.howToFix && (
                      <Typography variant="caption" display="block">
                        How to fix: {check.howToFix.split('/').pop()}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    <StatusChip status={status} title={r?.message} />
                    {r?.attestation && (
                      <Chip
                        size="small"
                        className={classes.badge}
                        label={`attested by ${nameOf(
                          r.attestation.attestedBy,
                        )}`}
                        title={r.attestation.note}
                      />
                    )}
                    {active && (
                      <Chip
                        size="small"
                        className={classes.badge}
                        label={`waived until ${formatDate(active.expiresAt)}`}
                        title={active.reason}
                      />
                    )}
                    {pending && (
                      <Chip
                        size="small"
                        variant="outlined"
                        className={classes.badge}
                        label={`waiver requested by ${nameOf(
                          pending.requestedBy,
                        )}`}
                        title={pending.reason}
                      />
                    )}
                  </TableCell>
                  <TableCell className={classes.value}>
                    {r && (
                      <Typography variant="body2">
                        {describeCheckOutcome(check, r, {
                          now,
                          entityRef: evaluation.entityRef,
                          nameOf,
                          waitingFor: [
                            ...new Set(
                              (result?.rootCauses ?? []).map(c =>
                                titleOf(c.gateId),
                              ),
                            ),
                          ],
                          // A not-applicable check: its gate's row says why.
                        })}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {r?.fact?.url ? (
                      <Link to={r.fact.url}>
                        {evidenceLabel(r.fact.url, r.fact.commitSha)}
                      </Link>
                    ) : (
                      r?.fact?.source ?? '—'
                    )}
                    {r?.fact && (
                      <Typography variant="caption" display="block">
                        observed {durationSince(r.fact.observedAt, now)} ago
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{durationSince(r?.since, now) ?? '—'}</TableCell>
                  <TableCell align="right">
                    {check.manual &&
                      props.permissions.attest &&
                      status !== 'pass' &&
                      status !== 'not-applicable' && (
                        <Button
                          size="small"
                          variant="outlined"
                          onClick={() =>
                            props.onAction({
                              kind: 'attest',
                              gateId,
                              checkId: check.id,
                              title: check.title,
                              validForDays: check.manual!.validForDays,
                            })
                          }
                        >
                          Attest
                        </Button>
                      )}
                    {failing &&
                      !active &&
                      !pending &&
                      props.permissions.requestWaiver && (
                        <Button
                          size="small"
                          onClick={() =>
                            props.onAction({
                              kind: 'request-waiver',
                              gateId,
                              checkId: check.id,
                              title: check.title,
                            })
                          }
                        >
                          Request waiver
                        </Button>
                      )}
                    {pending && props.permissions.approveWaiver && (
                      <Button
                        size="small"
                        color="primary"
                        onClick={() =>
                          props.onAction({
                            kind: 'approve',
                            waiver: pending,
                            title: check.title,
                          })
                        }
                      >
                        Approve waiver
                      </Button>
                    )}
                    {active && props.permissions.revokeWaiver && (
                      <Button
                        size="small"
                        onClick={() =>
                          props.onAction({
                            kind: 'revoke',
                            waiver: active,
                            title: check.title,
                          })
                        }
                      >
                        Revoke waiver
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            }),
          ];
        })}
      </TableBody>
    </Table>
  );
}
