import { useState } from 'react';
import { Box, Button, Divider, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import {
  CodeSnippet,
  EmptyState,
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Escalation,
  OnCallShift,
  readinessOnCallEscalatePermission,
} from '@readiness-io/plugin-readiness-common';
import { useReadiness } from '../common/hooks';
import { localTime } from '../common/format';
import { EscalateDialog } from './EscalateDialog';

const SNIPPET = `metadata:
  annotations:
    readiness.io/oncall: oncall/my-team.yaml      # on-call as code
    # or: pagerduty.com/service-id: PXXXXXX`;

function Person(props: {
  label: string;
  shift?: OnCallShift;
  until: 'end' | 'start';
}) {
  if (!props.shift) {
    return (
      <Typography variant="body2">
        {props.label}: <b>nobody</b>
      </Typography>
    );
  }
  const { target } = props.shift;
  return (
    <Box mb={1} data-testid={`oncall-${props.label}`}>
      <Typography variant="overline">{props.label}</Typography>
      <Typography variant="subtitle1">
        <b>{target.name}</b>
        {target.email && (
          <>
            {' '}
            · <Link to={`mailto:${target.email}`}>{target.email}</Link>
          </>
        )}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {props.until === 'end'
          ? `until ${localTime(props.shift.end)}`
          : `from ${localTime(props.shift.start)}`}{' '}
        ({props.shift.source})
      </Typography>
    </Box>
  );
}

/** Who is on call now and next (hand-off in the viewer's time zone), the escalation levels, and Escalate. */
export function EntityOnCallCard() {
  const { value, loading, error, entityRef, retry } = useReadiness((api, ref) =>
    api.getOnCall(ref),
  );
  const canEscalate = usePermission({
    permission: readinessOnCallEscalatePermission,
  }).allowed;
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<Escalation | undefined>();
  return (
    <InfoCard
      title="On-call"
      subheader={value?.provider ? `from ${value.provider}` : undefined}
    >
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && !value.configured && (
        <EmptyState
          missing="field"
          title="No on-call for this entity"
          description="Point it at a rota:"
          action={
            <CodeSnippet language="yaml" showCopyCodeButton text={SNIPPET} />
          }
        />
      )}
      {value?.configured && (
        <>
          <Person label="On call now" shift={value.current} until="end" />
          <Person label="Next hand-off" shift={value.next} until="start" />
          {value.uncoveredHours14d !== undefined &&
            value.uncoveredHours14d > 0 && (
              <Alert severity="warning">
                {value.uncoveredHours14d} hours of the next 14 days have nobody
                on call.
              </Alert>
            )}
          <Box my={2}>
            <Divider />
          </Box>
          <Typography variant="overline">Escalation</Typography>
          {value.levels.map(l => (
            <Typography
              variant="body2"
              key={l.level}
              data-testid={`escalation-level-${l.level}`}
            >
              <b>Level {l.level}</b>: {l.targets.map(t => t.name).join(', ')} —
              after {l.timeoutMinutes} min
            </Typography>
          ))}
          {value.links.map(l => (
            <Typography variant="body2" key={l.url}>
              <Link to={l.url}>{l.title}</Link>
            </Typography>
          ))}
          {done && (
            <Box mt={2}>
              <Alert severity="success" onClose={() => setDone(undefined)}>
                Escalated to level {done.level}. {done.message}
              </Alert>
            </Box>
          )}
          {canEscalate && (
            <Box mt={2}>
              <Button
                variant="contained"
                color="secondary"
                onClick={() => setOpen(true)}
              >
                Escalate
              </Button>
            </Box>
          )}
          {open && (
            <EscalateDialog
              entityRef={entityRef}
              levels={value.levels}
              onClose={() => setOpen(false)}
              onDone={e => {
                setOpen(false);
                setDone(e);
                retry();
              }}
            />
          )}
        </>
      )}
    </InfoCard>
  );
}
