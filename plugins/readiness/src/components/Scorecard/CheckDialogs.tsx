import { errorWords } from '../common/format';
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
import { useApi } from '@backstage/core-plugin-api';
import { CheckTargetRequest } from '@readiness-io/plugin-readiness-common';
import { readinessApiRef } from '../../api';
import { useAction } from '../common/hooks';
import { ReasonField } from '../common/ReasonField';
import { ExpiryField, useExpiry } from '../common/ExpiryField';

type Target = CheckTargetRequest & { title: string };

/** Signs off a manual check: an optional note and link; valid for the days the track says. */
export function AttestDialog(props: {
  target: Target;
  validForDays?: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const api = useApi(readinessApiRef);
  const [note, setNote] = useState('');
  const [link, setLink] = useState('');
  const linkInvalid = link !== '' && !/^https?:\/\/\S+$/.test(link);
  const { run, running, error } = useAction(async () => {
    await api.createAttestation({
      ...strip(props.target),
      ...(note ? { note } : {}),
      ...(link ? { link } : {}),
    });
    props.onDone();
  });
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="attest-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="attest-title">Attest “{props.target.title}”</DialogTitle>
      <DialogContent>
        <DialogContentText>
          You confirm this manual check is done. The attestation is recorded
          with your name
          {props.validForDays
            ? ` and holds for ${props.validForDays} days`
            : ''}
          .
        </DialogContentText>
        <TextField
          id="attest-note"
          label="Note"
          fullWidth
          multiline
          minRows={2}
          value={note}
          onChange={e => setNote(e.target.value)}
          inputProps={{ maxLength: 2000 }}
          margin="normal"
        />
        <TextField
          id="attest-link"
          label="Link to the evidence (optional)"
          fullWidth
          value={link}
          onChange={e => setLink(e.target.value)}
          error={linkInvalid}
          helperText={linkInvalid ? 'An http(s) URL' : ' '}
          margin="normal"
        />
        {error && <Alert severity="error">{errorWords(error)}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={running || linkInvalid}
          onClick={() => run()}
        >
          Attest
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Asks for a waiver: a reason of at least 10 characters and an expiry within the allowed days. */
export function WaiverRequestDialog(props: {
  target: Target;
  maxDays?: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const api = useApi(readinessApiRef);
  const maxDays = props.maxDays ?? 90;
  const [reason, setReason] = useState('');
  const expiry = useExpiry(14, maxDays);
  const reasonError =
    reason.trim().length < 10
      ? 'At least 10 characters: why can this ship without it?'
      : undefined;
  const { run, running, error } = useAction(async () => {
    await api.requestWaiver({
      ...strip(props.target),
      reason: reason.trim(),
      expiresAt: expiry.expiresAt.toISOString(),
    });
    props.onDone();
  });
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="waiver-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="waiver-title">
        Request a waiver for “{props.target.title}”
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          A waived check counts as passed until it expires. Somebody other than
          you has to approve it.
        </DialogContentText>
        <ReasonField
          id="waiver-reason"
          value={reason}
          onChange={setReason}
          error={reasonError}
        />
        <ExpiryField id="waiver-expires" expiry={expiry} />
        {error && <Alert severity="error">{errorWords(error)}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={running || Boolean(reasonError) || Boolean(expiry.error)}
          onClick={() => run()}
        >
          Request waiver
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Approves or revokes a waiver, after a confirmation. */
export function WaiverDecisionDialog(props: {
  action: 'approve' | 'revoke';
  waiverId: string;
  title: string;
  reason: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const api = useApi(readinessApiRef);
  const { run, running, error } = useAction(async () => {
    if (props.action === 'approve') await api.approveWaiver(props.waiverId);
    else await api.revokeWaiver(props.waiverId);
    props.onDone();
  });
  const verb = props.action === 'approve' ? 'Approve' : 'Revoke';
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="decision-title">
      <DialogTitle id="decision-title">
        {verb} the waiver for “{props.title}”?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>Reason given: {props.reason}</DialogContentText>
        {error && <Alert severity="error">{errorWords(error)}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={running}
          onClick={() => run()}
        >
          {verb}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function strip(target: Target): CheckTargetRequest {
  return {
    entityRef: target.entityRef,
    trackId: target.trackId,
    gateId: target.gateId,
    checkId: target.checkId,
  };
}
