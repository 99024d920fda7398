import { Fragment, useState } from 'react';
import {
  Box,
  Button,
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
import {
  joinWords,
  refDisplayName,
} from '@readiness-io/plugin-readiness-common';
import { useReadiness } from '../common/hooks';
import { statusColors } from '../common/StatusChip';
import { EntityLink } from '../common/EntityLink';
import { SystemEnvironmentsCard } from '../Environments/SystemEnvironmentsCard';
import { systemMatrix } from './systemMatrix';

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
    minWidth: 90,
    maxWidth: 160,
    wordBreak: 'normal',
    hyphens: 'none',
  },
  entityHead: { minWidth: 160 },
  entity: { minWidth: 160, maxWidth: 280 },
  nowrap: { whiteSpace: 'nowrap' },
  weakest: {
    outline: `3px solid ${theme.palette.warning.main}`,
    outlineOffset: -3,
  },
}));

/** "RAG API, RAG Web and RAG Retriever" for a list of entities. */
function entityNames(entities: Array<{ entityRef: string; title?: string }>) {
  return joinWords(entities.map(e => e.title ?? refDisplayName(e.entityRef)));
}

/**
 * The System readiness tab: the components (and the resources they depend on) × the gates of a track — entities
 * at the same point share a row, runs of gates in the same state share a column, the last gates always shown —
 * and the root causes of that track across the system, by check title.
 */
export function EntitySystemReadinessContent() {
  const classes = useStyles();
  const { value, loading, error } = useReadiness((api, ref) =>
    api.getSystemReadiness(ref),
  );
  const [trackId, setTrackId] = useState<string | undefined>();
  const [everyGate, setEveryGate] = useState(false);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.tracks.length === 0 || value.entities.length === 0) {
    return (
      <EmptyState
        missing="info"
        title="No readiness track applies to this system's components"
        description="Tracks select entities by kind, type or system (appliesTo in the track file); none of this system's components is selected by one."
      />
    );
  }
  const track =
    value.tracks.find(t => t.trackId === trackId) ?? value.tracks[0];
  const { rows, columns } = systemMatrix(track, value.entities, {
    collapse: !everyGate,
  });
  const collapsed = columns.some(c => c.gates.length > 1);
  const weakest = value.weakestLink
    ? value.entities.find(e => e.entityRef === value.weakestLink)
    : undefined;
  const subheader =
    rows.length === 1
      ? `${rows[0].entities.length === 1 ? '' : 'All '}${
          rows[0].entities.length
        } ${
          rows[0].entities.length === 1 ? 'entity is' : 'entities are'
        } at the same point: ${rows[0].gatesPassed} of ${
          rows[0].gatesTotal
        } gates passed.`
      : `Furthest from ready first${
          weakest
            ? `: ${weakest.title ?? refDisplayName(weakest.entityRef)}`
            : ''
        }.`;
  const causes = value.rootCauses.filter(c => c.trackId === track.trackId);
  const entityByRef = new Map(value.entities.map(e => [e.entityRef, e]));
  return (
    <Box display="flex" flexDirection="column" gridGap={24}>
      <Card>
        <CardHeader
          title={`Readiness of the system: ${track.title}`}
          subheader={subheader}
          action={
            <Box display="flex" alignItems="center" gridGap={16}>
              {(collapsed || everyGate) && (
                <Button size="small" onClick={() => setEveryGate(!everyGate)}>
                  {everyGate
                    ? 'Group gates in the same state'
                    : 'Show every gate'}
                </Button>
              )}
              {value.tracks.length > 1 && (
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
              )}
            </Box>
          }
        />
        <CardContent style={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="component by gate matrix">
            <TableHead>
              <TableRow>
                <TableCell className={classes.entityHead}>Entities</TableCell>
                <TableCell className={classes.nowrap}>Gates passed</TableCell>
                {columns.map(c => (
                  <TableCell
                    key={c.gates[0].id}
                    className={classes.head}
                    title={c.gates.map(g => g.title).join('\n')}
                    data-testid={`system-column-${c.gates[0].id}`}
                  >
                    {c.gates.length === 1
                      ? c.gates[0].title
                      : `${c.gates.length} gates: ${c.gates[0].title} … ${
                          c.gates[c.gates.length - 1].title
                        }`}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(row => (
                <TableRow
                  key={row.entities[0].entityRef}
                  data-testid={`system-row-${row.entities[0].entityRef}`}
                  className={
                    row.entities.some(e => e.entityRef === value.weakestLink)
                      ? classes.weakest
                      : undefined
                  }
                >
                  <TableCell className={classes.entity}>
                    {row.entities.map((e, i) => (
                      <Fragment key={e.entityRef}>
                        {i > 0 && ', '}
                        <EntityLink entityRef={e.entityRef} title={e.title} />
                      </Fragment>
                    ))}
                  </TableCell>
                  <TableCell className={classes.nowrap}>
                    {row.gatesPassed} of {row.gatesTotal}
                  </TableCell>
                  {columns.map(c => {
                    const status = row.statuses[c.gates[0].id];
                    const label = statusColors[status]?.label ?? status;
                    return (
                      <TableCell
                        key={c.gates[0].id}
                        className={classes.cell}
                        style={{ background: statusColors[status]?.background }}
                        title={`${c.gates
                          .map(g => g.title)
                          .join(', ')}: ${label}`}
                      >
                        {label}
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
          title={`What blocks ${track.title}`}
          subheader="The failing or unmeasured checks at the bottom of the chain, those blocking the most entities first"
        />
        <CardContent>
          {causes.length === 0 ? (
            <Typography>Nothing blocks this track in this system.</Typography>
          ) : (
            <Table size="small" aria-label="root causes">
              <TableBody>
                {causes.map(c => (
                  <TableRow
                    key={`${c.gateId}/${c.checkId}`}
                    data-testid={`system-cause-${c.checkId}`}
                  >
                    <TableCell>
                      <Typography variant="body2">
                        <b>{c.title}</b>
                      </Typography>
                      <Typography variant="caption">{c.gateTitle}</Typography>
                    </TableCell>
                    <TableCell>
                      {c.message.startsWith(`${c.title}: `)
                        ? c.message.slice(c.title.length + 2)
                        : c.message}
                    </TableCell>
                    <TableCell>
                      blocks{' '}
                      {entityNames(
                        c.entityRefs.map(
                          ref => entityByRef.get(ref) ?? { entityRef: ref },
                        ),
                      )}
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
