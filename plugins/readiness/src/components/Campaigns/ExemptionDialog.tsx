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
import { readinessApiRef } from '../../api';
import { ReasonField } from '../common/ReasonField';
import { useAction } from '../common/hooks';

/** Asks to exempt one entity from a campaign: a reason and an expiry; somebody else approves it. */
export function ExemptionDialog(props: {
  campaignId: string;
  campaignTitle: string;
  entityRef: string;
  entityTitle: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const api = useApi(readinessApiRef);
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState(() =>
    new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  );
  const expiresAt = new Date(`${expires}T23:59:59Z`);
  const reasonError =
    reason.trim().length < 10
      ? 'At least 10 characters: why does the campaign not apply to it?'
      : undefined;
  const expiresError =
    Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now()
      ? 'A date in the future'
      : undefined;
  const { run, running, error } = useAction(async () => {
    await api.requestCampaignExemption(props.campaignId, {
      entityRef: props.entityRef,
      reason: reason.trim(),
      expiresAt: expiresAt.toISOString(),
    });
    props.onDone();
  });
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="exemption-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="exemption-title">
        Exempt {props.entityTitle} from “{props.campaignTitle}”
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          An exempt entity counts as done for this campaign until the exemption
          expires; its scorecard does not change. Somebody other than you has to
          approve it.
        </DialogContentText>
        <ReasonField
          id="exemption-reason"
          value={reason}
          onChange={setReason}
          error={reasonError}
        />
        <TextField
          id="exemption-expires"
          label="Expires on"
          type="date"
          required
          value={expires}
          onChange={e => setExpires(e.target.value)}
          error={Boolean(expiresError)}
          helperText={expiresError ?? ' '}
          InputLabelProps={{ shrink: true }}
          margin="normal"
        />
        {error && <Alert severity="error">{errorWords(error)}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={running || Boolean(reasonError) || Boolean(expiresError)}
          onClick={() => run()}
        >
          Request exemption
        </Button>
      </DialogActions>
    </Dialog>
  );
}
