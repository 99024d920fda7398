import { errorWords } from '../common/format';
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { useApi } from '@backstage/core-plugin-api';
import { readinessApiRef } from '../../api';
import { ReasonField } from '../common/ReasonField';
import { ExpiryField, useExpiry } from '../common/ExpiryField';
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
  const expiry = useExpiry(30);
  const reasonError =
    reason.trim().length < 10
      ? 'At least 10 characters: why does the campaign not apply to it?'
      : undefined;
  const { run, running, error } = useAction(async () => {
    await api.requestCampaignExemption(props.campaignId, {
      entityRef: props.entityRef,
      reason: reason.trim(),
      expiresAt: expiry.expiresAt.toISOString(),
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
        <ExpiryField id="exemption-expires" expiry={expiry} />
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
          Request exemption
        </Button>
      </DialogActions>
    </Dialog>
  );
}
