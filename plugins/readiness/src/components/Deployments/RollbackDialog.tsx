import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { Progress } from '@backstage/core-components';
import {
  Deployment,
  RollbackResult,
} from '@readiness-io/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { useAction } from '../common/hooks';
import { errorWords, refName } from '../common/format';

/**
 * Confirms a rollback and says exactly what will happen: which version goes back to which environment, and whether
 * a CD system is told (a webhook is configured) or only the record is made.
 */
export function RollbackDialog(props: {
  deployment: Deployment;
  webhookConfigured?: boolean;
  onClose: () => void;
  onDone: (result: RollbackResult) => void;
}) {
  const api = useApi(readinessApiRef);
  const { deployment } = props;
  const [reason, setReason] = useState('');
  const previous = useAsync(async () => {
    const { items } = await api.listDeployments(deployment.entityRef, {
      environment: deployment.environment,
      limit: 100,
    });
    return items.find(
      d =>
        d.id !== deployment.id &&
        d.environment === deployment.environment &&
        d.status === 'succeeded' &&
        Date.parse(d.startedAt) < Date.parse(deployment.startedAt),
    );
  }, [api, deployment.id]);
  const { run, running, error } = useAction(async () => {
    const result = await api.rollbackDeployment(
      deployment.id,
      reason.trim() || undefined,
    );
    props.onDone(result);
  });
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="rollback-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="rollback-title">
        Roll back {refName(deployment.entityRef)} in{' '}
        {refName(deployment.environment)}?
      </DialogTitle>
      <DialogContent>
        {previous.loading && <Progress />}
        {previous.value && (
          <DialogContentText>
            This records a new deployment of <b>{previous.value.version}</b>{' '}
            (the last successful version before {deployment.version}) to{' '}
            {refName(deployment.environment)}, marked as a rollback of{' '}
            {deployment.version}.
          </DialogContentText>
        )}
        {!previous.loading && !previous.value && (
          <Alert severity="warning">
            There is no earlier successful deployment to roll back to; the
            portal will refuse.
          </Alert>
        )}
        {props.webhookConfigured ? (
          <Alert severity="info">
            The CD system is told through the rollback webhook and carries it
            out.
          </Alert>
        ) : (
          <Alert severity="warning">
            No rollback webhook is configured: the rollback is recorded, but no
            CD system is told to act on it. Roll back by hand (see the rollback
            runbook).
          </Alert>
        )}
        <TextField
          id="rollback-reason"
          label="Reason"
          fullWidth
          multiline
          minRows={2}
          value={reason}
          onChange={e => setReason(e.target.value)}
          inputProps={{ maxLength: 2000 }}
          margin="normal"
        />
        {error && <Alert severity="error">{errorWords(error)}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={running || !previous.value}
          onClick={() => run()}
        >
          Roll back
        </Button>
      </DialogActions>
    </Dialog>
  );
}
