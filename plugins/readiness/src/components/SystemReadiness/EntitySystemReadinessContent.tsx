import { useState } from 'react';
import {
  Box,
  Card,
  CardContent,
  CardHeader,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import { makeStyles } from '@material-ui/core/styles';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useReadiness } from '../common/hooks';
import { statusColors } from '../common/StatusChip';
import { EntityLink } from '../common/EntityLink';
import { SystemEnvironmentsCard } from '../Environments/SystemEnvironmentsCard';

const useStyles = makeStyles(theme => ({
  cell: {
    padding: theme.spacing(0.5),
    textAlign: 'center',
    fontSize: 12,
    fontWeight: 600,
    color: '#fff',
    minWidth: 70,
  },
  head: {
    fontSize: 12,
    verticalAlign: 'bottom',
    minWidth: 100,
    wordBreak: 'normal',
    hyphens: 'none',
  },
  entity: { minWidth: 150, whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  weakest: {
    outline: `3px solid ${theme.palette.warning.main}`,
    outlineOffset: -3,
  },
}));

/**
 * The System readiness tab: every component (and the resources they depend on) × the gates of a track, weakest link
 * first, with the root causes across the system.
 */
export function EntitySystemReadinessContent() {
  const classes = useStyles();
  const { value, loading, error } = useReadiness((api, ref) =>
    api.getSystemReadiness(ref),
  );
  const [trackId, setTrackId] = useState<string | undefined>();
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.tracks.length === 0 || value.entities.length === 0) {
    return (
      <EmptyState
        missing="info"
        title="No readiness track applies to this system's components"
      />
    );
  }
  const track =
    value.tracks.find(t => t.trackId === trackId) ?? value.tracks[0];
  const rows = value.entities
    .map(e => ({
      entity: e,
      result: e.tracks.find(t => t.trackId === track.trackId),
    }))
    .filter(r => r.result)
    .sort(
      (a, b) =>
        a.result!.gatesPassed / a.result!.gatesTotal -
          b.result!.gatesPassed / b.result!.gatesTotal ||
        a.entity.entityRef.localeCompare(b.entity.entityRef),
    );
  return (
    <Box display="flex" flexDirection="column" gridGap={24}>
      <Card>
        <CardHeader
          title="Readiness of the system"
          subheader={
            value.weakestLink
              ? `Weakest link first; the weakest is ${
                  value.entities.find(e => e.entityRef === value.weakestLink)
                    ?.title ?? value.weakestLink
                }.`
              : undefined
          }
          action={
            value.tracks.length > 1 && (
              <FormControl>
                <InputLabel id="system-track">Track</InputLabel>
                <Select
                  labelId="system-track"
                  value={track.trackId}
                  onChange={e => setTrackId(e.target.value as string)}
                >
                  {value.tracks.map(t => (
                    <MenuItem key={t.trackId} value={t.trackId}>
                      {t.title}
                    </MenuItem>
                  ))}
                </Select>
              </FormControl>
            )
          }
        />
        <CardContent style={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="component by gate matrix">
            <TableHead>
              <TableRow>
                <TableCell>Entity</TableCell>
                <TableCell className={classes.nowrap}>Gates passed</TableCell>
                {track.gates.map(g => (
                  <TableCell key={g.id} className={classes.head}>
                    {g.title}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(({ entity, result }) => (
                <TableRow
                  key={entity.entityRef}
                  data-testid={`system-row-${entity.entityRef}`}
                  className={
                    entity.entityRef === value.weakestLink
                      ? classes.weakest
                      : undefined
                  }
                >
                  <TableCell className={classes.entity}>
                    <EntityLink
                      entityRef={entity.entityRef}
                      title={entity.title}
                    />
                    <Typography variant="caption" display="block">
                      {entity.kind}
                    </Typography>
                  </TableCell>
                  <TableCell className={classes.nowrap}>
                    {result!.gatesPassed} / {result!.gatesTotal}
                  </TableCell>
                  {track.gates.map(g => {
                    const status = result!.gates[g.id] ?? 'unknown';
                    return (
                      <TableCell
                        key={g.id}
                        className={classes.cell}
                        style={{ background: statusColors[status]?.background }}
                        title={`${g.title}: ${
                          statusColors[status]?.label ?? status
                        }`}
                      >
                        {statusColors[status]?.label ?? status}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader
          title="Root causes across the system"
          subheader="The failing or unmeasured checks that block the most, first"
        />
        <CardContent>
          {value.rootCauses.length === 0 ? (
            <Typography>Nothing blocks this system.</Typography>
          ) : (
            <Table size="small">
              <TableBody>
                {value.rootCauses.map(c => (
                  <TableRow key={`${c.gateId}/${c.checkId}`}>
                    <TableCell>
                      <b>
                        {track.gates.find(g => g.id === c.gateId)?.title ??
                          c.gateId}
                      </b>{' '}
                      / {c.checkId}
                    </TableCell>
                    <TableCell>{c.message}</TableCell>
                    <TableCell className={classes.nowrap}>
                      blocks {c.entityRefs.length}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <SystemEnvironmentsCard />
    </Box>
  );
}
