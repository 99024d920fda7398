import { useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Grid,
  List,
  ListItem,
  ListItemText,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  CodeSnippet,
  EmptyState,
  Link,
  MarkdownContent,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { AlertRunbooks, Runbook } from '@readiness-io/plugin-readiness-common';
import { useAction, useReadiness } from '../common/hooks';
import { refName } from '../common/format';
import { EntityLink } from '../common/EntityLink';

const SNIPPET = `metadata:
  annotations:
    readiness.io/runbooks: runbooks/oidc-outage.md, runbooks/rollback.md
    readiness.io/prometheus-rules: monitoring/alerts.yaml   # optional`;

/** Reviewed within 90 days: fresh; within 180: ageing; older or never: stale. */
export function Freshness(props: { runbook: Runbook }) {
  const age = props.runbook.reviewAgeDays;
  if (age === undefined)
    return (
      <Chip
        component="span"
        size="small"
        label="never reviewed"
        style={{ background: '#b71c1c', color: '#fff' }}
      />
    );
  let background = '#1b5e20';
  if (age > 180) background = '#b71c1c';
  else if (age > 90) background = '#e65100';
  return (
    <Chip
      component="span"
      size="small"
      label={`reviewed ${age} d ago`}
      style={{ background, color: '#fff' }}
    />
  );
}

/**
 * The Runbooks tab: the entity's runbooks with freshness, severity and owner (parse errors shown as such), the
 * selected one rendered, the alerts no runbook covers, and which runbook answers an alert.
 */
export function EntityRunbooksContent() {
  const { value, loading, error, api } = useReadiness((a, ref) =>
    a.getRunbooks(ref),
  );
  const [selected, setSelected] = useState(0);
  const [alert, setAlert] = useState('');
  const [found, setFound] = useState<AlertRunbooks | undefined>();
  const lookup = useAction(async () =>
    setFound(await api.getRunbooksByAlert(alert.trim())),
  );

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.runbooks.length === 0) {
    return (
      <EmptyState
        missing="field"
        title="This entity has no runbooks"
        description="Add the readiness.io/runbooks annotation: Markdown files next to the catalog file (or URLs), with front matter title, alerts, owner, lastReviewed and severity."
        action={
          <CodeSnippet language="yaml" showCopyCodeButton text={SNIPPET} />
        }
      />
    );
  }
  const runbook = value.runbooks[Math.min(selected, value.runbooks.length - 1)];
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <Card>
          <CardHeader
            title="Runbooks"
            subheader={`${value.runbooks.length} linked from readiness.io/runbooks`}
          />
          <List dense>
            {value.runbooks.map((r, i) => (
              <ListItem
                key={r.target}
                button
                selected={i === selected}
                onClick={() => setSelected(i)}
                data-testid={`runbook-${r.target}`}
              >
                <ListItemText
                  primary={r.metadata.title ?? r.target}
                  secondary={
                    <Box
                      component="span"
                      display="flex"
                      flexWrap="wrap"
                      gridGap={4}
                      mt={0.5}
                    >
                      {r.status === 'ok' && <Freshness runbook={r} />}
                      {r.status !== 'ok' && (
                        <Chip
                          component="span"
                          size="small"
                          label={
                            r.status === 'invalid'
                              ? 'front matter invalid'
                              : 'broken link'
                          }
                          style={{ background: '#b71c1c', color: '#fff' }}
                        />
                      )}
                      {r.metadata.severity && (
                        <Chip
                          component="span"
                          size="small"
                          variant="outlined"
                          label={r.metadata.severity}
                        />
                      )}
                      {r.metadata.owner && (
                        <Chip
                          component="span"
                          size="small"
                          variant="outlined"
                          label={refName(r.metadata.owner)}
                        />
                      )}
                    </Box>
                  }
                />
              </ListItem>
            ))}
          </List>
        </Card>
        {value.uncoveredAlerts.length > 0 && (
          <Box mt={2}>
            <Alert severity="warning">
              Alerts without a runbook: {value.uncoveredAlerts.join(', ')}
            </Alert>
          </Box>
        )}
        {value.alertErrors.map(e => (
          <Box mt={2} key={e}>
            <Alert severity="error">{e}</Alert>
          </Box>
        ))}
        <Box mt={2}>
          <Card>
            <CardHeader title="Which runbook answers an alert?" />
            <CardContent>
              <Box display="flex" gridGap={8}>
                <TextField
                  id="alert-name"
                  label="Alert name"
                  size="small"
                  value={alert}
                  onChange={e => setAlert(e.target.value)}
                  fullWidth
                />
                <Button
                  variant="outlined"
                  disabled={!alert.trim() || lookup.running}
                  onClick={() => lookup.run()}
                >
                  Find
                </Button>
              </Box>
              {lookup.error && <ResponseErrorPanel error={lookup.error} />}
              {found && (
                <Box mt={1} data-testid="alert-lookup">
                  {found.items.length === 0 ? (
                    <Typography variant="body2">
                      No runbook lists {found.alert}.
                    </Typography>
                  ) : (
                    found.items.map(i => (
                      <Typography
                        variant="body2"
                        key={`${i.entityRef}/${i.target}`}
                      >
                        <b>{i.title ?? i.target}</b> of{' '}
                        <EntityLink entityRef={i.entityRef} />
                      </Typography>
                    ))
                  )}
                </Box>
              )}
            </CardContent>
          </Card>
        </Box>
      </Grid>
      <Grid item xs={12} md={8}>
        <Card>
          <CardHeader
            title={runbook.metadata.title ?? runbook.target}
            subheader={
              <>
                {runbook.metadata.alerts.length > 0 &&
                  `Alerts: ${runbook.metadata.alerts.join(', ')} · `}
                {runbook.metadata.lastReviewed &&
                  `Last reviewed ${runbook.metadata.lastReviewed} · `}
                {/^https?:/.test(runbook.url) ? (
                  <Link to={runbook.url}>source</Link>
                ) : (
                  runbook.target
                )}
              </>
            }
          />
          <CardContent>
            {runbook.errors.length > 0 && (
              <Alert severity="error" data-testid="runbook-errors">
                {runbook.status === 'unreadable'
                  ? 'This runbook cannot be read: '
                  : 'Its front matter is malformed: '}
                {runbook.errors.join('; ')}
              </Alert>
            )}
            {runbook.markdown !== undefined && (
              <MarkdownContent content={runbook.markdown} dialect="gfm" />
            )}
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
}
